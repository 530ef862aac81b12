import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { QueuePage, QueueRow } from '../api/views.js';
import { openDeadlines, urgencyOf } from '../domain/deadlines.js';
import { packRefusal } from '../domain/status.js';
import type { OrderStatus } from '../domain/types.js';
import { sql } from '../store/db.js';

interface Row {
  id: string;
  status: OrderStatus;
  cancel_requested_at: number | null;
  created_at: number;
  paid_at: number | null;
  rts_at: number | null;
  delivery_failed_at: number | null;
  redelivery_requested_at: number | null;
  platform_ship_by: number | null;
  platform_collect_by: number | null;
  platform_answer_by: number | null;
  recipient_name: string;
  country: string;
  carrier: string;
  tracking_number: string;
  packed_at: number | null;
  is_single_item: number;
}

interface LineRow {
  order_id: string;
  seller_sku: string;
  product_name: string;
  variation: string;
  quantity: number;
  packed_quantity: number;
  bin: string | null;
}

const COLUMNS = `id, status, cancel_requested_at, created_at, paid_at, rts_at, delivery_failed_at, redelivery_requested_at,
  platform_ship_by, platform_collect_by, platform_answer_by, recipient_name, country, carrier, tracking_number, packed_at, is_single_item`;

function filterOf(input: Input<'orders.queue'>): { where: string; params: Record<string, unknown> } {
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
    where.push('id IN (SELECT l.order_id FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE s.bin = @bin COLLATE NOCASE)');
    params.bin = input.bin;
  }
  return { where: where.join(' AND '), params };
}

function linesOf(ctx: CoreContext, ids: readonly string[]): Map<string, QueueRow['lines']> {
  const out = new Map<string, QueueRow['lines']>();
  if (ids.length === 0) return out;
  const rows = sql(
    ctx.db,
    `SELECT l.order_id, l.seller_sku, l.product_name, l.variation, l.quantity, l.packed_quantity, s.bin
     FROM order_lines l LEFT JOIN skus s ON s.id = l.sku_id
     WHERE l.order_id IN (${ids.map(() => '?').join(',')}) ORDER BY l.order_id, l.line_no`,
  ).all(...ids) as LineRow[];
  for (const r of rows) {
    const line = { sellerSku: r.seller_sku, name: r.product_name, variation: r.variation, qty: r.quantity, packedQty: r.packed_quantity, bin: r.bin };
    const list = out.get(r.order_id);
    if (list) list.push(line);
    else out.set(r.order_id, [line]);
  }
  return out;
}

function toRow(r: Row, lines: QueueRow['lines'], now: number): QueueRow {
  const next =
    openDeadlines({
      status: r.status,
      createdAt: r.created_at,
      paidAt: r.paid_at,
      rtsAt: r.rts_at,
      cancelRequestedAt: r.cancel_requested_at,
      deliveryFailedAt: r.delivery_failed_at,
      redeliveryRequestedAt: r.redelivery_requested_at,
      platformDeadlines: { shipBy: r.platform_ship_by, collectBy: r.platform_collect_by, answerBy: r.platform_answer_by },
    })[0] ?? null;
  return {
    id: r.id,
    status: r.status,
    cancelRequestedAt: r.cancel_requested_at,
    nextDeadline: next,
    urgency: urgencyOf(next, now),
    packRefusal: packRefusal({ status: r.status, cancelRequestedAt: r.cancel_requested_at }),
    recipientName: r.recipient_name,
    country: r.country,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    packedAt: r.packed_at,
    singleItem: r.is_single_item === 1,
    unitsOrdered: lines.reduce((n, l) => n + l.qty, 0),
    unitsPacked: lines.reduce((n, l) => n + l.packedQty, 0),
    lines,
  };
}

/**
 * The pick queue: orders awaiting shipment, most urgent deadline first, as list rows (the
 * order's detail comes from orders.get). The WHERE clause matches the partial index
 * orders_pick_queue, named because on a small table the planner would rather sort.
 */
export function queuePage(ctx: CoreContext, input: Input<'orders.queue'>): QueuePage {
  const { where, params } = filterOf(input);
  const total = sql(ctx.db, `SELECT count(*) FROM orders WHERE ${where}`).pluck().get(params) as number;
  const rows = sql(
    ctx.db,
    `SELECT ${COLUMNS} FROM orders INDEXED BY orders_pick_queue WHERE ${where}
     ORDER BY next_deadline_at, id LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset }) as Row[];
  const lines = linesOf(ctx, rows.map((r) => r.id));
  const now = ctx.clock.now();
  return { total, orders: rows.map((r) => toRow(r, lines.get(r.id) ?? [], now)) };
}
