/**
 * Runs one benchmark file on its own (`npx tsx test/bench/soak.ts`), printing its figures the way
 * `npm run bench` does, so a change can be measured without the whole suite.
 */
import { pathToFileURL } from 'node:url';
import type { BenchRecord } from './printer.js';

export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;
}

export async function runAlone(bench: (record: BenchRecord) => Promise<void>): Promise<void> {
  let pass = true;
  await bench((name, goal, value, limit, figure) => {
    pass &&= value <= limit;
    console.log(`${value <= limit ? 'ok  ' : 'SLOW'} ${name}: ${figure} (goal ${goal})`);
  });
  process.exitCode = pass ? 0 : 1;
}
