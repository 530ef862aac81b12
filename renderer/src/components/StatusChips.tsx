import type { OrderStatus } from '../../../core/domain/types.js';
import type { MessageKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';

export type Chip = 'packed' | 'labelPrinted' | 'arranged';

const KEYS: Record<Chip, MessageKey> = { packed: 'chip.packed', labelPrinted: 'chip.labelPrinted', arranged: 'chip.arranged' };

/** What has been done to an order so far, in the order it is done at the bench. */
export function chipsOf(o: { packedAt: number | null; labelPrintedAt: number | null; status: OrderStatus }): Chip[] {
  const chips: Chip[] = [];
  if (o.packedAt !== null) chips.push('packed');
  if (o.labelPrintedAt !== null) chips.push('labelPrinted');
  // Shipment arranged: the platform's "awaiting collection" (the pick queue never lists those).
  if (o.status === 'AWAITING_COLLECTION') chips.push('arranged');
  return chips;
}

/** Small chips: packed, label printed, arranged; nothing at all for an order nobody has touched. */
export function StatusChips({ order }: { order: Parameters<typeof chipsOf>[0] }) {
  const t = useT();
  const chips = chipsOf(order);
  if (chips.length === 0) return null;
  return (
    <span className="chips" data-testid="status-chips" data-chips={chips.join(' ')}>
      {chips.map((c) => (
        <span key={c} className={`chip chip--${c}`}>
          {t(KEYS[c])}
        </span>
      ))}
    </span>
  );
}
