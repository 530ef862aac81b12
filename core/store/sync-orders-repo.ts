/**
 * What the pull stores beside the order itself: the platform's update_time (the upsert guard),
 * its line item ids with their packages, cancellation requests with their answer deadline, and
 * the facts around an order that the merge must respect.
 */
import type { MergeFacts } from '../domain/sync-merge.js';
import { sql, type Db } from './db.js';
import { cancelledHere, lastCancelAnswerAt, shipmentArrangedHere } from './sync-outbox-repo.js';

export interface LineItemRecord {
  id: string;
  skuId: string;
  sellerSku: string;
  packageId: string;
  cancelled: boolean;
}

export interface PlatformOrderFacts {
  updateTime: number;
  shippingType: string;
  splitOrCombine: string;
  lineItems: readonly LineItemRecord[];
}

export function storedUpdateTime(db: Db, orderId: string): number | null {
  return (sql(db, 'SELECT update_time FROM platform_orders WHERE order_id = ?').pluck().get(orderId) as number | undefined) ?? null;
}

export function savePlatformOrderFacts(db: Db, orderId: string, facts: PlatformOrderFacts, now: number): void {
  sql(
    db,
    `INSERT INTO platform_orders (order_id, update_time, shipping_type, split_or_combine, line_items, pulled_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(order_id) DO UPDATE SET update_time = excluded.update_time, shipping_type = excluded.shipping_type,
       split_or_combine = excluded.split_or_combine, line_items = excluded.line_items, pulled_at = excluded.pulled_at`,
  ).run(orderId, facts.updateTime, facts.shippingType, facts.splitOrCombine, JSON.stringify(facts.lineItems), now);
}

/** The platform's unit line items of an order, as last pulled (none for orders only from exports). */
export function lineItemsOf(db: Db, orderId: string): LineItemRecord[] {
  const json = sql(db, 'SELECT line_items FROM platform_orders WHERE order_id = ?').pluck().get(orderId) as string | undefined;
  return json ? (JSON.parse(json) as LineItemRecord[]) : [];
}

/** A buyer's (or the seller's) cancellation as the store keeps it. */
export interface CancellationRecord {
  id: string;
  orderId: string;
  status: string;
  type: string;
  role: string;
  reason: string;
  requestedAt: number | null;
  /** The platform's deadline for the seller's answer (SELLER_RESPOND_CANCEL), ms. */
  answerBy: number | null;
  /** The platform's update_time, Unix seconds. */
  updateTime: number;
}

export function saveCancellation(db: Db, c: CancellationRecord): void {
  sql(
    db,
    `INSERT INTO cancellations (id, order_id, status, type, role, reason, requested_at, answer_by, update_time)
     VALUES (@id, @orderId, @status, @type, @role, @reason, @requestedAt, @answerBy, @updateTime)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, type = excluded.type, role = excluded.role, reason = excluded.reason,
       requested_at = excluded.requested_at, answer_by = coalesce(excluded.answer_by, cancellations.answer_by), update_time = excluded.update_time
     WHERE excluded.update_time >= cancellations.update_time`,
  ).run(c);
}

/** The buyer's request waiting for the seller's answer, if the cancellations search has seen it. */
export function pendingCancellation(db: Db, orderId: string): { id: string; answerBy: number | null } | null {
  const row = sql(
    db,
    `SELECT id, answer_by FROM cancellations WHERE order_id = ? AND status = 'CANCELLATION_REQUEST_PENDING'
     ORDER BY coalesce(requested_at, 0) DESC, update_time DESC LIMIT 1`,
  ).get(orderId) as { id: string; answer_by: number | null } | undefined;
  return row ? { id: row.id, answerBy: row.answer_by } : null;
}

function openAtBench(db: Db, orderId: string): boolean {
  return sql(db, 'SELECT 1 FROM station_sessions WHERE order_id = ? LIMIT 1').pluck().get(orderId) !== undefined;
}

export function labelPrintedAt(db: Db, orderId: string): number | null {
  return (
    (sql(db, "SELECT max(coalesce(sent_at, updated_at)) FROM print_jobs WHERE order_id = ? AND document = 'SHIPPING_LABEL' AND state = 'SENT'")
      .pluck()
      .get(orderId) as number | null) ?? null
  );
}

export function mergeFacts(db: Db, orderId: string): MergeFacts {
  return {
    storedUpdateTime: storedUpdateTime(db, orderId),
    cancelAnsweredAt: lastCancelAnswerAt(db, orderId),
    answerBy: pendingCancellation(db, orderId)?.answerBy ?? null,
    openAtBench: openAtBench(db, orderId),
    labelPrintedAt: labelPrintedAt(db, orderId),
    shipmentArrangedHere: shipmentArrangedHere(db, orderId),
    cancelledHere: cancelledHere(db, orderId),
  };
}

/** After the user discards an entry, the order is read again from the platform whatever its update_time. */
export function markForRefetch(db: Db, orderId: string): void {
  sql(db, 'UPDATE platform_orders SET update_time = 0 WHERE order_id = ?').run(orderId);
}

export function ordersToRefetch(db: Db, limit: number): string[] {
  return sql(db, 'SELECT order_id FROM platform_orders WHERE update_time = 0 LIMIT ?').pluck().all(limit) as string[];
}
