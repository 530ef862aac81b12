/**
 * Only the scanner-burst benchmark (the whole `npm run bench` takes minutes):
 *   npx tsx test/bench/run-scanner-bursts.ts [bursts]
 */
import { chromiumMissing } from '../e2e/launcher.js';
import { benchScannerBursts } from './scanner-bursts.js';

const missing = chromiumMissing();
if (missing) {
  console.log(`skip: ${missing}`);
} else {
  let pass = true;
  await benchScannerBursts(
    (name, goal, value, limit, figure) => {
      pass &&= value <= limit;
      console.log(`${value <= limit ? 'ok  ' : 'SLOW'} ${name}: ${figure} (goal ${goal})`);
    },
    Number(process.argv[2] ?? 1000),
  );
  process.exitCode = pass ? 0 : 1;
}
