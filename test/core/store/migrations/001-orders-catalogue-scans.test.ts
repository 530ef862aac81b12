import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

function freshDb() {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = new Database(path.join(t.dir, 'm.db'));
  db.pragma('foreign_keys = ON');
  return db;
}

describe('migration 001: orders, catalogue, scans', () => {
  it('creates STRICT tables that refuse wrong types', () => {
    const db = freshDb();
    migrate(db, 1, 1);
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT'").pluck().all();
    expect(strict).toEqual(expect.arrayContaining(['orders', 'order_lines', 'skus', 'barcodes', 'scans', 'outbox', 'settings', 'station_sessions']));
    expect(() => db.prepare("INSERT INTO skus (id, seller_sku, stock_on_hand, updated_at) VALUES ('a', 'A', 'lots', 0)").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('never lets a line be packed beyond its quantity, nor an order line outlive its order', () => {
    const db = freshDb();
    migrate(db, 1, 1);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at) VALUES ('o1', 'AWAITING_SHIPMENT', 0, 0)").run();
    const ins = db.prepare("INSERT INTO order_lines (order_id, line_no, sku_id, quantity, packed_quantity) VALUES ('o1', ?, 's', 2, ?)");
    ins.run(1, 2);
    expect(() => ins.run(2, 3)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO order_lines (order_id, line_no, sku_id, quantity) VALUES ('nope', 1, 's', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM orders WHERE id = 'o1'").run();
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps seller SKUs unique regardless of case', () => {
    const db = freshDb();
    migrate(db, 1, 1);
    db.prepare("INSERT INTO skus (id, seller_sku, updated_at) VALUES ('1', 'TS-BLK-M', 0)").run();
    expect(() => db.prepare("INSERT INTO skus (id, seller_sku, updated_at) VALUES ('2', 'ts-blk-m', 0)").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('reads the pick queue off its partial index', () => {
    const db = freshDb();
    migrate(db, 1, 1);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM orders INDEXED BY orders_pick_queue WHERE status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING') ORDER BY next_deadline_at, id LIMIT 100",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/orders_pick_queue/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
