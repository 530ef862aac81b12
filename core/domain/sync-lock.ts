/**
 * One sync cycle at a time across every Packdesk program on a database (the app, the station
 * host, a CLI `sync`): two cycles at once would both read a shipment as unsent and ship it twice.
 * The holder renews its heartbeat while it works; a lock is free again once its holder is gone —
 * its heartbeat stale, or (on the same computer) its process no longer running, as after kill -9.
 */
import type { Millis } from './types.js';

export interface SyncLockHolder {
  owner: string;
  pid: number;
  host: string;
  heartbeatAt: Millis;
}

/** How often the holder renews the lock during a cycle. */
export const SYNC_LOCK_HEARTBEAT_MS = 5_000;
/** A lock this long without a heartbeat is abandoned (a program frozen or on another computer that died). */
export const SYNC_LOCK_STALE_MS = 60_000;

export interface LockLook {
  host: string;
  now: Millis;
  pidAlive(pid: number): boolean;
}

export type LockDecision = { take: true; tookOverFrom: SyncLockHolder | null } | { take: false; heldBy: SyncLockHolder };

export function decideSyncLock(current: SyncLockHolder | null, me: Omit<SyncLockHolder, 'heartbeatAt'>, look: LockLook): LockDecision {
  if (!current || current.owner === me.owner) return { take: true, tookOverFrom: null };
  const stale = look.now - current.heartbeatAt > SYNC_LOCK_STALE_MS;
  const gone = current.host === look.host && !look.pidAlive(current.pid);
  return stale || gone ? { take: true, tookOverFrom: current } : { take: false, heldBy: current };
}
