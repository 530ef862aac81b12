/**
 * Conflicts between the platform and the bench (core/domain/sync-merge.ts), kept until settled:
 * by the packer (acknowledged: "items put back", "seen"), or by what happens next (the order
 * leaves ON_HOLD; the label is printed again after the address changed).
 */
import type { ConflictKind } from '../domain/sync-merge.js';
import { sql, type Db } from './db.js';

export interface ConflictRecord {
  id: number;
  orderId: string;
  kind: ConflictKind;
  raisedAt: number;
  details: Record<string, unknown>;
  resolvedAt: number | null;
  resolution: string | null;
}

interface ConflictRow {
  id: number;
  order_id: string;
  kind: ConflictKind;
  raised_at: number;
  details: string;
  resolved_at: number | null;
  resolution: string | null;
}

function toConflict(r: ConflictRow): ConflictRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    kind: r.kind,
    raisedAt: r.raised_at,
    details: JSON.parse(r.details) as Record<string, unknown>,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}

/** Raises a conflict; one already open of that kind for the order stays as it is. Returns whether it is new. */
export function raiseConflict(db: Db, orderId: string, kind: ConflictKind, details: Record<string, unknown>, now: number): boolean {
  return (
    sql(db, 'INSERT INTO sync_conflicts (order_id, kind, raised_at, details) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
      orderId,
      kind,
      now,
      JSON.stringify(details),
    ).changes === 1
  );
}

/** Settles the order's open conflicts of these kinds; returns how many were open. */
export function settleConflicts(db: Db, orderId: string, kinds: readonly ConflictKind[], resolution: string, now: number): number {
  if (kinds.length === 0) return 0;
  return sql(
    db,
    `UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE order_id = ? AND resolved_at IS NULL AND kind IN (${kinds.map(() => '?').join(',')})`,
  ).run(now, resolution, orderId, ...kinds).changes;
}

export function acknowledgeConflict(db: Db, id: number, resolution: string, now: number): ConflictRecord | null {
  sql(db, 'UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL').run(now, resolution, id);
  const row = sql(db, 'SELECT * FROM sync_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  return row ? toConflict(row) : null;
}

export function openConflicts(db: Db, filter: { orderIds?: readonly string[]; limit: number; offset?: number }): ConflictRecord[] {
  if (filter.orderIds) {
    const out: ConflictRecord[] = [];
    for (let i = 0; i < filter.orderIds.length; i += 500) {
      const chunk = filter.orderIds.slice(i, i + 500);
      const rows = sql(db, `SELECT * FROM sync_conflicts WHERE resolved_at IS NULL AND order_id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`).all(
        ...chunk,
      ) as ConflictRow[];
      out.push(...rows.map(toConflict));
    }
    return out;
  }
  return (
    sql(db, 'SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ? OFFSET ?').all(filter.limit, filter.offset ?? 0) as ConflictRow[]
  ).map(toConflict);
}

export function countOpenConflicts(db: Db): number {
  return sql(db, 'SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL').pluck().get() as number;
}

/** Address conflicts settle once the order's label was printed again after they were raised. */
export function settleReprintedAddresses(db: Db, now: number): number {
  return sql(
    db,
    `UPDATE sync_conflicts SET resolved_at = @now, resolution = 'label reprinted'
     WHERE kind = 'ADDRESS_CHANGED_AFTER_LABEL' AND resolved_at IS NULL AND EXISTS (
       SELECT 1 FROM print_jobs j WHERE j.order_id = sync_conflicts.order_id AND j.document = 'SHIPPING_LABEL'
         AND j.state = 'SENT' AND coalesce(j.sent_at, j.updated_at) >= sync_conflicts.raised_at)`,
  ).run({ now }).changes;
}
