import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PackdeskError, fail } from '../domain/errors.js';
import { migrate } from './migrate.js';

export type Db = Database.Database;

const OPEN_BUSY_TIMEOUT_MS = 5000;
/** SQLite's own wait for a lock held by another program, inside one statement (it blocks the thread). */
export const BUSY_TIMEOUT_MS = 10;

/**
 * Opens (creating if needed) a Packdesk database and brings its schema up to date.
 * `nativeBinding` is the path of a better-sqlite3 addon to load instead of the package's own
 * build: Electron passes one compiled for its ABI, while Node keeps the package's.
 */
export function openDatabase(file: string, now: number, nativeBinding?: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    fail('DB_OPEN_FAILED', `Cannot open the database at ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only power loss can drop the
    // last transactions, and the outbox/scan ids make those safe to redo.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Opening may wait for another program's migration or write: blocking here is acceptable.
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    migrate(db, now);
    // From here on a lock held by another program blocks the thread only briefly; longer waits
    // are the writer's, asynchronous (core/store/transaction.ts), so the app never freezes.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof PackdeskError) throw err;
    fail('DB_OPEN_FAILED', `Cannot use the database at ${file}: ${(err as Error).message}`);
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per database. Compiling costs more than running a small
 * query, and scans run many small queries.
 */
export function sql(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(text);
  if (!s) {
    if (cache.size > 2000) cache.clear();
    s = db.prepare(text);
    cache.set(text, s);
  }
  return s;
}

/** Runs start-up work that may wait for another program's write: blocking is fine while opening. */
export function whileOpening<T>(db: Db, fn: () => T): T {
  db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Refreshes the planner's statistics and closes; another program holding the lock only skips the refresh. */
export function closeDatabase(db: Db): void {
  try {
    db.pragma('optimize');
  } catch (err) {
    if (!(err instanceof Database.SqliteError) || !/^SQLITE_(BUSY|LOCKED)/.test(err.code)) throw err;
  }
  db.close();
}
