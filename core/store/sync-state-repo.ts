/**
 * The shop connection (its non-secret half) and the sync's own state: cursors, last pull and
 * push, last error, since when the platform is out of reach, and the cross-program sync lock.
 */
import type { SyncLockHolder } from '../domain/sync-lock.js';
import type { ShopConnectionInfo } from '../platform/connection.js';
import { sql, type Db } from './db.js';

export interface StoredConnection {
  info: ShopConnectionInfo;
  connectedAt: number;
  updatedAt: number;
}

export function getConnection(db: Db): StoredConnection | null {
  const row = sql(db, 'SELECT info, connected_at, updated_at FROM shop_connection WHERE id = 1').get() as
    | { info: string; connected_at: number; updated_at: number }
    | undefined;
  return row ? { info: JSON.parse(row.info) as ShopConnectionInfo, connectedAt: row.connected_at, updatedAt: row.updated_at } : null;
}

/** A new connection starts the sync afresh: cursors and health are reset with it. */
export function saveConnection(db: Db, info: ShopConnectionInfo, now: number): void {
  const previous = getConnection(db);
  sql(
    db,
    `INSERT INTO shop_connection (id, info, connected_at, updated_at) VALUES (1, @info, @now, @now)
     ON CONFLICT(id) DO UPDATE SET info = excluded.info, updated_at = excluded.updated_at,
       connected_at = CASE WHEN json_extract(shop_connection.info, '$.account') = json_extract(excluded.info, '$.account') THEN shop_connection.connected_at ELSE excluded.connected_at END`,
  ).run({ info: JSON.stringify(info), now });
  const sameShop = previous && previous.info.shopId === info.shopId && previous.info.shopCipher === info.shopCipher;
  if (previous?.info.account !== info.account) {
    sql(
      db,
      'UPDATE sync_state SET auth_needed = 0, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL, offline_since = NULL WHERE id = 1',
    ).run();
    if (!sameShop) sql(db, 'UPDATE sync_state SET orders_cursor = NULL, cancellations_cursor = NULL WHERE id = 1').run();
  }
}

export function removeConnection(db: Db): void {
  sql(db, 'DELETE FROM shop_connection WHERE id = 1').run();
  sql(
    db,
    'UPDATE sync_state SET auth_needed = 0, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL, offline_since = NULL WHERE id = 1',
  ).run();
}

export interface SyncState {
  instanceId: string;
  ordersCursor: number | null;
  cancellationsCursor: number | null;
  lastPullAt: number | null;
  lastPushAt: number | null;
  lastCycleAt: number | null;
  lastError: { code: string; message: string; at: number } | null;
  offlineSince: number | null;
  authNeeded: boolean;
  lock: SyncLockHolder | null;
}

interface StateRow {
  instance_id: string;
  orders_cursor: number | null;
  cancellations_cursor: number | null;
  last_pull_at: number | null;
  last_push_at: number | null;
  last_cycle_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: number | null;
  offline_since: number | null;
  auth_needed: number;
  lock_owner: string | null;
  lock_pid: number | null;
  lock_host: string | null;
  lock_heartbeat_at: number | null;
}

export function syncState(db: Db): SyncState {
  const r = sql(db, 'SELECT * FROM sync_state WHERE id = 1').get() as StateRow;
  return {
    instanceId: r.instance_id,
    ordersCursor: r.orders_cursor,
    cancellationsCursor: r.cancellations_cursor,
    lastPullAt: r.last_pull_at,
    lastPushAt: r.last_push_at,
    lastCycleAt: r.last_cycle_at,
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '', at: r.last_error_at ?? 0 } : null,
    offlineSince: r.offline_since,
    authNeeded: r.auth_needed === 1,
    lock: r.lock_owner ? { owner: r.lock_owner, pid: r.lock_pid ?? 0, host: r.lock_host ?? '', heartbeatAt: r.lock_heartbeat_at ?? 0 } : null,
  };
}

export function setOrdersCursor(db: Db, seconds: number): void {
  sql(db, 'UPDATE sync_state SET orders_cursor = ? WHERE id = 1').run(seconds);
}

export function setCancellationsCursor(db: Db, seconds: number): void {
  sql(db, 'UPDATE sync_state SET cancellations_cursor = ? WHERE id = 1').run(seconds);
}

export function recordPull(db: Db, now: number): void {
  sql(db, 'UPDATE sync_state SET last_pull_at = ? WHERE id = 1').run(now);
}

export function recordPush(db: Db, now: number): void {
  sql(db, 'UPDATE sync_state SET last_push_at = ? WHERE id = 1').run(now);
}

/** A cycle that completed: the platform answered, sign-in works. */
export function recordCycleOk(db: Db, now: number): void {
  sql(
    db,
    'UPDATE sync_state SET last_cycle_at = ?, last_error_code = NULL, last_error_message = NULL, last_error_at = NULL, offline_since = NULL, auth_needed = 0 WHERE id = 1',
  ).run(now);
}

/** A cycle that stopped: offline from the first failure to reach the platform; sign-in needed when it said so. */
export function recordCycleFailed(db: Db, error: { code: string; message: string }, now: number): void {
  const offline = error.code === 'PLATFORM_UNREACHABLE' || error.code === 'PLATFORM_THROTTLED';
  sql(
    db,
    `UPDATE sync_state SET last_cycle_at = @now, last_error_code = @code, last_error_message = @message, last_error_at = @now,
       offline_since = CASE WHEN @offline = 1 THEN coalesce(offline_since, @now) ELSE NULL END,
       auth_needed = CASE WHEN @code = 'PLATFORM_AUTH_NEEDED' THEN 1 ELSE 0 END
     WHERE id = 1`,
  ).run({ now, code: error.code, message: error.message, offline: offline ? 1 : 0 });
}

export function setLock(db: Db, holder: SyncLockHolder | null): void {
  sql(db, 'UPDATE sync_state SET lock_owner = ?, lock_pid = ?, lock_host = ?, lock_heartbeat_at = ? WHERE id = 1').run(
    holder?.owner ?? null,
    holder?.pid ?? null,
    holder?.host ?? null,
    holder?.heartbeatAt ?? null,
  );
}
