import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 003: printers and the print-job journal', () => {
  it('adds printing tables to a version-2 database without touching orders or handovers', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, 2);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at) VALUES ('o1', 'AWAITING_SHIPMENT', 5, 5)").run();
    db.prepare("INSERT INTO handover_batches (station, method, opened_at) VALUES ('s', 'PICKUP', 1)").run();
    const before = { orders: db.prepare('SELECT * FROM orders').all(), batches: db.prepare('SELECT * FROM handover_batches').all() };

    expect(migrate(db, 2, 3)).toBe(1);
    expect({ orders: db.prepare('SELECT * FROM orders').all(), batches: db.prepare('SELECT * FROM handover_batches').all() }).toEqual(before);

    db.prepare("INSERT INTO printers (name, uri, language, dpi, created_at, updated_at) VALUES ('Zebra', 'tcp://10.0.0.5:9100', 'zpl', 203, 1, 1)").run();
    expect(() => db.prepare("INSERT INTO printers (name, uri, language, dpi, created_at, updated_at) VALUES ('X', 'tcp://x', 'pcl', 203, 1, 1)").run()).toThrow(
      /CHECK/,
    );
    db.prepare("INSERT INTO document_printers (document, printer_name) VALUES ('SHIPPING_LABEL', 'Zebra')").run();
    const job = db.prepare(
      `INSERT INTO print_jobs (order_id, document, printer_name, uri, language, state, kind, station, packer, created_at, updated_at)
       VALUES ('o1', 'SHIPPING_LABEL', 'Zebra', 'tcp://10.0.0.5:9100', 'zpl', ?, 'PRINT', 's', 'p', 1, 1)`,
    );
    job.run('QUEUED');
    expect(() => job.run('PRINTED-MAYBE')).toThrow(/CHECK/);
    // Removing a printer forgets which documents it printed, never the jobs it printed.
    db.prepare("DELETE FROM printers WHERE name = 'Zebra'").run();
    expect(db.prepare('SELECT count(*) FROM document_printers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(1);
    db.close();
  });
});
