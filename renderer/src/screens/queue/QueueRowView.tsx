import { memo, type MouseEvent } from 'react';
import type { QueueRow } from '../../../../core/api/views.js';
import { StatusChips } from '../../components/StatusChips.js';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { countdown, liveUrgency, URGENCY_CLASS } from './countdown.js';
import { useNow } from './useNow.js';

/**
 * Fixed: the list is windowed by arithmetic on it (index × height), so rows never wrap taller.
 * 44 px gives 12 rows or more at 1366×768 with the filters folded.
 */
export const ROW_HEIGHT = 44;

export const optionId = (index: number) => `queue-option-${index}`;

interface Props {
  index: number;
  row: QueueRow | undefined;
  selected: boolean;
  active: boolean;
  onPick(index: number, extend: boolean): void;
  onOpen?(orderId: string): void;
}

/** One order of the queue, or a placeholder while its page is on the way. */
export const QueueRowView = memo(function QueueRowView({ index, row, selected, active, onPick, onOpen }: Props) {
  const t = useT();
  const now = useNow();
  const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
  if (!row) {
    return (
      // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps focus and points at its rows with aria-activedescendant; a row is never focused itself
      <div
        className="queue-row queue-row--placeholder"
        style={style}
        role="option"
        aria-selected={false}
        id={optionId(index)}
        data-testid="queue-row-placeholder"
      >
        {t('queue.loadingRow')}
      </div>
    );
  }
  const click = (e: MouseEvent) => onPick(index, e.shiftKey);
  // A shift-click must not also select the text between the two rows.
  const mouseDown = (e: MouseEvent) => e.shiftKey && e.preventDefault();
  const urgency = liveUrgency(row, now);
  // No-break spaces hold each line (SKU ×qty @bin) together when the list wraps.
  const lines = row.lines.map((l) => `${l.sellerSku}\u00a0×${l.qty}${l.bin ? `\u00a0@${l.bin}` : ''}`).join(' · ');
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: the listbox keeps focus and points at its rows with aria-activedescendant; a row is never focused itself
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for the active row (arrows, Space selects, Enter opens)
    <div
      className={`queue-row ${URGENCY_CLASS[urgency]}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={style}
      role="option"
      aria-selected={selected}
      id={optionId(index)}
      data-testid="queue-row"
      data-order-id={row.id}
      onClick={click}
      onDoubleClick={onOpen && (() => onOpen(row.id))}
      onMouseDown={mouseDown}
    >
      <span className="queue-row__check" aria-hidden="true">
        {selected ? '☑' : '☐'}
      </span>
      <Deadline row={row} now={now} />
      <span className="queue-row__order">
        <span className="queue-row__id">{row.id}</span>
        <span className="queue-row__to">
          {row.recipientName} · {row.country}
        </span>
      </span>
      <span className="queue-row__carrier">
        {row.carrier}
        {row.packedAt === null && row.unitsPacked > 0 && (
          <span className="queue-row__packed">{t('queue.row.packed', { packed: row.unitsPacked, total: row.unitsOrdered })}</span>
        )}
      </span>
      <span className="queue-row__items" title={lines}>
        {row.cancelRequestedAt !== null ? (
          <span className="flag flag--error">{t('queue.flag.cancelRequested')}</span>
        ) : (
          row.packRefusal && <span className="flag flag--error">{t(errorKey(row.packRefusal))}</span>
        )}{' '}
        {/* With the items, which have room: under the carrier, at 1024 px, "Label printed" was cut in half. */}
        <StatusChips order={row} />{' '}
        <span className="queue-row__count">{row.singleItem ? t('queue.row.single') : t('queue.row.units', { count: row.unitsOrdered })}</span>{' '}
        <span className="queue-row__lines">{lines}</span>
      </span>
    </div>
  );
});

/** The live countdown to the order's next deadline; its colour is the row's urgency. */
function Deadline({ row, now }: { row: QueueRow; now: number }) {
  const t = useT();
  const deadline = row.nextDeadline;
  if (!deadline) return <span className={`queue-row__deadline ${URGENCY_CLASS.NONE}`}>{t('queue.deadline.none')}</span>;
  const urgency = liveUrgency(row, now);
  const left = countdown(deadline.at, now);
  const time = t(left.key, left.vars);
  return (
    <span
      className={`queue-row__deadline ${URGENCY_CLASS[urgency]}`}
      data-testid="queue-countdown"
      data-urgency={urgency}
      title={new Date(deadline.at).toLocaleString()}
    >
      <span className="queue-row__time">{left.overdue ? t('queue.countdown.overdue', { time }) : t('queue.countdown.left', { time })}</span>
      <span className="queue-row__kind">{t(`queue.deadline.${deadline.kind}`)}</span>
    </span>
  );
}
