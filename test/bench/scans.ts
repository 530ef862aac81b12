/**
 * The scan benchmark alone: `npx tsx test/bench/scans.ts`. Scans go through dispatch and the
 * writer's queue, each saved in its own BEGIN IMMEDIATE transaction, on a shop of 100,000 orders.
 * npm run bench runs it with the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { call } from '../../core/api/dispatch.js';
import type { OrderView } from '../../core/api/views.js';
import { createCore, type Core } from '../../core/core.js';
import { ms, percentile, timed } from './stats.js';

export type Record = (name: string, goal: string, value: number, limit: number, figure: string) => void;

/** Orders awaiting shipment whose every item has a barcode, most urgent first, a page at a time. */
async function ordersToPack(core: Core, count: number): Promise<OrderView[]> {
  const out: OrderView[] = [];
  for (let offset = 0; out.length < count; offset += 1000) {
    const page = await call(core.dispatch, 'orders.list', { status: ['AWAITING_SHIPMENT'], limit: 1000, offset });
    out.push(...page.filter((o) => o.cancelRequestedAt === null && o.lines.every((l) => l.barcodes.length > 0)));
    if (page.length < 1000) break;
  }
  return out;
}

/** Scans ≥ 2,000 items into orders opened one after another; times each item scan. */
export async function benchScans(core: Core, record: Record): Promise<void> {
  const scans: number[] = [];
  let n = 0;
  for (const order of await ordersToPack(core, 1500)) {
    await call(core.dispatch, 'packing.scan', { station: 'bench', packer: 'b', scanId: `open-${order.id}`, code: order.id });
    for (const line of order.lines) {
      for (let u = 0; u < line.qty; u++) {
        const t = await timed(() => call(core.dispatch, 'packing.scan', { station: 'bench', packer: 'b', scanId: `s-${n++}`, code: line.barcodes[0]! }));
        scans.push(t.ms);
      }
    }
    if (scans.length >= 2000) break;
  }
  record(
    'scan verdict through dispatch and the writer queue, write included',
    'p99 ≤ 1 ms',
    percentile(scans, 99),
    1,
    `p50 ${ms(percentile(scans, 50))} ms, p99 ${ms(percentile(scans, 99))} ms over ${scans.length} scans`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-scans-'));
  const core = createCore({ dbPath: path.join(work, 'scans.db'), log: { error: () => {} } });
  const load = await timed(() => call(core.dispatch, 'demo.load', { orders: 100_000, seed: 11 }));
  console.log(`     (loaded 100,000 demo orders in ${ms(load.ms)} ms)`);
  let pass = true;
  await benchScans(core, (name, goal, value, limit, figure) => {
    pass = value <= limit;
    console.log(`${pass ? 'ok  ' : 'SLOW'} ${name}: ${figure} (goal ${goal})`);
  });
  core.close();
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = pass ? 0 : 1;
}
