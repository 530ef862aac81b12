import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { QueuePage } from '../api/views.js';
import { hydrate } from '../store/orders-repo.js';
import type { OrderRow } from '../store/order-rows.js';
import { viewsOf } from './order-view.js';
import { sql } from '../store/db.js';

/**
 * The pick queue: orders awaiting shipment, most urgent deadline first. The WHERE clause
 * matches the partial index orders_pick_queue, so the page is read straight off the index
 * (named, because on a small table the planner would otherwise sort a status-index scan).
 */
export function queuePage(ctx: CoreContext, input: Input<'orders.queue'>): QueuePage {
  const where = [`status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING')`];
  const params: Record<string, unknown> = {};
  if (input.carrier !== undefined) (where.push('carrier = @carrier'), (params.carrier = input.carrier));
  if (input.singleItem !== undefined) (where.push('is_single_item = @single'), (params.single = input.singleItem ? 1 : 0));
  if (input.cancelRequested !== undefined) {
    where.push(input.cancelRequested ? 'cancel_requested_at IS NOT NULL' : 'cancel_requested_at IS NULL');
  }
  if (input.sku !== undefined) {
    where.push('id IN (SELECT order_id FROM order_lines WHERE seller_sku = @sku COLLATE NOCASE OR sku_id = @sku)');
    params.sku = input.sku;
  }
  if (input.bin !== undefined) {
    where.push(
      'id IN (SELECT l.order_id FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE s.bin = @bin COLLATE NOCASE)',
    );
    params.bin = input.bin;
  }
  const filter = where.join(' AND ');
  const total = sql(ctx.db, `SELECT count(*) FROM orders WHERE ${filter}`).pluck().get(params) as number;
  const rows = sql(ctx.db, `SELECT * FROM orders INDEXED BY orders_pick_queue WHERE ${filter} ORDER BY next_deadline_at, id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as OrderRow[];
  return { total, orders: viewsOf(ctx.db, hydrate(ctx.db, rows), ctx.clock.now()) };
}
