/**
 * One fresh process of the platform-label benchmark (test/bench/platform-labels.ts): the app
 * starts with the label worker warming in the background, then prints platform PDF labels to a
 * loopback printer through the core. `at-once` asks for the first label the moment the app is up;
 * `after-warm-up` waits until the worker says it is ready. With `built`, the core, the printer
 * module and the label worker are the JavaScript the app ships (dist/app, from
 * `npm run build:electron`), not TypeScript compiled on the fly. Prints its figures as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FakeTcpPrinter } from '../printer/fakes/tcp-printer.js';
import { carrierPdf } from '../printer/fixtures/platform-labels.js';

const mode = process.argv[2] === 'at-once' ? 'at-once' : 'after-warm-up';
const built = process.argv[3] === 'built';
const from = (source: string) =>
  built ? pathToFileURL(path.resolve(import.meta.dirname, '../../dist/app', source.replace(/\.ts$/, '.js'))).href : `../../${source}`;
const { call } = (await import(from('core/api/dispatch.ts'))) as typeof import('../../core/api/dispatch.js');
const { createCore } = (await import(from('core/core.ts'))) as typeof import('../../core/core.js');
const { savePlatformLabel } = (await import(from('core/store/printers-repo.ts'))) as typeof import('../../core/store/printers-repo.js');
const { warmPlatformLabels } = (await import(from('printer/platform/platform-label.ts'))) as typeof import('../../printer/platform/platform-label.js');
const LABELS = 20;
const quiet = { error: () => {} };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-platform-bench-'));
const dbPath = path.join(dir, 'bench.db');
const printer = await FakeTcpPrinter.start();

// The shop as it is when the app starts: orders whose platform labels sync already downloaded.
const setup = createCore({ dbPath, log: quiet });
await call(setup.dispatch, 'demo.load', { orders: 120, seed: 9 });
await call(setup.dispatch, 'printers.save', { name: 'Loopback', uri: printer.uri, language: 'zpl', dpi: 203 });
const ids = (await call(setup.dispatch, 'orders.queue', { limit: LABELS + 1, cancelRequested: false })).orders.map((o) => o.id);
for (const [i, id] of ids.entries()) savePlatformLabel(setup.context.db, id, 'pdf', await carrierPdf(`JT${5_091_827_364_000 + i}`), Date.now());
setup.close();

const core = createCore({ dbPath, log: quiet, warmLabelRenderer: true });
const started = performance.now();
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const who = { printer: 'Loopback', station: 'bench', packer: 'b' };

/** The longest block of each phase, and of the whole run. */
const phases: Record<string, number> = {};
function phase(name: string): void {
  phases[name] = delay.max / 1e6;
  overall = Math.max(overall, delay.max);
  delay.reset();
}
let overall = 0;

let warmUpMs: number | null = null;
if (mode === 'after-warm-up') {
  await warmPlatformLabels();
  warmUpMs = performance.now() - started;
  phase('warm-up');
}
const asked = performance.now();
const first = await call(core.dispatch, 'printing.print', { orderId: ids[0]!, ...who });
const firstLabelMs = performance.now() - asked;
const sinceStartMs = performance.now() - started;
phase('first label');

const each: number[] = [];
for (const id of ids.slice(1)) {
  const t = performance.now();
  await call(core.dispatch, 'printing.print', { orderId: id, ...who });
  each.push(performance.now() - t);
}
phase('next labels');
delay.disable();
await printer.waitForBytes(1);
core.close();
await printer.stop();
fs.rmSync(dir, { recursive: true, force: true });
each.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    mode,
    built,
    firstState: first.state,
    warmUpMs,
    firstLabelMs,
    sinceStartMs,
    nextP50Ms: each[Math.floor(each.length / 2)],
    nextMaxMs: each[each.length - 1],
    labels: each.length + 1,
    maxBlockMs: overall / 1e6,
    blockByPhaseMs: phases,
  }),
);
