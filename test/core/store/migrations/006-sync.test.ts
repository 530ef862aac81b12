import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

function openAt(version: number) {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = new Database(path.join(t.dir, 'm.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, 1, version);
  return db;
}

const insertOrder = (db: Database.Database, id: string, packageId = '', tracking = '') =>
  db
    .prepare("INSERT INTO orders (id, status, package_id, tracking_number, carrier, created_at, updated_at) VALUES (?, 'AWAITING_SHIPMENT', ?, ?, 'JT', 5, 5)")
    .run(id, packageId, tracking);

const packagesOf = (db: Database.Database, orderId: string) =>
  db
    .prepare(
      'SELECT p.id, p.origin, p.tracking_number AS tracking, po.seq FROM package_orders po JOIN packages p ON p.id = po.package_id WHERE po.order_id = ? ORDER BY po.seq',
    )
    .all(orderId);

describe('migration 006: sync, packages, outbox states', () => {
  it('gives every existing order a package and keeps sent outbox entries as done', () => {
    const db = openAt(5);
    insertOrder(db, 'o1', 'PKG-1', 'TT1');
    insertOrder(db, 'o2');
    insertOrder(db, 'o3', 'PKG-1'); // combined in the export: one parcel, two orders
    db.prepare("INSERT INTO outbox (at, kind, order_id, payload, sent_at) VALUES (1, 'order.packed', 'o1', '{}', 7)").run();
    db.prepare("INSERT INTO outbox (at, kind, order_id, payload) VALUES (2, 'order.shipment_arranged', 'o1', '{}')").run();
    const orders = db.prepare('SELECT * FROM orders ORDER BY id').all();

    expect(migrate(db, 2, 6)).toBe(1);

    expect(packagesOf(db, 'o1')).toEqual([{ id: 'PKG-1', origin: 'EXPORT', tracking: 'TT1', seq: 1 }]);
    expect(packagesOf(db, 'o2')).toEqual([{ id: 'LOCAL-o2', origin: 'LOCAL', tracking: '', seq: 1 }]);
    expect(packagesOf(db, 'o3')).toEqual([{ id: 'PKG-1', origin: 'EXPORT', tracking: 'TT1', seq: 1 }]);
    expect(db.prepare('SELECT state, done_reason IS NOT NULL AS why FROM outbox ORDER BY id').all()).toEqual([
      { state: 'done', why: 1 },
      { state: 'pending', why: 0 },
    ]);
    // The orders themselves are untouched apart from the new, empty column.
    const after = db.prepare('SELECT * FROM orders ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map((o) => o.platform_answer_by)).toEqual(after.map(() => null));
    expect(after.map(({ platform_answer_by, ...o }) => o)).toEqual(orders);
    expect(db.prepare('SELECT length(instance_id) FROM sync_state').pluck().get()).toBe(16);
    db.close();
  });

  it('gives orders inserted later a package, and a Package ID named later replaces the local one', () => {
    const db = openAt(6);
    insertOrder(db, 'n1');
    expect(packagesOf(db, 'n1')).toEqual([{ id: 'LOCAL-n1', origin: 'LOCAL', tracking: '', seq: 1 }]);
    db.prepare("UPDATE orders SET package_id = 'PKG-9', tracking_number = 'TT9' WHERE id = 'n1'").run();
    expect(packagesOf(db, 'n1')).toEqual([{ id: 'PKG-9', origin: 'EXPORT', tracking: 'TT9', seq: 1 }]);
    expect(db.prepare("SELECT count(*) FROM packages WHERE id = 'LOCAL-n1'").pluck().get()).toBe(0);
  });

  it('never replaces the platform packages the sync wrote, and refuses unknown states and conflict kinds', () => {
    const db = openAt(6);
    insertOrder(db, 's1', 'P-A');
    db.prepare("UPDATE packages SET origin = 'PLATFORM', tracking_number = 'JT-A' WHERE id = 'P-A'").run();
    db.prepare("INSERT INTO packages (id, origin, updated_at) VALUES ('P-B', 'PLATFORM', 1)").run();
    db.prepare("INSERT INTO package_orders (package_id, order_id, seq) VALUES ('P-B', 's1', 2)").run();
    db.prepare("UPDATE orders SET package_id = 'P-B', tracking_number = 'OTHER' WHERE id = 's1'").run();
    expect(packagesOf(db, 's1')).toEqual([
      { id: 'P-A', origin: 'PLATFORM', tracking: 'JT-A', seq: 1 },
      { id: 'P-B', origin: 'PLATFORM', tracking: '', seq: 2 },
    ]);
    expect(() => db.prepare("INSERT INTO outbox (at, kind, payload, state) VALUES (1, 'x', '{}', 'maybe')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sync_conflicts (order_id, kind, raised_at) VALUES ('s1', 'GREMLINS', 1)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO sync_conflicts (order_id, kind, raised_at) VALUES ('s1', 'ON_HOLD', 1)").run();
    expect(() => db.prepare("INSERT INTO sync_conflicts (order_id, kind, raised_at) VALUES ('s1', 'ON_HOLD', 2)").run()).toThrow(/UNIQUE/);
  });
});
