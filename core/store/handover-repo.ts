import type { OrderStatus } from '../domain/types.js';
import type { HandoverMethod } from '../shared/vocabulary.js';
import { sql, type Db } from './db.js';

export interface HandoverBatchRow {
  id: number;
  station: string;
  carrier: string;
  method: HandoverMethod;
  openedAt: number;
  closedAt: number | null;
}

export interface HandoverParcelRow {
  orderId: string;
  trackingNumber: string;
  carrier: string;
  scannedAt: number;
}

export function openHandover(db: Db, b: { station: string; carrier: string; method: HandoverMethod }, now: number): number {
  return Number(
    sql(db, 'INSERT INTO handover_batches (station, carrier, method, opened_at) VALUES (?, ?, ?, ?)').run(b.station, b.carrier, b.method, now).lastInsertRowid,
  );
}

export function getHandover(db: Db, id: number): HandoverBatchRow | null {
  const b = sql(db, 'SELECT * FROM handover_batches WHERE id = ?').get(id) as
    | { id: number; station: string; carrier: string; method: HandoverMethod; opened_at: number; closed_at: number | null }
    | undefined;
  return b ? { id: b.id, station: b.station, carrier: b.carrier, method: b.method, openedAt: b.opened_at, closedAt: b.closed_at } : null;
}

export function parcelsOf(db: Db, batchId: number): HandoverParcelRow[] {
  const rows = sql(
    db,
    `SELECT p.order_id, o.tracking_number, o.carrier, p.scanned_at FROM handover_parcels p
     JOIN orders o ON o.id = p.order_id WHERE p.batch_id = ? ORDER BY p.scanned_at, p.order_id`,
  ).all(batchId) as { order_id: string; tracking_number: string; carrier: string; scanned_at: number }[];
  return rows.map((p) => ({ orderId: p.order_id, trackingNumber: p.tracking_number, carrier: p.carrier, scannedAt: p.scanned_at }));
}

export function parcelCount(db: Db, batchId: number): number {
  return sql(db, 'SELECT count(*) FROM handover_parcels WHERE batch_id = ?').pluck().get(batchId) as number;
}

/** The handover batch a parcel already sits in (a parcel goes to the courier once). */
export function batchOfParcel(db: Db, orderId: string): number | null {
  return (sql(db, 'SELECT batch_id FROM handover_parcels WHERE order_id = ?').pluck().get(orderId) as number | undefined) ?? null;
}

export function addParcel(db: Db, batchId: number, orderId: string, now: number): void {
  sql(db, 'INSERT INTO handover_parcels (batch_id, order_id, scanned_at) VALUES (?, ?, ?)').run(batchId, orderId, now);
}

/**
 * A parcel scanned earlier may since have been cancelled (or moved on): it must not leave with
 * the courier. Such parcels come out of the batch and are returned.
 */
export function holdBackChanged(db: Db, batchId: number): { orderId: string; status: OrderStatus }[] {
  const changed = sql(
    db,
    `SELECT p.order_id, o.status FROM handover_parcels p JOIN orders o ON o.id = p.order_id
     WHERE p.batch_id = ? AND o.status <> 'AWAITING_COLLECTION' ORDER BY p.order_id`,
  ).all(batchId) as { order_id: string; status: OrderStatus }[];
  const remove = sql(db, 'DELETE FROM handover_parcels WHERE batch_id = ? AND order_id = ?');
  for (const c of changed) remove.run(batchId, c.order_id);
  return changed.map((c) => ({ orderId: c.order_id, status: c.status }));
}

/** Closes the batch and stamps its parcels handed over (each order's version moves on). */
export function closeHandover(db: Db, batchId: number, orderIds: readonly string[], now: number): void {
  sql(db, 'UPDATE handover_batches SET closed_at = ? WHERE id = ?').run(now, batchId);
  const mark = sql(db, 'UPDATE orders SET handed_over_at = ?, version = version + 1, updated_at = ? WHERE id = ?');
  for (const id of orderIds) mark.run(now, now, id);
}
