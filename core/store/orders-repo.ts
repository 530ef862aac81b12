import { nextDeadline } from '../domain/deadlines.js';
import { fail } from '../domain/errors.js';
import { isSingleItem } from '../domain/picklist.js';
import { canTransition } from '../domain/status.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../domain/types.js';
import type { Db } from './db.js';
import { ORDER_COLUMNS, lineFromRow, orderFromRow, orderParams, type LineRow, type OrderRow } from './order-rows.js';
import { sql } from './db.js';

const INSERT_ORDER = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`;
const UPDATE_ORDER = `UPDATE orders SET ${ORDER_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id AND version = @expected_version`;

/** Loads lines for many orders in one pass; SQLite caps bound parameters, so chunk the ids. */
function linesByOrder(db: Db, ids: readonly string[]): Map<string, LineRow[]> {
  const out = new Map<string, LineRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sql(db, `SELECT * FROM order_lines WHERE order_id IN (${chunk.map(() => '?').join(',')}) ORDER BY order_id, line_no`).all(
      ...chunk,
    ) as LineRow[];
    for (const r of rows) {
      const list = out.get(r.order_id);
      if (list) list.push(r);
      else out.set(r.order_id, [r]);
    }
  }
  return out;
}

export function hydrate(db: Db, rows: readonly OrderRow[]): Order[] {
  const lines = linesByOrder(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => orderFromRow(r, (lines.get(r.id) ?? []).map(lineFromRow)));
}

export function getOrder(db: Db, id: string): Order | null {
  const row = sql(db, 'SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
  return row ? hydrate(db, [row])[0]! : null;
}

export function requireOrder(db: Db, id: string): Order {
  return getOrder(db, id) ?? fail('ORDER_NOT_FOUND', `No order ${id}.`, { orderId: id });
}

export function getOrders(db: Db, ids: readonly string[]): Order[] {
  const rows: OrderRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(...(sql(db, `SELECT * FROM orders WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as OrderRow[]));
  }
  return hydrate(db, rows);
}

/** Finds the order a scanned code names: its order id, tracking number or package id. */
export function findOrderByCode(db: Db, code: string): Order | null {
  const row = sql(
    db,
    // The "<> ''" terms let the partial indexes serve (an empty code never names an order).
    `SELECT * FROM orders WHERE id = @code
       UNION ALL SELECT * FROM orders WHERE tracking_number = @code COLLATE NOCASE AND tracking_number <> ''
       UNION ALL SELECT * FROM orders WHERE package_id = @code AND package_id <> ''
       UNION ALL SELECT * FROM (SELECT o.* FROM packages p JOIN package_orders po ON po.package_id = p.id JOIN orders o ON o.id = po.order_id
         WHERE p.id = @code OR (p.tracking_number = @code COLLATE NOCASE AND p.tracking_number <> '')
         ORDER BY o.packed_at IS NOT NULL, o.id)
       LIMIT 1`,
  ).get({ code }) as OrderRow | undefined;
  return row ? hydrate(db, [row])[0]! : null;
}

function writeLines(db: Db, order: Order): void {
  sql(db, 'DELETE FROM order_lines WHERE order_id = ?').run(order.id);
  const ins = sql(
    db,
    `INSERT INTO order_lines (order_id, line_no, sku_id, seller_sku, product_name, variation, quantity, packed_quantity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [i, l] of order.lines.entries()) ins.run(order.id, i + 1, l.skuId, l.sellerSku, l.productName, l.variation, l.quantity, l.packedQuantity);
}

export function insertOrder(db: Db, order: Order): void {
  sql(db, INSERT_ORDER).run(orderParams(order, nextDeadline(order)?.at ?? null, isSingleItem(order)));
  writeLines(db, order);
}

/**
 * Writes a changed order, bumping its version. Fails with CONFLICT when someone else wrote it
 * since `previous` was read (optimistic concurrency). Returns the order as stored.
 */
export function updateOrder(db: Db, previous: Pick<Order, 'id' | 'version'>, next: Order, now: number): Order {
  const stored: Order = { ...next, version: previous.version + 1, updatedAt: now };
  const info = sql(db, UPDATE_ORDER).run({
    ...orderParams(stored, nextDeadline(stored)?.at ?? null, isSingleItem(stored)),
    expected_version: previous.version,
  });
  if (info.changes !== 1) {
    fail('CONFLICT', `Order ${previous.id} was changed meanwhile; reload and try again.`, { orderId: previous.id });
  }
  writeLines(db, stored);
  return stored;
}

/** Only the packed quantity of one line changed: the hot path of every scan. */
export function updatePackedLine(db: Db, previous: Order, next: Order, lineIndex: number, now: number): Order {
  const stored: Order = { ...next, version: previous.version + 1, updatedAt: now };
  const info = sql(db, 'UPDATE orders SET packed_at = ?, packed_by = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?').run(
    stored.packedAt,
    stored.packedBy,
    stored.version,
    now,
    stored.id,
    previous.version,
  );
  if (info.changes !== 1) fail('CONFLICT', `Order ${previous.id} was changed meanwhile; reload and try again.`);
  sql(db, 'UPDATE order_lines SET packed_quantity = ? WHERE order_id = ? AND line_no = ?').run(
    stored.lines[lineIndex]!.packedQuantity,
    stored.id,
    lineIndex + 1,
  );
  return stored;
}

/**
 * Orders the bench may pack now, most urgent first. Orders with a pending cancellation request
 * are left out: the platform rule says not to pack them before the request is answered.
 */
export function packableOrderIds(db: Db, limit = -1): string[] {
  return sql(
    db,
    `SELECT id FROM orders INDEXED BY orders_pick_queue
     WHERE status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING') AND cancel_requested_at IS NULL
     ORDER BY next_deadline_at, id LIMIT ?`,
  )
    .pluck()
    .all(limit) as string[];
}

/** The most urgent packable single-item order that needs exactly this SKU (single-item mode). */
export function singleItemOrderFor(db: Db, skuId: string): Order | null {
  const row = sql(
    db,
    `SELECT o.* FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.sku_id = ? AND o.is_single_item = 1 AND o.status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING')
       AND o.cancel_requested_at IS NULL AND o.packed_at IS NULL AND o.short_pack_reason = ''
     ORDER BY o.next_deadline_at, o.id LIMIT 1`,
  ).get(skuId) as OrderRow | undefined;
  return row ? hydrate(db, [row])[0]! : null;
}

export interface OrderFilter {
  status?: readonly OrderStatus[] | undefined;
  /** Created at or after. */
  from?: number | undefined;
  /** Created before. */
  to?: number | undefined;
}

function where(filter: OrderFilter): { clause: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.status?.length) {
    parts.push(`status IN (${filter.status.map(() => '?').join(',')})`);
    params.push(...filter.status);
  }
  if (filter.from !== undefined) {
    parts.push('created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    parts.push('created_at < ?');
    params.push(filter.to);
  }
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of orders, most urgent deadline first (orders without one last). */
export function listOrders(db: Db, filter: OrderFilter, page: { limit: number; offset: number }): Order[] {
  const w = where(filter);
  const rows = sql(db, `SELECT * FROM orders ${w.clause} ORDER BY next_deadline_at IS NULL, next_deadline_at, id LIMIT ? OFFSET ?`).all(
    ...w.params,
    page.limit,
    page.offset,
  ) as OrderRow[];
  return hydrate(db, rows);
}

/** True once the store holds any order at all. */
export function hasOrders(db: Db): boolean {
  return sql(db, 'SELECT EXISTS (SELECT 1 FROM orders)').pluck().get() === 1;
}

/** Orders by creation time, for an export (the caller bounds the period and the row count). */
export function ordersCreated(db: Db, filter: OrderFilter): Order[] {
  const w = where(filter);
  return hydrate(db, sql(db, `SELECT * FROM orders ${w.clause} ORDER BY created_at, id`).all(...w.params) as OrderRow[]);
}

export function orderIdsWithStatus(db: Db, status: OrderStatus): string[] {
  return sql(db, 'SELECT id FROM orders WHERE status = ? ORDER BY next_deadline_at, id').pluck().all(status) as string[];
}

/** Order ids matching a search: id, tracking or package exactly; recipient or buyer in part; a SKU on a line. */
export function searchOrderIds(db: Db, text: string, limit: number): string[] {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql(
    db,
    `SELECT id FROM orders WHERE id = @text OR tracking_number = @text COLLATE NOCASE OR package_id = @text
       OR recipient_name LIKE @like ESCAPE '\\' OR buyer_username LIKE @like ESCAPE '\\'
       OR id IN (SELECT order_id FROM order_lines WHERE seller_sku = @text COLLATE NOCASE OR sku_id = @text)
     ORDER BY created_at DESC LIMIT @limit`,
  )
    .pluck()
    .all({ text, like, limit }) as string[];
}

/** Statuses from which the platform's automatic rules (or the seller) may still cancel an order. */
const CANCELLABLE = ORDER_STATUSES.filter((s) => canTransition(s, 'CANCELLED'));
const CANCELLABLE_SQL = CANCELLABLE.map((s) => `'${s}'`).join(', ');

// "+status" keeps the planner on the partial index of requests instead of every order of a status.
const UNPAID_DUE = `SELECT * FROM orders WHERE status = 'UNPAID' AND next_deadline_at < @now`;
// Due 48 h after the request, or at the platform's own deadline for the answer when the sync brought one.
const REQUEST_DUE = `SELECT * FROM orders WHERE cancel_requested_at IS NOT NULL AND (cancel_requested_at < @cutoff OR platform_answer_by < @now) AND +status IN (${CANCELLABLE_SQL})`;

/**
 * Whether an automatic rule may have come due for an order: unpaid past its pay-by time, or a
 * cancellation request older than `cutoff`. Two index probes: asked before every write.
 */
export function anyDue(db: Db, now: number, cutoff: number): boolean {
  return sql(db, `SELECT EXISTS (${UNPAID_DUE}) OR EXISTS (${REQUEST_DUE})`).pluck().get({ now, cutoff }) === 1;
}

export function dueOrders(db: Db, now: number, cutoff: number): Order[] {
  return hydrate(db, sql(db, `${UNPAID_DUE} UNION ${REQUEST_DUE}`).all({ now, cutoff }) as OrderRow[]);
}
