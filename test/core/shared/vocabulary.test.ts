import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PROCESS_ROLES } from '../../../core/domain/lease.js';
import { CONFLICT_KINDS } from '../../../core/domain/sync-merge.js';
import { BATCH_STATES, DOCUMENT_KINDS, HANDOVER_METHODS, isOrderStatus, JOB_KINDS, JOB_STATES, ORDER_STATUSES } from '../../../core/shared/vocabulary.js';
import { migrate } from '../../../core/store/migrate.js';
import { DPIS, PRINTER_LANGUAGES } from '../../../printer/label/model.js';
import { ENTRY_STATES } from '../../../core/sync/views.js';
import { tempDir } from '../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

/** The values a column's CHECK (col IN (...)) allows, read from the schema the migrations built. */
function allowed(db: Database.Database, table: string, column: string): string[] {
  const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
  // ALTER TABLE ... ADD COLUMN appends its CHECK to the stored CREATE TABLE text, so one place holds them all.
  const m = ddl && new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)`).exec(ddl);
  if (!m?.[1]) throw new Error(`No CHECK (${column} IN ...) on ${table}`);
  return m[1].split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

/**
 * The migrations wrote the state lists into SQL when they were made and cannot change them after;
 * the code's lists must name exactly what the database accepts, or a value the code writes is
 * refused at run time (or one the database holds is never shown).
 */
describe('the shared vocabulary and the store', () => {
  it('names exactly the values the database accepts', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(path.join(t.dir, 'v.db'));
    migrate(db, 1);
    const cases: [string, string, readonly string[]][] = [
      ['document_printers', 'document', DOCUMENT_KINDS],
      ['print_jobs', 'state', JOB_STATES],
      ['print_jobs', 'kind', JOB_KINDS],
      ['print_batches', 'state', BATCH_STATES],
      ['handover_batches', 'method', HANDOVER_METHODS],
      ['printers', 'language', PRINTER_LANGUAGES],
      ['printers', 'dpi', DPIS.map(String)],
      ['process_leases', 'role', PROCESS_ROLES],
      ['sync_conflicts', 'kind', CONFLICT_KINDS],
      ['outbox', 'state', ENTRY_STATES],
    ];
    for (const [table, column, list] of cases) expect(allowed(db, table, column).sort(), `${table}.${column}`).toEqual([...list].sort());
    db.close();
  });

  it('tells a known order status from outside text', () => {
    for (const s of ORDER_STATUSES) expect(isOrderStatus(s)).toBe(true);
    for (const s of ['', 'awaiting_shipment', 'SHIPPED', 'AWAITING_SHIPMENT ']) expect(isOrderStatus(s), s).toBe(false);
  });
});
