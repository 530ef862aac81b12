import { isLeaseDead, type Onlooker, type ProcessLease, type ProcessRole } from '../domain/lease.js';
import { sql, type Db } from './db.js';

interface LeaseRow {
  owner_id: string;
  pid: number;
  host: string;
  role: ProcessRole;
  started_at: number;
  heartbeat_at: number;
}

function toLease(r: LeaseRow): ProcessLease {
  return { ownerId: r.owner_id, pid: r.pid, host: r.host, role: r.role, startedAt: r.started_at, heartbeatAt: r.heartbeat_at };
}

export function takeLease(db: Db, lease: ProcessLease): void {
  sql(
    db,
    `INSERT INTO process_leases (owner_id, pid, host, role, started_at, heartbeat_at) VALUES (@ownerId, @pid, @host, @role, @startedAt, @heartbeatAt)
     ON CONFLICT(owner_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
  ).run(lease);
}

/** Renews the lease; puts it back when another program took this one for dead (a long freeze). */
export function renewLease(db: Db, lease: ProcessLease, now: number): void {
  takeLease(db, { ...lease, heartbeatAt: now });
}

export function releaseLease(db: Db, ownerId: string): void {
  sql(db, 'DELETE FROM process_leases WHERE owner_id = ?').run(ownerId);
}

export function getLease(db: Db, ownerId: string | null): ProcessLease | null {
  if (ownerId === null) return null;
  const row = sql(db, 'SELECT * FROM process_leases WHERE owner_id = ?').get(ownerId) as LeaseRow | undefined;
  return row ? toLease(row) : null;
}

/** The lease of a live owner, or null when the owner is dead or unknown (its work may be recovered). */
export function liveOwner(db: Db, ownerId: string | null, here: Onlooker): ProcessLease | null {
  const lease = getLease(db, ownerId);
  return lease && !isLeaseDead(lease, here) ? lease : null;
}

/** Forgets the leases of dead programs; returns the owner ids still alive. */
export function pruneDeadLeases(db: Db, here: Onlooker): Set<string> {
  const alive = new Set<string>();
  const drop = sql(db, 'DELETE FROM process_leases WHERE owner_id = ?');
  for (const row of sql(db, 'SELECT * FROM process_leases').all() as LeaseRow[]) {
    if (isLeaseDead(toLease(row), here)) drop.run(row.owner_id);
    else alive.add(row.owner_id);
  }
  return alive;
}
