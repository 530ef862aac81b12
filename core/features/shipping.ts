import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import type { ArrangeResult, BatchFailure } from '../api/views.js';
import { PackdeskError } from '../domain/errors.js';
import { isPackDone } from '../domain/packing.js';
import { canTransition, packRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import type { Order } from '../domain/types.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrders, updateOrder } from '../store/orders-repo.js';

/** Platform rule: ship at most 500 packages in one batch call. */
export const SHIP_BATCH_SIZE = 500;

function arrangeOne(ctx: CoreContext, order: Order, allowUnpacked: boolean, now: number): void {
  const refusal = packRefusal(order);
  if (refusal) throw new PackdeskError(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
  if (!allowUnpacked && !isPackDone(order)) {
    throw new PackdeskError('ORDER_NOT_PACKED', `Order ${order.id} is not packed yet.`);
  }
  if (!canTransition(order.status, 'AWAITING_COLLECTION')) {
    throw new PackdeskError('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status}.`);
  }
  updateOrder(ctx.db, order, { ...order, status: 'AWAITING_COLLECTION', rtsAt: now }, now);
  appendOutbox(ctx.db, now, 'order.shipment_arranged', order.id, { orderId: order.id, packageId: order.packageId });
}

/**
 * Arranges shipment for any number of orders, in chunks of 500 (one transaction and one
 * platform batch each). A refused order is reported and the rest go on.
 */
export function arrangeShipment(ctx: CoreContext, orderIds: readonly string[], allowUnpacked: boolean): ArrangeResult {
  const unique = [...new Set(orderIds)];
  const arranged: string[] = [];
  const failed: BatchFailure[] = [];
  let chunks = 0;
  for (let i = 0; i < unique.length; i += SHIP_BATCH_SIZE) {
    const ids = unique.slice(i, i + SHIP_BATCH_SIZE);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      const found = new Map(getOrders(ctx.db, ids).map((o) => [o.id, o]));
      for (const id of ids) {
        const order = found.get(id);
        if (!order) {
          failed.push({ orderId: id, code: 'ORDER_NOT_FOUND', message: `No order ${id}.` });
          continue;
        }
        try {
          arrangeOne(ctx, order, allowUnpacked, now);
          arranged.push(id);
        } catch (err) {
          if (!(err instanceof PackdeskError)) throw err;
          failed.push({ orderId: id, code: err.code, message: err.message });
        }
      }
    })();
    chunks++;
    ctx.events.emit('progress', { task: 'arrange', done: Math.min(i + SHIP_BATCH_SIZE, unique.length), total: unique.length });
  }
  if (arranged.length) ctx.events.emit('orders.changed', { orderIds: arranged });
  return { arranged, failed, chunks };
}

export const shippingHandlers: Pick<Handlers, 'shipping.arrange'> = {
  'shipping.arrange': (input, ctx) => arrangeShipment(ctx, input.orderIds, input.allowUnpacked),
};
