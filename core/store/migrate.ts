import type Database from 'better-sqlite3';
import { fail } from '../domain/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/types.js';

export function appliedVersions(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
}

/**
 * Brings the database up to `target` (default: the newest known). Refuses a database that has
 * migrations this build does not know: it was written by a newer Packdesk, and running older
 * code on it could corrupt data.
 */
export function migrate(
  db: Database.Database,
  now: number,
  target = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0,
  known: readonly Migration[] = MIGRATIONS,
): number {
  const applied = appliedVersions(db);
  const unknown = applied.filter((v) => !known.some((m) => m.version === v));
  if (unknown.length > 0) {
    fail('DB_TOO_NEW', `This database was written by a newer Packdesk (migration ${unknown.join(', ')}); update the app.`, {
      unknown,
    });
  }
  let ran = 0;
  for (const m of known) {
    if (m.version > target || applied.includes(m.version)) continue;
    // IMMEDIATE, and asked again inside: two programs opening a new file at once migrate it once.
    const did = db
      .transaction(() => {
        if (appliedVersions(db).includes(m.version)) return false;
        db.exec(m.up);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now);
        return true;
      })
      .immediate();
    if (did) ran++;
  }
  return ran;
}
