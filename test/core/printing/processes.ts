import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { call } from '../../../core/api/dispatch.js';
import { createCore } from '../../../core/core.js';
import { addBarcodes, upsertSku } from '../../../core/store/catalogue-repo.js';
import { insertOrder } from '../../../core/store/orders-repo.js';
import { line, makeOrder, makeSku } from '../../helpers/orders.js';

const root = path.resolve(import.meta.dirname, '../../..');

export interface CliRun {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Runs the real CLI in its own process: another Packdesk program on the same database. */
export function cli(args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    // 'close' comes after the process exited and its output was read to the end.
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Reads the file as an onlooker would (its own read-only connection). */
export function peek<T>(db: string, read: (conn: Database.Database) => T): T {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return read(conn);
  } finally {
    conn.close();
  }
}

export function jobStates(db: string): Record<string, number> {
  return peek(db, (c) =>
    Object.fromEntries(
      (c.prepare('SELECT state, count(*) AS n FROM print_jobs GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
    ),
  );
}

export function batchState(db: string, id: number): string | undefined {
  return peek(db, (c) => c.prepare('SELECT state FROM print_batches WHERE id = ?').pluck().get(id) as string | undefined);
}

/** Polls a condition on state another process writes (there is no event across processes). */
export async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** True when no other connection holds the write lock right now. */
export function writeLockFree(db: string): boolean {
  const conn = new Database(db, { timeout: 0 });
  try {
    conn.exec('BEGIN IMMEDIATE');
    conn.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    conn.close();
  }
}

/** A database with `n` orders awaiting shipment (tracking TTO1…) and printers saved by name. */
export async function seedShop(db: string, n: number, printers: Record<string, string>): Promise<string[]> {
  const setup = createCore({ dbPath: db, log: { error: () => {} } });
  const sku = makeSku('A', { barcodes: ['4006381333931'] });
  const { barcodes, ...skuRow } = sku;
  upsertSku(setup.context.db, skuRow, Date.now());
  addBarcodes(setup.context.db, sku.id, barcodes);
  const ids = Array.from({ length: n }, (_, i) => `O${i + 1}`);
  for (const [i, id] of ids.entries()) insertOrder(setup.context.db, makeOrder(id, [line(sku)], Date.now() - i * 60_000));
  for (const [name, uri] of Object.entries(printers)) {
    await call(setup.dispatch, 'printers.save', {
      name,
      uri,
      language: 'zpl',
      dpi: 203,
      documents: name === Object.keys(printers)[0] ? ['SHIPPING_LABEL'] : [],
    });
  }
  setup.close();
  return ids;
}

/** Complete ZPL formats (^XA…^XZ) per order, read off what a printer received. */
export function labelsPerOrder(bytes: Buffer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? []) {
    const id = /TT(O\d+)/.exec(label)?.[1] ?? '?';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
