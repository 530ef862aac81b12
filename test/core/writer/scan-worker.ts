/**
 * One packer at one station, as its own process: scans every order of the list (order code, then
 * each unit's barcode) as fast as the core answers, and prints what each scan got. A scan answered
 * DATABASE_BUSY is sent again with the same scan id, as a client must.
 * Usage: tsx scan-worker.ts DB STATION PLAN.json   (says "ready", starts on a line on stdin)
 */
import fs from 'node:fs';
import { createCore } from '../../../core/core.js';

export interface WorkerScan {
  scanId: string;
  code: string;
  verdict: string | null;
  orderId: string | null;
  error: string | null;
  busyRetries: number;
}

const [db, station, planFile] = process.argv.slice(2) as [string, string, string];
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as { orderId: string; items: string[] }[];
let waits = 0;
const core = createCore({ dbPath: db, role: 'cli', log: { error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`), warn: () => waits++ } });

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
const scans: WorkerScan[] = [];
let n = 0;
for (const order of plan) {
  for (const code of [order.orderId, ...order.items]) {
    const rec: WorkerScan = { scanId: `${station}-${++n}`, code, verdict: null, orderId: null, error: null, busyRetries: 0 };
    for (;;) {
      const res = await core.dispatch('packing.scan', { station, packer: station, scanId: rec.scanId, code });
      if (res.ok) {
        const v = res.result as { code: string; orderId: string | null };
        rec.verdict = v.code;
        rec.orderId = v.orderId;
        break;
      }
      if (res.error.code === 'DATABASE_BUSY' && rec.busyRetries < 100) {
        rec.busyRetries++;
        continue;
      }
      rec.error = res.error.code;
      break;
    }
    scans.push(rec);
  }
}
core.close();
process.stdout.write(JSON.stringify({ scans, waits }));
