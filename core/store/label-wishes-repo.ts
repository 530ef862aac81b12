/**
 * Labels to print when they arrive (migration 007): a wish per TikTok-shipped package finished
 * before its platform label existed. Spending a wish (job_id set) happens in the transaction that
 * journals its print job.
 */
import { sql, type Db } from './db.js';

export interface LabelWish {
  packageId: string;
  orderId: string;
  printerName: string;
  station: string;
  packer: string;
  wishedAt: number;
}

/** A spent wish whose job is journaled but was never sent (its program died, or the send never started). */
export interface UnsentArrivalJob {
  jobId: number;
  packageId: string;
  orderId: string;
  ownerId: string | null;
}

export function saveLabelWish(db: Db, w: LabelWish): void {
  sql(
    db,
    `INSERT INTO label_wishes (package_id, order_id, printer_name, station, packer, wished_at) VALUES (@packageId, @orderId, @printerName, @station, @packer, @wishedAt)
     ON CONFLICT(package_id) DO UPDATE SET order_id = excluded.order_id, printer_name = excluded.printer_name, station = excluded.station,
       packer = excluded.packer, wished_at = excluded.wished_at, job_id = NULL`,
  ).run(w);
}

export function dropLabelWish(db: Db, packageId: string): void {
  sql(db, 'DELETE FROM label_wishes WHERE package_id = ? AND job_id IS NULL').run(packageId);
}

export function hasLabelWishes(db: Db): boolean {
  return sql(db, 'SELECT 1 FROM label_wishes LIMIT 1').pluck().get() !== undefined;
}

export function labelWishOf(db: Db, packageId: string): (LabelWish & { jobId: number | null }) | null {
  const row = sql(
    db,
    'SELECT package_id AS packageId, order_id AS orderId, printer_name AS printerName, station, packer, wished_at AS wishedAt, job_id AS jobId FROM label_wishes WHERE package_id = ?',
  ).get(packageId);
  return (row as (LabelWish & { jobId: number | null }) | undefined) ?? null;
}

/** Unspent wishes whose platform label is stored now. */
export function wishesWithLabel(db: Db): LabelWish[] {
  return sql(
    db,
    `SELECT w.package_id AS packageId, w.order_id AS orderId, w.printer_name AS printerName, w.station, w.packer, w.wished_at AS wishedAt
     FROM label_wishes w JOIN packages p ON p.id = w.package_id
     WHERE w.job_id IS NULL AND p.label_sha256 IS NOT NULL ORDER BY w.wished_at`,
  ).all() as LabelWish[];
}

export function spendLabelWish(db: Db, packageId: string, jobId: number): void {
  sql(db, 'UPDATE label_wishes SET job_id = ? WHERE package_id = ? AND job_id IS NULL').run(jobId, packageId);
}

/** Spent wishes whose job is still QUEUED: nothing of it was sent (SENDING is committed before the first byte). */
export function unsentArrivalJobs(db: Db): UnsentArrivalJob[] {
  return sql(
    db,
    `SELECT j.id AS jobId, w.package_id AS packageId, w.order_id AS orderId, j.owner_id AS ownerId
     FROM label_wishes w JOIN print_jobs j ON j.id = w.job_id WHERE j.state = 'QUEUED' ORDER BY j.id`,
  ).all() as UnsentArrivalJob[];
}

export function takeOverJob(db: Db, jobId: number, ownerId: string, now: number): void {
  sql(db, "UPDATE print_jobs SET owner_id = ?, updated_at = ? WHERE id = ? AND state = 'QUEUED'").run(ownerId, now, jobId);
}

/**
 * Forgets wishes that are done: their job left the queue (sent, failed or unknown: the journal
 * and Reprint take it from there), or the order's label was printed by hand since the wish
 * (a reprint once the label was there), or the order is gone.
 */
export function dropSettledWishes(db: Db): void {
  sql(
    db,
    `DELETE FROM label_wishes WHERE
       (job_id IS NOT NULL AND (SELECT state FROM print_jobs WHERE id = label_wishes.job_id) <> 'QUEUED')
       OR (job_id IS NULL AND EXISTS (SELECT 1 FROM print_jobs j WHERE j.order_id = label_wishes.order_id AND j.document = 'SHIPPING_LABEL'
             AND j.state = 'SENT' AND j.created_at >= label_wishes.wished_at))
       OR NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = label_wishes.order_id)`,
  ).run();
}
