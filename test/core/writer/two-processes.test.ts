import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/core.js';
import { addBarcodes, upsertSku } from '../../../core/store/catalogue-repo.js';
import { insertOrder } from '../../../core/store/orders-repo.js';
import { tempDir } from '../../helpers/core.js';
import { line, makeOrder, makeSku } from '../../helpers/orders.js';
import type { WorkerScan } from './scan-worker.js';

const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

function spawnTracked(args: string[]) {
  const child = spawn(process.execPath, args, { cwd: root });
  cleanups.push(() => void child.kill('SIGKILL'));
  return child;
}

/** A process that keeps one CPU busy for as long as the test runs. */
function cpuHog() {
  const hog = spawnTracked(['-e', 'for (;;) {}']);
  return hog;
}

function worker(db: string, station: string, planFile: string) {
  const child = spawnTracked(['--import', 'tsx', path.join(import.meta.dirname, 'scan-worker.ts'), db, station, planFile]);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ scans: WorkerScan[]; waits: number }>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.slice(stdout.indexOf('\n') + 1)) as { scans: WorkerScan[]; waits: number })
        : reject(new Error(`worker ${station} exited ${code}: ${stderr}`)),
    ),
  );
  const ready = new Promise<void>((resolve) => {
    const check = () => (stdout.startsWith('ready\n') ? resolve() : child.stdout!.once('data', check));
    check();
  });
  return { child, done, ready };
}

/** Every item verdict must be about the order this station opened last. */
function misplaced(scans: WorkerScan[]): WorkerScan[] {
  let open: string | null = null;
  const wrong: WorkerScan[] = [];
  for (const s of scans) {
    if (s.verdict === 'ORDER_OPENED') open = s.orderId;
    else if ((s.verdict === 'ACCEPTED' || s.verdict === 'ORDER_COMPLETE') && s.orderId !== open) wrong.push(s);
  }
  return wrong;
}

describe('two Packdesk programs packing the same orders on one database file', { timeout: 240_000 }, () => {
  it('lose no scan, answer no INTERNAL and put no item in an order other than the one open there, with a CPU hog beside them', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'packdesk.db');
    const setup = createCore({ dbPath: db, log: { error: () => {} } });
    const skus = ['A', 'B', 'C'].map((id, i) => makeSku(id, { barcodes: [`400638133393${i}`] }));
    for (const { barcodes, ...s } of skus) {
      upsertSku(setup.context.db, s, Date.now());
      addBarcodes(setup.context.db, s.id, barcodes);
    }
    // Each station goes round the orders, one unit per visit: every order gets units from both.
    const units = new Map<string, string[]>();
    for (let i = 0; i < 100; i++) {
      const lines = [line(skus[i % 3]!, 1 + (i % 2)), line(skus[(i + 1) % 3]!, 1)];
      insertOrder(setup.context.db, makeOrder(`R${i}`, lines, Date.now()));
      units.set(
        `R${i}`,
        lines.flatMap((l) => Array.from({ length: l.quantity }, () => skus.find((s) => s.id === l.skuId)!.barcodes[0]!)),
      );
    }
    const plan: { orderId: string; items: string[] }[] = [];
    for (let visit = 0; visit < 3; visit++) {
      for (const [orderId, codes] of units) if (codes[visit]) plan.push({ orderId, items: [codes[visit]!] });
    }
    setup.close();
    const planFile = path.join(t.dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));

    cpuHog();
    const one = worker(db, 'bench-1', planFile);
    const two = worker(db, 'bench-2', planFile);
    // Both load, then start on the same signal so their scans interleave tightly.
    await Promise.all([one.ready, two.ready]);
    one.child.stdin!.write('go\n');
    two.child.stdin!.write('go\n');
    const [ra, rb] = await Promise.all([one.done, two.done]);
    const [a, b] = [ra.scans, rb.scans];

    for (const scans of [a, b]) {
      expect(scans.length).toBeGreaterThanOrEqual(300);
      expect(scans.filter((s) => s.error !== null).map((s) => s.error)).toEqual([]);
      expect(misplaced(scans)).toEqual([]);
    }
    const conn = new Database(db, { readonly: true });
    cleanups.push(() => conn.close());
    const stored = new Map(
      (
        conn.prepare('SELECT scan_id, verdict, order_id, station FROM scans').all() as {
          scan_id: string;
          verdict: string;
          order_id: string | null;
          station: string;
        }[]
      ).map((r) => [r.scan_id, r]),
    );
    for (const s of [...a, ...b]) expect(stored.get(s.scanId)?.verdict, s.scanId).toBe(s.verdict);
    // Every unit packed is one accepted scan, and no line holds more than ordered.
    const packedScans = [...a, ...b].filter((s) => s.verdict === 'ACCEPTED' || s.verdict === 'ORDER_COMPLETE');
    const packedUnits = conn.prepare('SELECT sum(packed_quantity) FROM order_lines').pluck().get() as number;
    expect(packedUnits).toBe(packedScans.length);
    expect(conn.prepare('SELECT count(*) FROM order_lines WHERE packed_quantity > quantity').pluck().get()).toBe(0);
    // They really met: some orders got units from both stations.
    const packedBy = (scans: WorkerScan[]) => new Set(scans.filter((s) => s.verdict === 'ACCEPTED' || s.verdict === 'ORDER_COMPLETE').map((s) => s.orderId));
    const one_ = packedBy(a);
    const shared = [...packedBy(b)].filter((id) => one_.has(id));
    console.log(
      `two processes: ${a.length} + ${b.length} scans, ${shared.length} orders packed at both stations, ${ra.waits + rb.waits} writes waited for the other program, ${[...a, ...b].reduce((n, s) => n + s.busyRetries, 0)} DATABASE_BUSY resent`,
    );
    expect(shared.length).toBeGreaterThan(10);
    // Every order was completed by one of the two stations.
    expect(conn.prepare('SELECT count(*) FROM orders WHERE packed_at IS NULL').pluck().get()).toBe(0);
  });
});
