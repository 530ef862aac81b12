/**
 * The outbox as the sync drains it. Each entry moves pending → sending → done, or to refused
 * (kept with the platform's code and message until the user retries or discards it). `sending`
 * is committed before the platform is called, so an entry found `sending` by the next cycle is
 * one whose outcome is unknown: it is read back from the platform before anything is resent.
 */
import { ENTRY_STATES, type EntryState, type Refusal } from '../sync/views.js';
import type { OutboxKind } from './outbox.js';
import { sql, type Db } from './db.js';

export { ENTRY_STATES };
export type { EntryState, Refusal };

export interface SyncEntry {
  id: number;
  at: number;
  kind: OutboxKind;
  orderId: string | null;
  payload: Record<string, unknown>;
  state: EntryState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  doneReason: string | null;
  refusal: Refusal | null;
  stateAt: number | null;
}

interface EntryRow {
  id: number;
  at: number;
  kind: OutboxKind;
  order_id: string | null;
  payload: string;
  state: EntryState;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  done_reason: string | null;
  refusal: string | null;
  state_at: number | null;
}

function toEntry(r: EntryRow): SyncEntry {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    orderId: r.order_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    doneReason: r.done_reason,
    refusal: r.refusal ? (JSON.parse(r.refusal) as Refusal) : null,
    stateAt: r.state_at,
  };
}

const COLUMNS = 'id, at, kind, order_id, payload, state, attempts, next_attempt_at, last_error, done_reason, refusal, state_at';

/** Pending entries whose next attempt is due, oldest first. */
export function dueEntries(db: Db, now: number, limit: number): SyncEntry[] {
  const rows = sql(db, `SELECT ${COLUMNS} FROM outbox WHERE state = 'pending' AND coalesce(next_attempt_at, 0) <= ? ORDER BY id LIMIT ?`).all(
    now,
    limit,
  ) as EntryRow[];
  return rows.map(toEntry);
}

export function entriesInState(db: Db, state: EntryState, limit = 10_000): SyncEntry[] {
  return (sql(db, `SELECT ${COLUMNS} FROM outbox WHERE state = ? ORDER BY id LIMIT ?`).all(state, limit) as EntryRow[]).map(toEntry);
}

export function getEntry(db: Db, id: number): SyncEntry | null {
  const row = sql(db, `SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as EntryRow | undefined;
  return row ? toEntry(row) : null;
}

export function listEntries(db: Db, states: readonly EntryState[], limit: number, offset = 0): SyncEntry[] {
  const marks = states.map(() => '?').join(',');
  const rows = sql(db, `SELECT ${COLUMNS} FROM outbox WHERE state IN (${marks}) ORDER BY id LIMIT ? OFFSET ?`).all(...states, limit, offset) as EntryRow[];
  return rows.map(toEntry);
}

export function countEntries(db: Db): Record<EntryState, number> {
  const counts: Record<EntryState, number> = { pending: 0, sending: 0, done: 0, refused: 0, discarded: 0 };
  for (const r of sql(db, 'SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: EntryState; n: number }[]) counts[r.state] = r.n;
  return counts;
}

/** Committed before the call: a crash from here on leaves the entry `sending` (outcome unknown). */
export function markSending(db: Db, ids: readonly number[], now: number): void {
  const mark = sql(db, "UPDATE outbox SET state = 'sending', attempts = attempts + 1, state_at = ? WHERE id = ? AND state = 'pending'");
  for (const id of ids) mark.run(now, id);
}

export function markDone(db: Db, id: number, reason: string, now: number): void {
  sql(
    db,
    "UPDATE outbox SET state = 'done', sent_at = ?, state_at = ?, done_reason = ?, refusal = NULL, last_error = NULL, next_attempt_at = NULL WHERE id = ?",
  ).run(now, now, reason, id);
}

export function markRefused(db: Db, id: number, refusal: Refusal, now: number): void {
  sql(db, "UPDATE outbox SET state = 'refused', state_at = ?, refusal = ?, last_error = ?, next_attempt_at = NULL WHERE id = ?").run(
    now,
    JSON.stringify(refusal),
    refusal.message,
    id,
  );
}

/** Back to waiting after a failure that may pass (offline, throttled); tried again from `nextAt`. */
export function markWaiting(db: Db, id: number, error: string, nextAt: number, now: number): void {
  sql(db, "UPDATE outbox SET state = 'pending', state_at = ?, last_error = ?, next_attempt_at = ? WHERE id = ?").run(now, error, nextAt, id);
}

/** The user's word: a refused entry goes to the platform again, as if new. */
export function retryEntry(db: Db, id: number, now: number): boolean {
  return (
    sql(db, "UPDATE outbox SET state = 'pending', state_at = ?, refusal = NULL, next_attempt_at = NULL, attempts = 0 WHERE id = ? AND state = 'refused'").run(
      now,
      id,
    ).changes === 1
  );
}

/** The user's word: this entry will never be sent (done by hand in Seller Center, or not wanted). */
export function discardEntry(db: Db, id: number, now: number): boolean {
  return (
    sql(db, "UPDATE outbox SET state = 'discarded', state_at = ?, next_attempt_at = NULL WHERE id = ? AND state IN ('pending', 'refused')").run(now, id)
      .changes === 1
  );
}

/** When the seller last answered a cancellation request of this order here (an answer not discarded). */
export function lastCancelAnswerAt(db: Db, orderId: string): number | null {
  return (
    (sql(
      db,
      `SELECT max(at) FROM outbox WHERE order_id = ? AND kind IN ('order.cancellation_accepted', 'order.cancellation_rejected') AND state <> 'discarded'`,
    )
      .pluck()
      .get(orderId) as number | null) ?? null
  );
}

/** Shipment was arranged here for this order (an entry not discarded). */
export function shipmentArrangedHere(db: Db, orderId: string): boolean {
  return (
    sql(db, "SELECT 1 FROM outbox WHERE order_id = ? AND kind = 'order.shipment_arranged' AND state <> 'discarded' LIMIT 1").pluck().get(orderId) !== undefined
  );
}

/** The order was cancelled here: a buyer's request accepted, or the seller's own cancel (not discarded). */
export function cancelledHere(db: Db, orderId: string): boolean {
  return (
    sql(db, "SELECT 1 FROM outbox WHERE order_id = ? AND kind IN ('order.cancellation_accepted', 'order.seller_cancelled') AND state <> 'discarded' LIMIT 1")
      .pluck()
      .get(orderId) !== undefined
  );
}

/** Of these orders, those whose shipment was arranged here (an entry not discarded). */
export function shipmentsArrangedHere(db: Db, orderIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500);
    const rows = sql(
      db,
      `SELECT DISTINCT order_id FROM outbox WHERE kind = 'order.shipment_arranged' AND state <> 'discarded' AND order_id IN (${chunk.map(() => '?').join(',')})`,
    )
      .pluck()
      .all(...chunk) as string[];
    for (const id of rows) out.add(id);
  }
  return out;
}
