import { fail } from '../domain/errors.js';
import type { BatchView, DocumentKind, JobKind, JobState, JobView } from '../printing/types.js';
import { sql, type Db } from './db.js';

interface JobRow {
  id: number;
  batch_id: number | null;
  order_id: string | null;
  package_id: string | null;
  document: DocumentKind;
  printer_name: string;
  uri: string;
  state: JobState;
  kind: JobKind;
  resend_of: number | null;
  error_code: string | null;
  error_message: string | null;
  bytes: number | null;
  station: string;
  packer: string;
  created_at: number;
  sent_at: number | null;
}

function toJob(r: JobRow): JobView {
  return {
    id: r.id,
    batchId: r.batch_id,
    orderId: r.order_id,
    packageId: r.package_id,
    document: r.document,
    printerName: r.printer_name,
    uri: r.uri,
    state: r.state,
    mayHavePrintedPartly: r.state === 'UNKNOWN',
    kind: r.kind,
    resendOf: r.resend_of,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    bytes: r.bytes,
    station: r.station,
    packer: r.packer,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export interface NewJob {
  batchId: number | null;
  seq: number;
  orderId: string | null;
  /** The package whose label this is; null for a document that is not a package's. */
  packageId?: string | null;
  document: DocumentKind;
  printerName: string;
  uri: string;
  language: string;
  kind: JobKind;
  resendOf: number | null;
  station: string;
  packer: string;
  /** The lease of the program that prints it (core/store/leases-repo.ts). */
  ownerId?: string | null;
}

/** Journals a job before any byte goes out: a crash from here on can never lose it. */
export function queueJob(db: Db, job: NewJob, now: number): number {
  const info = sql(
    db,
    `INSERT INTO print_jobs (batch_id, seq, order_id, package_id, document, printer_name, uri, language, state, kind, resend_of, station, packer, owner_id, created_at, updated_at)
     VALUES (@batchId, @seq, @orderId, @packageId, @document, @printerName, @uri, @language, 'QUEUED', @kind, @resendOf, @station, @packer, @ownerId, @now, @now)`,
  ).run({ ...job, packageId: job.packageId ?? null, ownerId: job.ownerId ?? null, now });
  return Number(info.lastInsertRowid);
}

export function setJobState(
  db: Db,
  id: number,
  state: JobState,
  now: number,
  extra: { errorCode?: string | null; errorMessage?: string | null; bytes?: number; ownerId?: string } = {},
): { orderId: string | null; batchId: number | null; errorCode: string | null } {
  const row = sql(
    db,
    `UPDATE print_jobs SET state = @state, updated_at = @now,
       error_code = @errorCode, error_message = @errorMessage, owner_id = coalesce(@ownerId, owner_id),
       bytes = coalesce(@bytes, bytes), sent_at = CASE WHEN @state = 'SENT' THEN @now ELSE sent_at END
     WHERE id = @id RETURNING order_id, batch_id, error_code`,
  ).get({
    id,
    state,
    now,
    errorCode: extra.errorCode ?? null,
    errorMessage: extra.errorMessage ?? null,
    bytes: extra.bytes ?? null,
    ownerId: extra.ownerId ?? null,
  }) as { order_id: string | null; batch_id: number | null; error_code: string | null } | undefined;
  if (!row) fail('JOB_NOT_FOUND', `No print job ${id}.`);
  return { orderId: row.order_id, batchId: row.batch_id, errorCode: row.error_code };
}

export function getJob(db: Db, id: number): JobView | null {
  const row = sql(db, 'SELECT * FROM print_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? toJob(row) : null;
}

/** Jobs newest first, one page at a time. */
export function jobsOf(
  db: Db,
  filter: { orderId?: string | undefined; state?: JobState | undefined; batchId?: number | undefined; limit: number; offset?: number },
): JobView[] {
  const rows = sql(
    db,
    `SELECT * FROM print_jobs WHERE (@orderId IS NULL OR order_id = @orderId) AND (@state IS NULL OR state = @state)
       AND (@batchId IS NULL OR batch_id = @batchId) ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  ).all({
    orderId: filter.orderId ?? null,
    state: filter.state ?? null,
    batchId: filter.batchId ?? null,
    limit: filter.limit,
    offset: filter.offset ?? 0,
  }) as JobRow[];
  return rows.map(toJob);
}

/** When each order's shipping label last went out (its newest SENT shipping-label job). */
export function labelsPrintedAt(db: Db, orderIds: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500);
    const rows = sql(
      db,
      `SELECT order_id, max(sent_at) AS at FROM print_jobs
       WHERE order_id IN (${chunk.map(() => '?').join(',')}) AND document = 'SHIPPING_LABEL' AND state = 'SENT' GROUP BY order_id`,
    ).all(...chunk) as { order_id: string; at: number }[];
    for (const r of rows) out.set(r.order_id, r.at);
  }
  return out;
}

/** The packages among these whose shipping label went out (a SENT shipping-label job for it). */
export function packagesLabelled(db: Db, packageIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < packageIds.length; i += 500) {
    const chunk = packageIds.slice(i, i + 500);
    const rows = sql(
      db,
      `SELECT DISTINCT package_id FROM print_jobs
       WHERE package_id IN (${chunk.map(() => '?').join(',')}) AND document = 'SHIPPING_LABEL' AND state = 'SENT'`,
    )
      .pluck()
      .all(...chunk) as string[];
    for (const id of rows) out.add(id);
  }
  return out;
}

export function queuedJobsOfBatch(db: Db, batchId: number, limit: number): JobView[] {
  return (sql(db, `SELECT * FROM print_jobs WHERE batch_id = ? AND state = 'QUEUED' ORDER BY seq LIMIT ?`).all(batchId, limit) as JobRow[]).map(toJob);
}

/**
 * After a crash: a job caught mid-send by a program that is gone may or may not have printed. It
 * becomes UNKNOWN and is resent only when the user says so; that program's running batches pause,
 * to be resumed. Work of a live program (`alive`: its lease holders) is never touched.
 */
export function recoverDeadOwnersWork(db: Db, alive: ReadonlySet<string>, now: number): { unknown: number; paused: number } {
  const owners = JSON.stringify([...alive]);
  const dead = `(owner_id IS NULL OR owner_id NOT IN (SELECT value FROM json_each(@owners)))`;
  const unknown = sql(
    db,
    `UPDATE print_jobs SET state = 'UNKNOWN', error_code = 'JOB_OUTCOME_UNKNOWN',
    error_message = 'Packdesk stopped while sending this label: check whether it printed.', updated_at = @now WHERE state = 'SENDING' AND ${dead}`,
  ).run({ owners, now }).changes;
  const paused = sql(
    db,
    `UPDATE print_batches SET state = 'PAUSED', paused_code = 'JOB_OUTCOME_UNKNOWN',
    paused_message = 'Packdesk stopped during this batch; resume to print the rest.', updated_at = @now WHERE state = 'RUNNING' AND ${dead}`,
  ).run({ owners, now }).changes;
  return { unknown, paused };
}

export function createBatch(db: Db, b: { document: DocumentKind; printerName: string; station: string; packer: string; ownerId: string }, now: number): number {
  const info = sql(
    db,
    `INSERT INTO print_batches (document, printer_name, state, station, packer, owner_id, created_at, updated_at)
     VALUES (@document, @printerName, 'RUNNING', @station, @packer, @ownerId, @now, @now)`,
  ).run({ ...b, now });
  return Number(info.lastInsertRowid);
}

export function batchOwnership(db: Db, id: number): { state: BatchView['state']; ownerId: string | null } | null {
  const row = sql(db, 'SELECT state, owner_id FROM print_batches WHERE id = ?').get(id) as { state: BatchView['state']; owner_id: string | null } | undefined;
  return row ? { state: row.state, ownerId: row.owner_id } : null;
}

/** Takes a batch over to print it: a dead owner's label caught mid-send becomes UNKNOWN first. */
export function claimBatch(db: Db, id: number, ownerId: string, now: number): void {
  sql(
    db,
    `UPDATE print_jobs SET state = 'UNKNOWN', error_code = 'JOB_OUTCOME_UNKNOWN',
    error_message = 'Packdesk stopped while sending this label: check whether it printed.', updated_at = ? WHERE batch_id = ? AND state = 'SENDING'`,
  ).run(now, id);
  sql(db, "UPDATE print_batches SET state = 'RUNNING', paused_code = NULL, paused_message = NULL, owner_id = ?, updated_at = ? WHERE id = ?").run(
    ownerId,
    now,
    id,
  );
}

/** True while this owner is the one printing the batch (nobody paused it or took it over). */
export function printsBatch(db: Db, id: number, ownerId: string): boolean {
  return sql(db, "SELECT 1 FROM print_batches WHERE id = ? AND state = 'RUNNING' AND owner_id = ?").pluck().get(id, ownerId) !== undefined;
}

/** Pauses or finishes a batch this owner prints; false when it no longer does. */
export function setBatchState(
  db: Db,
  id: number,
  ownerId: string,
  state: 'PAUSED' | 'DONE',
  now: number,
  code: string | null = null,
  message: string | null = null,
): boolean {
  return (
    sql(db, "UPDATE print_batches SET state = ?, paused_code = ?, paused_message = ?, updated_at = ? WHERE id = ? AND owner_id = ? AND state = 'RUNNING'").run(
      state,
      code,
      message,
      now,
      id,
      ownerId,
    ).changes === 1
  );
}

export function batchView(db: Db, id: number, refused: BatchView['refused'] = []): BatchView | null {
  const b = sql(db, 'SELECT * FROM print_batches WHERE id = ?').get(id) as
    | { id: number; document: DocumentKind; printer_name: string; state: BatchView['state']; paused_code: string | null; paused_message: string | null }
    | undefined;
  if (!b) return null;
  const counts = Object.fromEntries(
    (sql(db, 'SELECT state, count(*) AS n FROM print_jobs WHERE batch_id = ? GROUP BY state').all(id) as { state: JobState; n: number }[]).map((r) => [
      r.state,
      r.n,
    ]),
  ) as Partial<Record<JobState, number>>;
  const total = Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);
  return {
    id: b.id,
    document: b.document,
    printerName: b.printer_name,
    state: b.state,
    pausedCode: b.paused_code,
    pausedMessage: b.paused_message,
    total,
    sent: counts.SENT ?? 0,
    queued: counts.QUEUED ?? 0,
    failed: counts.FAILED ?? 0,
    unknown: (counts.UNKNOWN ?? 0) + (counts.SENDING ?? 0),
    refused,
  };
}
