import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/db.js';
import { appliedVersions, migrate } from '../../../core/store/migrate.js';
import { MIGRATIONS } from '../../../core/store/migrations/index.js';
import { tempDir } from '../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

function dbFile() {
  const t = tempDir();
  cleanup = t.cleanup;
  return path.join(t.dir, 'packdesk.db');
}

describe('migrate', () => {
  // Numbers are handed out per piece of work before it merges (006 is the sync's), so a build may
  // have gaps; what matters is that they only ever go up and never repeat.
  it('numbers migrations in increasing order, each once', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
  });

  it('applies every migration once, in order, and again is a no-op', () => {
    const file = dbFile();
    const db = openDatabase(file, 1);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db, 2)).toBe(0);
    db.close();
  });

  it('opens in WAL mode with foreign keys on', () => {
    const db = openDatabase(dbFile(), 1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer Packdesk, and leaves it as it was', () => {
    const file = dbFile();
    openDatabase(file, 1).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from-the-future', 1)").run();
    raw.close();

    expect(() => openDatabase(file, 2)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));

    const again = new Database(file);
    expect(again.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(999);
    again.close();
  });

  it('rolls back a failing migration whole', () => {
    const db = new Database(dbFile());
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS[MIGRATIONS.length - 1]!.version + 1, name: 'broken', up: 'CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM nope;' },
    ];
    migrate(db, 1);
    expect(() => migrate(db, 2, broken[broken.length - 1]!.version, broken)).toThrow(/no such table: nope/);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('says DB_OPEN_FAILED for a file that is not a database', async () => {
    const file = dbFile();
    (await import('node:fs')).writeFileSync(file, 'this is not sqlite, just text '.repeat(100));
    expect(() => openDatabase(file, 1)).toThrow(expect.objectContaining({ code: 'DB_OPEN_FAILED' }));
  });
});
