import type { CoreContext } from '../api/context.js';
import type { ImportReport } from '../api/views.js';
import { platformMayMove } from '../domain/status.js';
import type { Order, OrderLine } from '../domain/types.js';
import type { ImportedOrder } from '../import/types.js';
import { sql } from '../store/db.js';
import { getOrder, insertOrder, updateOrder } from '../store/orders-repo.js';
import { SkuResolver } from './sku-resolver.js';

type Tally = Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'keptLocal'>;

/** Keeps what was packed here: a line's packed count survives any platform refresh. */
function mergeLines(imported: ImportedOrder['lines'], local: readonly OrderLine[], skuIds: readonly string[]): OrderLine[] {
  const packedBySku = new Map<string, number>();
  for (const l of local) packedBySku.set(l.skuId, (packedBySku.get(l.skuId) ?? 0) + l.packedQuantity);
  return imported.map((l, i) => {
    const skuId = skuIds[i]!;
    const left = packedBySku.get(skuId) ?? 0;
    const packedQuantity = Math.min(left, l.quantity);
    packedBySku.set(skuId, left - packedQuantity);
    return { ...l, skuId, packedQuantity };
  });
}

function cancelAnswered(ctx: CoreContext, orderId: string): boolean {
  return (
    sql(ctx.db, `SELECT 1 FROM outbox WHERE order_id = ? AND kind IN ('order.cancellation_accepted', 'order.cancellation_rejected') LIMIT 1`)
      .pluck()
      .get(orderId) !== undefined
  );
}

/** The order as the file describes it, keeping everything that only happens at this station. */
function fromFile(ctx: CoreContext, f: ImportedOrder, local: Order | null, skuIds: string[], now: number): Order {
  // The export carries no request time: the first import that sees the request starts the clock.
  const requested = f.cancelRequested && !(local && cancelAnswered(ctx, f.id));
  return {
    id: f.id,
    status: f.status,
    cancelRequestedAt: requested ? (local?.cancelRequestedAt ?? now) : null,
    lines: mergeLines(f.lines, local?.lines ?? [], skuIds),
    recipient: f.recipient,
    buyerUsername: f.buyerUsername,
    buyerMessage: f.buyerMessage,
    sellerNote: f.sellerNote,
    trackingNumber: f.trackingNumber || local?.trackingNumber || '',
    packageId: f.packageId || local?.packageId || '',
    carrier: f.carrier,
    deliveryOption: f.deliveryOption,
    weightKg: f.weightKg,
    createdAt: f.createdAt,
    paidAt: f.paidAt,
    rtsAt: f.rtsAt ?? local?.rtsAt ?? null,
    shippedAt: f.shippedAt,
    deliveredAt: f.deliveredAt,
    deliveryFailedAt: f.status === 'DELIVERY_FAILED' ? (local?.deliveryFailedAt ?? now) : (local?.deliveryFailedAt ?? null),
    cancelledAt: f.cancelledAt,
    cancelReason: f.cancelReason,
    platformDeadlines: f.platformDeadlines,
    packedAt: local?.packedAt ?? null,
    shortPackReason: local?.shortPackReason ?? '',
    redeliveryRequestedAt: local?.redeliveryRequestedAt ?? null,
    handedOverAt: local?.handedOverAt ?? null,
    provisional: false,
    version: local?.version ?? 1,
    updatedAt: local?.updatedAt ?? now,
  };
}

function sameOrder(a: Order, b: Order): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Writes parsed orders (the caller holds the transaction). Re-importing the same or an older
 * file changes nothing that happened here: a status only moves forward, packing is kept.
 */
export function applyImportedOrders(ctx: CoreContext, orders: readonly ImportedOrder[], resolver: SkuResolver): Tally {
  const now = ctx.clock.now();
  const tally: Tally = { created: 0, updated: 0, unchanged: 0, keptLocal: 0 };
  orders.forEach((f, i) => {
    const skuIds = f.lines.map((l) => resolver.resolve(l));
    const local = getOrder(ctx.db, f.id);
    if (!local) {
      insertOrder(ctx.db, fromFile(ctx, f, null, skuIds, now));
      tally.created++;
    } else if (!platformMayMove(local, f.status)) {
      tally.keptLocal++;
    } else {
      const next = fromFile(ctx, f, local, skuIds, now);
      if (sameOrder(next, local)) tally.unchanged++;
      else (updateOrder(ctx.db, local, next, now), tally.updated++);
    }
    if ((i + 1) % 2000 === 0) ctx.events.emit('progress', { task: 'import', done: i + 1, total: orders.length });
  });
  return tally;
}
