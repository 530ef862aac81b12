import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 002: handover batches', () => {
  it('adds handover tables to a version-1 database without touching its orders', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, 1);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at, tracking_number) VALUES ('o1', 'AWAITING_COLLECTION', 5, 5, 'TT1')").run();
    const before = db.prepare('SELECT * FROM orders').all();

    expect(migrate(db, 2, 2)).toBe(1);

    expect(db.prepare('SELECT * FROM orders').all()).toEqual(before);
    const batch = db.prepare("INSERT INTO handover_batches (station, method, opened_at) VALUES ('s', 'PICKUP', 1)").run();
    const add = db.prepare('INSERT INTO handover_parcels (batch_id, order_id, scanned_at) VALUES (?, ?, 2)');
    add.run(batch.lastInsertRowid, 'o1');
    // A parcel is handed over once: a second batch cannot take it.
    const other = db.prepare("INSERT INTO handover_batches (station, method, opened_at) VALUES ('s', 'DROP_OFF', 1)").run();
    expect(() => add.run(other.lastInsertRowid, 'o1')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO handover_batches (station, method, opened_at) VALUES ('s', 'TELEPORT', 1)").run()).toThrow(/CHECK/);
    db.close();
  });
});
