/**
 * Platform labels off the main thread (issue 10): each measurement is a fresh process
 * (platform-labels-run.ts) that starts the core with the label worker warming in the background
 * and prints 21 platform PDF labels to a loopback printer.
 * - the first label once the worker says it is warm (goal ≤ 300 ms), and how long warming took;
 * - the first label asked for the moment the app is up (it waits for the warm-up: shown, no goal);
 * - the longest the main thread's event loop was blocked meanwhile (monitorEventLoopDelay, goal ≤ 50 ms).
 * Measured on the JavaScript the app ships (dist/app, built first), where the worker starts
 * without compiling TypeScript; the same from source is shown beside it.
 *
 * Alone: `npx tsx test/bench/platform-labels.ts`; also part of `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildApp } from '../../scripts/build-electron.js';
import { isMain, runAlone } from './alone.js';
import type { BenchRecord } from './printer.js';
import { ms } from './stats.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  warmUpMs: number | null;
  firstLabelMs: number;
  sinceStartMs: number;
  nextP50Ms: number;
  nextMaxMs: number;
  labels: number;
  maxBlockMs: number;
  blockByPhaseMs: Record<string, number>;
}

function run(mode: 'after-warm-up' | 'at-once', code: 'built' | 'source'): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/platform-labels-run.ts', mode, code], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as Run;
}

function phases(run: Run): string {
  return Object.entries(run.blockByPhaseMs)
    .map(([name, value]) => `${name} ${ms(value)} ms`)
    .join(', ');
}

export async function platformLabelBenchmarks(record: BenchRecord): Promise<void> {
  buildApp(root);
  const warm = run('after-warm-up', 'built');
  const cold = run('at-once', 'built');
  const source = run('after-warm-up', 'source');
  record(
    'first platform PDF label after start, label worker warm (to a loopback printer, journal included)',
    '≤ 300 ms',
    warm.firstLabelMs,
    300,
    `${ms(warm.firstLabelMs)} ms; warming took ${ms(warm.warmUpMs ?? 0)} ms after start; asked at start instead: ${ms(cold.firstLabelMs)} ms; next ${warm.labels - 1} labels p50 ${ms(warm.nextP50Ms)} ms, max ${ms(warm.nextMaxMs)} ms (from source through tsx: warming ${ms(source.warmUpMs ?? 0)} ms, first label ${ms(source.firstLabelMs)} ms)`,
  );
  const block = Math.max(warm.maxBlockMs, cold.maxBlockMs);
  record(
    'longest main-thread event-loop block while starting and printing platform labels',
    '≤ 50 ms',
    block,
    50,
    `max ${ms(block)} ms (monitorEventLoopDelay, 10 ms resolution, two runs of ${warm.labels} labels); by phase, worker warm: ${phases(warm)}; asked at start: ${phases(cold)}; from source: ${phases(source)}`,
  );
}

if (isMain(import.meta.url)) await runAlone(platformLabelBenchmarks);
