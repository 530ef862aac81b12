/** The sync benchmarks alone: `npx tsx test/bench/sync-run.ts [pull|scan]`. */
import os from 'node:os';
import { syncBenchmarks } from './sync.js';

const results: { name: string; goal: string; figure: string; pass: boolean }[] = [];
console.log(
  `Packdesk sync benchmarks — Node ${process.version}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const only = process.argv.includes('scan') ? 'scan' : process.argv.includes('pull') ? 'pull' : undefined;
await syncBenchmarks((name, goal, value, limit, figure) => {
  results.push({ name, goal, figure, pass: value <= limit });
  console.log(`${value <= limit ? 'ok  ' : 'SLOW'} ${name}: ${figure} (goal ${goal})`);
}, only);
console.log(`\n| measure | goal | figure |\n|---|---|---|\n${results.map((r) => `| ${r.name} | ${r.goal} | ${r.figure} |`).join('\n')}`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
