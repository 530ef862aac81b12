import type { Db } from './db.js';
import { sql } from './db.js';

/**
 * What the platform must learn about. Written in the same transaction as the change it
 * describes, so a change is never saved without its event (sync drains this later).
 */
export const OUTBOX_KINDS = [
  'order.packed',
  'order.unpacked',
  'order.short_packed',
  'order.shipment_arranged',
  'order.cancellation_accepted',
  'order.cancellation_rejected',
  'order.seller_cancelled',
  'order.redelivery_requested',
  'handover.closed',
  'sku.stock_zeroed',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

const written = new WeakSet<Db>();

/** True once after any outbox write since the last call: lets the dispatcher announce it. */
export function takeOutboxWritten(db: Db): boolean {
  return written.delete(db);
}

export function appendOutbox(db: Db, at: number, kind: OutboxKind, orderId: string | null, payload: unknown): void {
  written.add(db);
  sql(db, 'INSERT INTO outbox (at, kind, order_id, payload) VALUES (?, ?, ?, ?)').run(at, kind, orderId, JSON.stringify(payload));
}

export function countPendingOutbox(db: Db): number {
  return sql(db, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')").pluck().get() as number;
}

/** Whether the seller answered this order's cancellation request here (accepted or rejected). */
export function cancellationAnswered(db: Db, orderId: string): boolean {
  return (
    sql(db, `SELECT 1 FROM outbox WHERE order_id = ? AND kind IN ('order.cancellation_accepted', 'order.cancellation_rejected') LIMIT 1`)
      .pluck()
      .get(orderId) !== undefined
  );
}
