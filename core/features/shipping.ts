import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import type { ArrangeResult, BatchFailure } from '../api/views.js';
import { PackdeskError } from '../domain/errors.js';
import { decideArrange } from '../domain/orders.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrders, updateOrder } from '../store/orders-repo.js';

/** Platform rule: ship at most 500 packages in one batch call. */
export const SHIP_BATCH_SIZE = 500;

/** One chunk in one write step: each order arranged with its outbox entry, or reported refused. */
function arrangeChunk(ctx: CoreContext, ids: readonly string[], allowUnpacked: boolean): { arranged: string[]; failed: BatchFailure[] } {
  const now = ctx.clock.now();
  const arranged: string[] = [];
  const failed: BatchFailure[] = [];
  const found = new Map(getOrders(ctx.db, ids).map((o) => [o.id, o]));
  for (const id of ids) {
    const order = found.get(id);
    if (!order) {
      failed.push({ orderId: id, code: 'ORDER_NOT_FOUND', message: `No order ${id}.` });
      continue;
    }
    try {
      updateOrder(ctx.db, order, decideArrange(order, allowUnpacked, now), now);
      appendOutbox(ctx.db, now, 'order.shipment_arranged', order.id, { orderId: order.id, packageId: order.packageId });
      arranged.push(id);
    } catch (err) {
      if (!(err instanceof PackdeskError)) throw err;
      failed.push({ orderId: id, code: err.code, message: err.message });
    }
  }
  return { arranged, failed };
}

/**
 * Arranges shipment for any number of orders, in chunks of 500 (one write step and one platform
 * batch each; scans go on between chunks). A refused order is reported and the rest go on.
 */
export async function arrangeShipment(ctx: CoreContext, orderIds: readonly string[], allowUnpacked: boolean): Promise<ArrangeResult> {
  const unique = [...new Set(orderIds)];
  const arranged: string[] = [];
  const failed: BatchFailure[] = [];
  let chunks = 0;
  for (let i = 0; i < unique.length; i += SHIP_BATCH_SIZE) {
    const ids = unique.slice(i, i + SHIP_BATCH_SIZE);
    const done = await ctx.write(() => arrangeChunk(ctx, ids, allowUnpacked));
    arranged.push(...done.arranged);
    failed.push(...done.failed);
    chunks++;
    ctx.events.emit('progress', { task: 'arrange', done: Math.min(i + SHIP_BATCH_SIZE, unique.length), total: unique.length });
  }
  if (arranged.length) ctx.events.emit('orders.changed', { orderIds: arranged });
  return { arranged, failed, chunks };
}

export const shippingHandlers: Pick<Handlers, 'shipping.arrange'> = {
  'shipping.arrange': (input, ctx) => arrangeShipment(ctx, input.orderIds, input.allowUnpacked),
};
