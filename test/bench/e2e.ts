/**
 * The renderer's speed goals (issue 4), measured in Debian's Chromium against the station host,
 * from the performance marks the screens make:
 *  - scanner burst → verdict painted: 'scan-received' (the capture has the code) to
 *    'verdict-painted' (the frame that paints the verdict), paired by scan id; and 1,000 bursts
 *    with a long task in every third, none split (scanner-bursts.ts);
 *  - pick queue over 5,000 orders: 'queue-filter-start' to 'queue-filter-painted', paired by
 *    filter generation; and frames while the list is scrolled with the mouse wheel.
 * test/bench/run.ts calls `browserBenchmarks` with its `record`.
 */
import type { Page } from 'playwright-core';
import { chromiumMissing, openBrowser, startBench } from '../e2e/launcher.js';
import { AppShell } from '../e2e/pages/app.js';
import type { PageGlobals } from '../e2e/pages/browser.js';
import { markCount, PackScreen, waitForMarks } from '../e2e/pages/pack.js';
import { QueueScreen } from '../e2e/pages/queue.js';
import type { BenchRecord } from './printer.js';
import { scanSequence } from './scan-codes.js';
import { benchScannerBursts } from './scanner-bursts.js';
import { ms, percentile } from './stats.js';

const WARMUP_SCANS = 10;
const MEASURED_SCANS = 100;
const QUEUE_ORDERS = 5000;

/** Milliseconds from each `start` mark to the `end` mark with the same detail key. */
function markDeltas(page: Page, start: string, end: string, key: 'scanId' | 'generation'): Promise<number[]> {
  return page.evaluate(
    ({ start, end, key }) => {
      const perf = (globalThis as unknown as PageGlobals).performance;
      const keyOf = (m: { detail: Record<string, unknown> | null }) => String(m.detail?.[key]);
      const ends = new Map(perf.getEntriesByName(end, 'mark').map((m) => [keyOf(m), m.startTime]));
      return perf.getEntriesByName(start, 'mark').flatMap((m) => {
        const t = ends.get(keyOf(m));
        return t === undefined ? [] : [t - m.startTime];
      });
    },
    { start, end, key },
  );
}

async function benchScanToVerdict(record: BenchRecord): Promise<void> {
  const bench = await startBench();
  const browser = await openBrowser();
  try {
    await bench.call('demo.load', { orders: 400, seed: 7 });
    // As at a real bench: the label prints on completion (a loopback ZPL printer) while scanning goes on.
    await bench.call('printers.save', { name: 'Loopback', uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    const codes = await scanSequence(bench, WARMUP_SCANS + MEASURED_SCANS);
    await new AppShell(browser.page).goto(bench.origin);
    const pack = new PackScreen(browser.page);
    const verdicts = new Map<string, number>();
    for (const code of codes) {
      const verdict = await pack.scan(code);
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    }
    const deltas = (await markDeltas(browser.page, 'scan-received', 'verdict-painted', 'scanId')).slice(WARMUP_SCANS);
    const p95 = percentile(deltas, 95);
    const kinds = [...verdicts].map(([v, n]) => `${n} ${v}`).join(', ');
    record(
      'scanner burst → verdict painted, Chromium + station host',
      'p95 ≤ 50 ms',
      p95,
      50,
      `p50 ${ms(percentile(deltas, 50))} ms, p95 ${ms(p95)} ms, max ${ms(Math.max(...deltas))} ms over ${deltas.length} scans (${kinds})`,
    );
  } finally {
    await browser.close();
    await bench.close();
  }
}

/** Alternates filters that apply at once (selects) and a SKU typed with Enter, timing each. */
async function benchQueueFilter(page: Page, queue: QueueScreen, sku: string, record: BenchRecord): Promise<void> {
  const changes: [Parameters<QueueScreen['setFilter']>[0], string][] = [
    ['single', 'single'],
    ['single', 'multi'],
    ['single', ''],
    ['cancel', 'no'],
    ['sku', sku],
    ['sku', ''],
    ['cancel', ''],
  ];
  for (let round = 0; round < 4; round++) {
    for (const [filter, value] of changes) {
      const painted = await markCount(page, 'queue-filter-painted');
      await queue.setFilter(filter, value);
      await waitForMarks(page, 'queue-filter-painted', painted);
    }
  }
  const deltas = await markDeltas(page, 'queue-filter-start', 'queue-filter-painted', 'generation');
  const p95 = percentile(deltas, 95);
  record(
    `pick queue of ${QUEUE_ORDERS.toLocaleString('en')} demo orders: filter → first rows painted`,
    'p95 ≤ 100 ms',
    p95,
    100,
    `p50 ${ms(percentile(deltas, 50))} ms, p95 ${ms(p95)} ms, max ${ms(Math.max(...deltas))} ms over ${deltas.length} filter changes (single/multi, cancellation, SKU)`,
  );
}

interface ScrollFrames {
  deltas: number[];
  /** Most "loading" placeholder rows seen in one frame: rows scrolled in before their page arrived. */
  placeholders: number;
  scrolledPx: number;
}

/** Wheels down the list for ~2 s while a requestAnimationFrame loop records frame times. */
async function scrollFrames(page: Page): Promise<ScrollFrames> {
  const list = page.getByTestId('queue-list');
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { scrollProbe?: { run: boolean; deltas: number[]; placeholders: number } };
    const probe = { run: true, deltas: [] as number[], placeholders: 0 };
    g.scrollProbe = probe;
    let last = g.performance.now();
    const frame = (t: number) => {
      probe.deltas.push(t - last);
      last = t;
      probe.placeholders = Math.max(probe.placeholders, g.document.querySelectorAll('[data-testid="queue-row-placeholder"]').length);
      if (probe.run) g.requestAnimationFrame(frame);
    };
    g.requestAnimationFrame(frame);
  });
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(16);
  }
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { scrollProbe: { run: boolean; deltas: number[]; placeholders: number } };
    g.scrollProbe.run = false;
    const list = g.document.querySelector('[data-testid="queue-list"]')!;
    // The first delta spans the set-up; the rest are frames while scrolling.
    return { deltas: g.scrollProbe.deltas.slice(1), placeholders: g.scrollProbe.placeholders, scrolledPx: list.scrollTop };
  });
}

async function benchQueue(record: BenchRecord): Promise<void> {
  const bench = await startBench();
  const browser = await openBrowser();
  try {
    await bench.call('demo.load', { orders: QUEUE_ORDERS, seed: 11 });
    const packable = (await bench.call('orders.queue', { limit: 1 })).total;
    const sku = (await bench.call('catalogue.list', {}))[0]!.sellerSku;
    const app = new AppShell(browser.page);
    await app.goto(bench.origin);
    if (!(await app.open('queue'))) throw new Error('the Queue screen is not built');
    const queue = new QueueScreen(browser.page);
    await queue.rows.first().waitFor();
    await benchQueueFilter(browser.page, queue, sku, record);

    const scroll = await scrollFrames(browser.page);
    const long = scroll.deltas.filter((d) => d > 50).length;
    record(
      `pick queue of ${QUEUE_ORDERS.toLocaleString('en')} demo orders (${packable.toLocaleString('en')} packable): wheel scrolling`,
      'no frame > 50 ms',
      long,
      0,
      `${long} of ${scroll.deltas.length} frames over 50 ms; frame p50 ${ms(percentile(scroll.deltas, 50))} ms, p95 ${ms(percentile(scroll.deltas, 95))} ms, max ${ms(Math.max(...scroll.deltas))} ms; ${scroll.scrolledPx.toLocaleString('en')} px scrolled; at most ${scroll.placeholders} loading rows in a frame`,
    );
  } finally {
    await browser.close();
    await bench.close();
  }
}

export async function browserBenchmarks(record: BenchRecord): Promise<void> {
  const missing = chromiumMissing();
  if (missing) {
    console.log(`skip browser benchmarks: ${missing}`);
    return;
  }
  await benchScanToVerdict(record);
  await benchScannerBursts(record);
  await benchQueue(record);
}
