/**
 * `npm run bench`: the core's speed goals, measured on this machine. Prints a table and writes
 * bench-output/results.json; copy the figures into the README when they change.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../core/api/dispatch.js';
import { createCore, type Core } from '../../core/core.js';
import { parseOrderExport } from '../../core/import/seller-center.js';
import { makeOrderExport } from '../fixtures/make-export.js';
import { FakeTcpPrinter } from '../printer/fakes/tcp-printer.js';
import { browserBenchmarks } from './e2e.js';
import { platformLabelBenchmarks } from './platform-labels.js';
import { printerBenchmarks } from './printer.js';
import { syncBenchmarks } from './sync.js';
import { soakBenchmark } from './soak.js';
import { benchScans } from './scans.js';
import { ms, percentile, timed } from './stats.js';
import { transportBenchmarks } from './transports.js';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
const quiet = { error: () => {} };
const results: { name: string; goal: string; figure: string; pass: boolean }[] = [];
let dbCount = 0;

function freshCore(): Core {
  return createCore({ dbPath: path.join(work, `bench-${++dbCount}.db`), log: quiet });
}

function record(name: string, goal: string, value: number, limit: number, figure: string) {
  results.push({ name, goal, figure, pass: value <= limit });
  console.log(`${value <= limit ? 'ok  ' : 'SLOW'} ${name}: ${figure} (goal ${goal})`);
}

async function benchImport(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const parse: number[] = [];
  for (let i = 0; i < 5; i++) parse.push((await timed(() => parseOrderExport(text))).ms);
  record('parse 15,000-row export (no database)', '—', 0, 0, `${ms(percentile(parse, 50))} ms median of 5`);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const core = freshCore();
    runs.push((await timed(() => call(core.dispatch, 'import.orders', { path: file }))).ms);
    core.close();
  }
  record('import 15,000-row export, in-process', '≤ 1500 ms', percentile(runs, 50), 1500, `${ms(percentile(runs, 50))} ms median of 3`);
  const cli: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = path.join(work, `cli-${i}.db`);
    const t = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'import', file, '--db', db], { cwd: root, stdio: 'ignore' });
    cli.push(performance.now() - t);
  }
  record(
    'import 15,000-row export through the CLI',
    '≤ 3000 ms',
    percentile(cli, 50),
    3000,
    `${ms(percentile(cli, 50))} ms median of 3, process start included`,
  );
}

async function benchQueueScansPickList() {
  const core = freshCore();
  const load = await timed(() => call(core.dispatch, 'demo.load', { orders: 100_000, seed: 11 }));
  console.log(`     (loaded 100,000 demo orders in ${ms(load.ms)} ms)`);
  const queue: number[] = [];
  for (let i = 0; i < 300; i++) {
    queue.push((await timed(() => call(core.dispatch, 'orders.queue', { limit: 100, offset: (i % 10) * 100 }))).ms);
  }
  record(
    'pick queue over 100,000 orders (page of 100)',
    'p95 ≤ 10 ms',
    percentile(queue, 95),
    10,
    `p50 ${ms(percentile(queue, 50))} ms, p95 ${ms(percentile(queue, 95))} ms`,
  );

  await benchScans(core, record);

  const ids = (await call(core.dispatch, 'orders.queue', { limit: 1000, offset: 1000 })).orders.slice(0, 500).map((o) => o.id);
  const lists: number[] = [];
  for (let i = 0; i < 50; i++) lists.push((await timed(() => call(core.dispatch, 'picklist.build', { orderIds: ids, waveSize: 500 }))).ms);
  record('pick list for 500 orders', '≤ 50 ms', percentile(lists, 50), 50, `p50 ${ms(percentile(lists, 50))} ms, p95 ${ms(percentile(lists, 95))} ms`);
  core.close();
}

/** The whole path: 500 journaled jobs, labels built and sent to a loopback printer. */
async function benchPrintBatch() {
  const printer = await FakeTcpPrinter.start();
  const core = freshCore();
  await call(core.dispatch, 'demo.load', { orders: 1200, seed: 5 });
  await call(core.dispatch, 'printers.save', { name: 'Loopback', uri: printer.uri, language: 'zpl', dpi: 203 });
  const ids = (await call(core.dispatch, 'orders.queue', { limit: 500, cancelRequested: false })).orders.map((o) => o.id);
  const run = await timed(() => call(core.dispatch, 'printing.batch', { orderIds: ids, printer: 'Loopback', station: 'bench', packer: 'b' }));
  const sent = run.value.sent;
  record(
    `print batch of ${sent} demo labels through the core to a loopback printer`,
    '≤ 3000 ms',
    run.ms,
    3000,
    `${ms(run.ms)} ms (${ms(run.ms / sent)} ms a label, journal included)`,
  );
  core.close();
  await printer.stop();
}

async function main() {
  console.log(`Packdesk core benchmarks — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  const file = path.join(work, 'export-15000.csv');
  fs.writeFileSync(file, makeOrderExport(15_000, { seed: 3 }));
  await benchImport(file);
  await benchQueueScansPickList();
  await printerBenchmarks(record);
  await transportBenchmarks(record);
  await benchPrintBatch();
  await soakBenchmark(record);
  await platformLabelBenchmarks(record);
  await syncBenchmarks(record);
  await browserBenchmarks(record);
  fs.mkdirSync(path.join(root, 'bench-output'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-output/results.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`\n| measure | goal | figure |\n|---|---|---|\n${results.map((r) => `| ${r.name} | ${r.goal} | ${r.figure} |`).join('\n')}`);
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}

await main();
