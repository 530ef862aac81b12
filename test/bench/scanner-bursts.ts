/**
 * Issue 11's "done means" for the scanner: 1,000 scanner bursts into the pack screen in Chromium
 * through the station host, a 200 ms long task injected in the middle of every third (the page is
 * busy while it handles a key half-way through the code). Goals: no split scan (each burst is
 * exactly one scan, and the core saw the code that was typed), and scan → verdict painted p95 ≤ 50 ms.
 * Keys go in through the DevTools protocol with explicit timestamps 5 ms apart (e2e/pages/scanner.ts).
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { openBrowser, startBench } from '../e2e/launcher.js';
import { AppShell } from '../e2e/pages/app.js';
import type { PageGlobals } from '../e2e/pages/browser.js';
import { markCount, PackScreen } from '../e2e/pages/pack.js';
import { scanSequence } from './scan-codes.js';
import type { BenchRecord } from './printer.js';
import { ms, percentile } from './stats.js';

const BURSTS = 1000;
const LONG_TASK_MS = 200;

/** The code the core judged last, as the pack screen's scan history shows it. */
function lastScannedCode(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('.scan-history li code')?.textContent ?? null);
}

/** scan-received → verdict-painted per scan id, in scan order. */
function scanToPainted(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const perf = (globalThis as unknown as PageGlobals).performance;
    const painted = new Map(perf.getEntriesByName('verdict-painted', 'mark').map((m) => [String(m.detail?.scanId), m.startTime]));
    return perf.getEntriesByName('scan-received', 'mark').flatMap((m) => {
      const t = painted.get(String(m.detail?.scanId));
      return t === undefined ? [] : [t - m.startTime];
    });
  });
}

export async function benchScannerBursts(record: BenchRecord, bursts = BURSTS): Promise<void> {
  const bench = await startBench();
  const browser = await openBrowser();
  try {
    await bench.call('demo.load', { orders: 1500, seed: 13 });
    await bench.call('printers.save', { name: 'Loopback', uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    const codes = (await scanSequence(bench, bursts)).slice(0, bursts);
    if (codes.length < bursts) throw new Error(`the demo shop gave only ${codes.length} codes to scan`);
    await new AppShell(browser.page).goto(bench.origin);
    const page = browser.page;
    const pack = new PackScreen(page);
    const receivedBefore = await markCount(page, 'scan-received');
    const split: string[] = [];
    const started = performance.now();
    for (const [i, code] of codes.entries()) {
      const longTask = i % 3 === 0 ? { afterKey: Math.floor(code.length / 2), ms: LONG_TASK_MS } : undefined;
      let verdict: string;
      try {
        verdict = await pack.scan(code, longTask ? { longTask } : {});
      } catch (err) {
        split.push(`${code}: ${(err as Error).message}`);
        continue;
      }
      const seen = await lastScannedCode(page);
      if (seen !== code) split.push(`${code}: the core saw ${JSON.stringify(seen)} (${verdict})`);
    }
    const seconds = (performance.now() - started) / 1000;
    const received = (await markCount(page, 'scan-received')) - receivedBefore;
    const cutShort = await markCount(page, 'scan-incomplete');
    const deltas = await scanToPainted(page);
    const p95 = percentile(deltas, 95);
    record(
      `${bursts.toLocaleString('en')} scanner bursts, a ${LONG_TASK_MS} ms long task mid-burst in every third: split scans`,
      '0',
      split.length + Math.abs(received - bursts),
      0,
      `${split.length} split, ${received.toLocaleString('en')} scans for ${bursts.toLocaleString('en')} bursts, ${cutShort} said "not read completely" (${seconds.toFixed(0)} s)${split.length ? `; first: ${split.slice(0, 3).join('; ')}` : ''}`,
    );
    record(
      `the same bursts: scan → verdict painted, Chromium + station host`,
      'p95 ≤ 50 ms',
      p95,
      50,
      `p50 ${ms(percentile(deltas, 50))} ms, p95 ${ms(p95)} ms, p99 ${ms(percentile(deltas, 99))} ms, max ${ms(Math.max(...deltas))} ms over ${deltas.length.toLocaleString('en')} scans (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
    );
  } finally {
    await browser.close();
    await bench.close();
  }
}
