import type { PickList, PickListRow } from '../../../../core/domain/picklist.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';

const SECTION_TITLES: Record<PickList['sections'][number]['kind'], MessageKey | null> = {
  ALL: null,
  SINGLE_ITEM: 'queue.picklist.single',
  MULTI_ITEM: 'queue.picklist.multi',
};

interface Props {
  wave: PickList;
  number: number;
  of: number;
  printedAt: string;
  station: string;
}

/** The orders on a row, each whole on one line (never split mid-id), with the count when an order needs more than one. */
function OrdersOf({ row }: { row: PickListRow }) {
  return row.orders.map((o, i) => (
    <span key={o.orderId} className="picklist-order">
      {o.quantity > 1 ? `${o.orderId} ×${o.quantity}` : o.orderId}
      {i < row.orders.length - 1 ? ', ' : ''}
    </span>
  ));
}

/**
 * One wave of the pick list as A4 pages: rows in walking order (bin, then SKU, as the core sorted
 * them), a box to tick, and which orders each item goes to. Each wave starts on a new page.
 */
export function PickListWave({ wave, number, of, printedAt, station }: Props) {
  const t = useT();
  return (
    <section className="picklist-wave" data-testid="picklist-wave" aria-label={t('queue.picklist.title', { number, of })}>
      <header className="picklist-wave__head">
        <h1>{t('queue.picklist.title', { number, of })}</h1>
        <p>
          {t('queue.picklist.summary', { orders: wave.orderIds.length, units: wave.totalUnits })} · {t('queue.picklist.printed', { at: printedAt, station })}
        </p>
      </header>
      {wave.sections
        .filter((s) => s.rows.length > 0)
        .map((section) => {
          const title = SECTION_TITLES[section.kind];
          return (
            <table key={section.kind} className="picklist-table" data-testid="picklist-section" data-kind={section.kind}>
              {title && <caption>{t(title)}</caption>}
              <thead>
                <tr>
                  <th className="picklist-table__tick" aria-label={t('queue.picklist.col.picked')} />
                  <th>{t('queue.picklist.col.bin')}</th>
                  <th>{t('queue.picklist.col.qty')}</th>
                  <th>{t('queue.picklist.col.sku')}</th>
                  <th>{t('queue.picklist.col.name')}</th>
                  <th>{t('queue.picklist.col.variation')}</th>
                  <th>{t('queue.picklist.col.orders')}</th>
                </tr>
              </thead>
              <tbody>
                {section.rows.map((row) => (
                  <tr key={row.skuId} data-testid="picklist-row">
                    <td className="picklist-table__tick">☐</td>
                    <td className="picklist-table__bin">{row.bin ?? t('queue.picklist.noBin')}</td>
                    <td className="picklist-table__qty">{row.quantity}</td>
                    <td className="picklist-table__sku">{row.sellerSku}</td>
                    <td>{row.name}</td>
                    <td>{row.variation}</td>
                    <td className="picklist-table__orders">
                      <OrdersOf row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      <footer className="picklist-wave__orders">
        <strong>{t('queue.picklist.ordersInWave')}</strong> {wave.orderIds.join(', ')}
      </footer>
    </section>
  );
}
