import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 008: which package a label job was for', () => {
  it('adds package_id to print_jobs of a version-7 database, keeping its jobs (theirs stays null) and its label wishes', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, 7);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at) VALUES ('o1', 'AWAITING_SHIPMENT', 5, 5)").run();
    const job = db.prepare(
      `INSERT INTO print_jobs (order_id, document, printer_name, uri, language, state, kind, station, packer, created_at, updated_at)
       VALUES ('o1', 'SHIPPING_LABEL', 'Z', 'tcp://z', 'zpl', 'SENT', 'PRINT', 's', 'p', 1, 1)`,
    );
    job.run();
    job.run();
    db.prepare(
      "INSERT INTO label_wishes (package_id, order_id, printer_name, station, packer, wished_at, job_id) VALUES ('PK1', 'o1', 'Z', 's', 'p', 3, 2)",
    ).run();

    expect(migrate(db, 2, 8)).toBe(1);
    expect(db.prepare('SELECT id, order_id AS orderId, package_id AS packageId, state FROM print_jobs ORDER BY id').all()).toEqual([
      { id: 1, orderId: 'o1', packageId: null, state: 'SENT' },
      { id: 2, orderId: 'o1', packageId: null, state: 'SENT' },
    ]);
    expect(db.prepare('SELECT job_id FROM label_wishes').pluck().all()).toEqual([2]);
    db.prepare(
      `INSERT INTO print_jobs (order_id, package_id, document, printer_name, uri, language, state, kind, station, packer, created_at, updated_at)
       VALUES ('o1', 'PK2', 'SHIPPING_LABEL', 'Z', 'tcp://z', 'zpl', 'SENT', 'PRINT', 's', 'p', 4, 4)`,
    ).run();
    // The package lookup packing.finish makes goes through the new index.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT DISTINCT package_id FROM print_jobs WHERE package_id IN ('PK2') AND document = 'SHIPPING_LABEL' AND state = 'SENT'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('print_jobs_by_package');
    expect(db.prepare("SELECT id FROM print_jobs WHERE package_id = 'PK2'").pluck().all()).toEqual([3]);
    db.close();
  });
});
