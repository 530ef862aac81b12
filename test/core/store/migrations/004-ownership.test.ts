import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { MIGRATIONS } from '../../../../core/store/migrations/index.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 004: process leases and owners of print work', () => {
  it('adds leases and owner columns to a version-3 database, keeping jobs, batches and orders', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, 3);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at, packed_at) VALUES ('o1', 'AWAITING_SHIPMENT', 5, 5, 7)").run();
    db.prepare(
      "INSERT INTO print_batches (document, printer_name, state, station, packer, created_at, updated_at) VALUES ('SHIPPING_LABEL', 'Z', 'RUNNING', 's', 'p', 1, 1)",
    ).run();
    db.prepare(
      `INSERT INTO print_jobs (batch_id, order_id, document, printer_name, uri, language, state, kind, station, packer, created_at, updated_at)
       VALUES (1, 'o1', 'SHIPPING_LABEL', 'Z', 'tcp://z', 'zpl', 'SENDING', 'PRINT', 's', 'p', 1, 1)`,
    ).run();

    expect(migrate(db, 2, 4)).toBe(1);
    // Work written before leases existed has no owner: recovery treats it as a dead owner's.
    expect(db.prepare('SELECT owner_id FROM print_jobs').pluck().get()).toBeNull();
    expect(db.prepare('SELECT owner_id FROM print_batches').pluck().get()).toBeNull();
    expect(db.prepare("SELECT packed_at, packed_by FROM orders WHERE id = 'o1'").get()).toEqual({ packed_at: 7, packed_by: null });

    const lease = db.prepare('INSERT INTO process_leases (owner_id, pid, host, role, started_at, heartbeat_at) VALUES (?, 1, ?, ?, 1, 1)');
    lease.run('a', 'bench-pc', 'app');
    expect(() => lease.run('b', 'bench-pc', 'daemon')).toThrow(/CHECK/);
    expect(() => lease.run('a', 'bench-pc', 'cli')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('two programs opening a new file at once migrate it once', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'm.db');
    const a = new Database(file);
    const b = new Database(file);
    a.pragma('journal_mode = WAL');
    b.pragma('busy_timeout = 5000');
    expect(migrate(a, 1) + migrate(b, 1)).toBe(MIGRATIONS.length);
    expect(b.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    a.close();
    b.close();
  });
});
