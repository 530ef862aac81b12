import type { ScanVerdict } from '../api/views.js';
import type { Order } from '../domain/types.js';
import { sql, type Db } from './db.js';
import { updatePackedLine } from './orders-repo.js';
import { appendOutbox } from './outbox.js';

/** The order a station has open for packing, or null. */
export function openOrderId(db: Db, station: string): string | null {
  return (sql(db, 'SELECT order_id FROM station_sessions WHERE station = ?').pluck().get(station) as string | null | undefined) ?? null;
}

export function setOpenOrder(db: Db, station: string, orderId: string | null, now: number): void {
  sql(
    db,
    `INSERT INTO station_sessions (station, order_id, opened_at) VALUES (?, ?, ?)
     ON CONFLICT(station) DO UPDATE SET order_id = excluded.order_id, opened_at = excluded.opened_at`,
  ).run(station, orderId, now);
}

export function storedVerdict(db: Db, scanId: string): ScanVerdict | null {
  const json = sql(db, 'SELECT verdict_json FROM scans WHERE scan_id = ?').pluck().get(scanId) as string | undefined;
  return json ? { ...(JSON.parse(json) as ScanVerdict), replayed: true } : null;
}

export interface ScanRecord {
  station: string;
  packer: string;
  raw: string;
  skuId: string | null;
  lineNo: number | null;
}

/** Every scan is kept, good or bad, with station, packer and time: the audit trail of a parcel. */
export function recordScan(db: Db, rec: ScanRecord, verdict: ScanVerdict): void {
  // The stored copy leaves out the order snapshot: a replay re-reads the order as it is now.
  const { order: _order, ...slim } = verdict;
  sql(
    db,
    `INSERT INTO scans (scan_id, station, packer, at, raw, code, order_id, sku_id, line_no, verdict, verdict_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    verdict.scanId,
    rec.station,
    rec.packer,
    verdict.at,
    rec.raw,
    verdict.scannedCode,
    verdict.orderId,
    rec.skuId,
    rec.lineNo,
    verdict.code,
    JSON.stringify({ ...slim, order: null }),
  );
}

/** The last scan at this station that packed a unit of this order and is not undone yet. */
export function lastPackingScan(db: Db, station: string, orderId: string): { scanId: string; lineNo: number } | null {
  const row = sql(
    db,
    `SELECT scan_id, line_no FROM scans WHERE station = ? AND order_id = ? AND undone_at IS NULL
         AND verdict IN ('ACCEPTED', 'ORDER_COMPLETE') AND line_no IS NOT NULL
       ORDER BY at DESC, rowid DESC LIMIT 1`,
  ).get(station, orderId) as { scan_id: string; line_no: number } | undefined;
  return row ? { scanId: row.scan_id, lineNo: row.line_no } : null;
}

export function markUndone(db: Db, scanId: string, now: number): void {
  sql(db, 'UPDATE scans SET undone_at = ? WHERE scan_id = ?').run(now, scanId);
}

export interface ScanOutcome {
  record: ScanRecord;
  /** The verdict as answered, stored to answer a replay of the same scan id. */
  verdict: ScanVerdict;
  /** The station's open order after the scan, when it changes. */
  open?: string;
  /** A unit packed: the order as read and as it is to be saved, and the line. */
  packed: { previous: Order; next: Order; lineIndex: number } | null;
}

/**
 * Saves one scan's outcome (inside the caller's transaction): the station's open order, the
 * packed unit, the platform's order.packed event when it completed the order, and the scan
 * itself. Returns the order as stored when a unit was packed.
 */
export function saveScan(db: Db, o: ScanOutcome): Order | null {
  const at = o.verdict.at;
  if (o.open !== undefined) setOpenOrder(db, o.record.station, o.open, at);
  let stored: Order | null = null;
  if (o.packed) {
    stored = updatePackedLine(db, o.packed.previous, o.packed.next, o.packed.lineIndex, at);
    if (stored.packedAt !== null) appendOutbox(db, at, 'order.packed', stored.id, { orderId: stored.id, packedAt: at });
  }
  recordScan(db, o.record, o.verdict);
  return stored;
}
