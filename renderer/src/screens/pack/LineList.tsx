import { memo } from 'react';
import type { LineView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';
import { binWalkOrder, nextLine } from './binWalk.js';

/**
 * The order's lines in big type, in bin-walk order: what to pick, from which bin, and how many are
 * in the parcel. The line to scan next is marked.
 */
export const LineList = memo(function LineList({ lines }: { lines: LineView[] }) {
  const t = useT();
  const active = nextLine(lines);
  // A line's number is its place in the order as the core lists it; its place in bin-walk order moves with the bins.
  const lineNo = new Map(lines.map((line, i) => [line, i + 1]));
  return (
    <table className="line-list">
      <caption className="visually-hidden">{t('pack.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="line-list__check">
            <span className="visually-hidden">{t('pack.line.check')}</span>
          </th>
          <th scope="col">{t('pack.line.item')}</th>
          <th scope="col">{t('pack.line.bin')}</th>
          <th scope="col" className="line-list__count">
            {t('pack.line.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {binWalkOrder(lines).map((line) => (
          <Line key={lineNo.get(line)} line={line} active={line === active} />
        ))}
      </tbody>
    </table>
  );
});

function Line({ line, active }: { line: LineView; active: boolean }) {
  const t = useT();
  const done = line.packedQty >= line.qty;
  return (
    <tr
      className={`line${done ? ' is-done' : ''}${active ? ' is-active' : ''}`}
      data-testid={`line-${line.sellerSku}`}
      data-sku={line.sellerSku}
      aria-current={active ? 'step' : undefined}
    >
      <td className="line-list__check" aria-label={done ? t('pack.line.done') : t('pack.line.open')}>
        {done ? '✔' : ''}
      </td>
      <td>
        <div className="line__sku">{line.sellerSku}</div>
        <div className="line__name">
          {line.name}
          {line.variation && <span className="line__variation"> · {line.variation}</span>}
        </div>
      </td>
      <td className="line__bin">{line.bin ?? t('pack.line.noBin')}</td>
      <td className="line-list__count">
        <span className="line__packed">{line.packedQty}</span>
        <span className="line__of"> / </span>
        <span className="line__qty">{line.qty}</span>
      </td>
    </tr>
  );
}
