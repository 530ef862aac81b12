import Database from 'better-sqlite3';
import { PackdeskError } from '../domain/errors.js';
import type { Db } from './db.js';

/** SQLite's answers when another connection (another Packdesk program) holds the lock. */
export function isBusy(err: unknown): boolean {
  return err instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(err.code);
}

export function databaseBusy(waitedMs: number): PackdeskError {
  return new PackdeskError('DATABASE_BUSY', 'Another Packdesk program is writing to this database; try again.', { waitedMs: Math.round(waitedMs) });
}

export interface BusyPolicy {
  /** How long a write may wait for another program's lock before DATABASE_BUSY. */
  waitMs: number;
  /** Told once per write that has to wait (the app may say so; a test may act on it). */
  onWait?: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction: the write lock is taken before anything is read,
 * so a decision never rests on a snapshot another program has since changed (a deferred
 * transaction that reads and then writes fails with SQLITE_BUSY however long it waits). While
 * another program holds the lock, tries again after a short jittered pause, for up to
 * `policy.waitMs`; then DATABASE_BUSY. `fn` runs again from the start on each try, so it must
 * only read and write through the database.
 */
export async function writeTransaction<T>(db: Db, fn: () => T, policy: BusyPolicy): Promise<T> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return db.transaction(fn).immediate();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const waited = performance.now() - started;
      if (waited >= policy.waitMs) throw databaseBusy(waited);
      if (attempt === 0) policy.onWait?.();
      // 1, 2, 4 … 32 ms, each ±50 %: two programs that collided do not collide again in step.
      const pause = Math.min(2 ** attempt, 32) * (0.5 + Math.random());
      await sleep(Math.min(pause, policy.waitMs - waited));
    }
  }
}
