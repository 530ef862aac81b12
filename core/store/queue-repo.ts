import type { OrderStatus } from '../domain/types.js';
import { sql, type Db } from './db.js';

/** What the pick queue shows of one order, straight from its row. */
export interface QueueOrderRow {
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
  packed_by: string | null;
  is_single_item: number;
  label_printed_at: number | null;
}

export interface QueueLineRow {
  order_id: string;
  seller_sku: string;
  product_name: string;
  variation: string;
  quantity: number;
  packed_quantity: number;
  bin: string | null;
}

export interface QueueFilter {
  carrier?: string | undefined;
  singleItem?: boolean | undefined;
  sku?: string | undefined;
  bin?: string | undefined;
  cancelRequested?: boolean | undefined;
}

const COLUMNS = `id, status, cancel_requested_at, created_at, paid_at, rts_at, delivery_failed_at, redelivery_requested_at,
  platform_ship_by, platform_collect_by, platform_answer_by, recipient_name, country, carrier, tracking_number, packed_at, packed_by, is_single_item,
  (SELECT max(j.sent_at) FROM print_jobs j WHERE j.order_id = orders.id AND j.document = 'SHIPPING_LABEL' AND j.state = 'SENT') AS label_printed_at`;

function filterOf(f: QueueFilter): { where: string; params: Record<string, unknown> } {
  const where = [`status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING')`];
  const params: Record<string, unknown> = {};
  if (f.carrier !== undefined) {
    where.push('carrier = @carrier');
    params.carrier = f.carrier;
  }
  if (f.singleItem !== undefined) {
    where.push('is_single_item = @single');
    params.single = f.singleItem ? 1 : 0;
  }
  if (f.cancelRequested !== undefined) where.push(f.cancelRequested ? 'cancel_requested_at IS NOT NULL' : 'cancel_requested_at IS NULL');
  if (f.sku !== undefined) {
    where.push('id IN (SELECT order_id FROM order_lines WHERE seller_sku = @sku COLLATE NOCASE OR sku_id = @sku)');
    params.sku = f.sku;
  }
  if (f.bin !== undefined) {
    where.push('id IN (SELECT l.order_id FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE s.bin = @bin COLLATE NOCASE)');
    params.bin = f.bin;
  }
  return { where: where.join(' AND '), params };
}

/**
 * One page of the pick queue and the count of every match. The WHERE clause matches the partial
 * index orders_pick_queue, named because on a small table the planner would rather sort.
 */
export function queueRows(db: Db, f: QueueFilter, page: { limit: number; offset: number }): { total: number; rows: QueueOrderRow[] } {
  const { where, params } = filterOf(f);
  const total = sql(db, `SELECT count(*) FROM orders WHERE ${where}`).pluck().get(params) as number;
  const rows = sql(
    db,
    `SELECT ${COLUMNS} FROM orders INDEXED BY orders_pick_queue WHERE ${where} ORDER BY next_deadline_at, id LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: page.limit, offset: page.offset }) as QueueOrderRow[];
  return { total, rows };
}

export function queueLines(db: Db, ids: readonly string[]): QueueLineRow[] {
  if (ids.length === 0) return [];
  return sql(
    db,
    `SELECT l.order_id, l.seller_sku, l.product_name, l.variation, l.quantity, l.packed_quantity, s.bin
     FROM order_lines l LEFT JOIN skus s ON s.id = l.sku_id
     WHERE l.order_id IN (${ids.map(() => '?').join(',')}) ORDER BY l.order_id, l.line_no`,
  ).all(...ids) as QueueLineRow[];
}
