import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../core/store/migrate.js';
import { tempDir } from '../../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 007: labels to print when they arrive', () => {
  it('adds label_wishes to a version-6 database, keeping its packages and jobs; one wish per package, a spent wish names a real job', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1, 6);
    db.prepare("INSERT INTO orders (id, status, created_at, updated_at) VALUES ('o1', 'AWAITING_SHIPMENT', 5, 5)").run();
    const packages = db.prepare('SELECT id FROM packages').pluck().all();
    db.prepare(
      `INSERT INTO print_jobs (order_id, document, printer_name, uri, language, state, kind, station, packer, created_at, updated_at)
       VALUES ('o1', 'SHIPPING_LABEL', 'Z', 'tcp://z', 'zpl', 'SENT', 'PRINT', 's', 'p', 1, 1)`,
    ).run();

    expect(migrate(db, 2, 7)).toBe(1);
    expect(db.prepare('SELECT id FROM packages').pluck().all()).toEqual(packages);
    expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(1);
    const wish = db.prepare(
      "INSERT INTO label_wishes (package_id, order_id, printer_name, station, packer, wished_at, job_id) VALUES (?, 'o1', 'Z', 's', 'p', 3, ?)",
    );
    wish.run('PK1', null);
    expect(() => wish.run('PK1', null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => wish.run('PK2', 999)).toThrow(/FOREIGN KEY/);
    wish.run('PK3', 1);
    expect(db.prepare('SELECT count(*) FROM label_wishes').pluck().get()).toBe(2);
    db.close();
  });
});
