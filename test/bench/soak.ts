/**
 * A day at the bench and more (issue 10): 10,000 shipping labels, each with a new Chinese
 * recipient name and street drawn from GB 2312's 3,755 everyday hanzi, laid out, encoded to ZPL and
 * sent one by one to a loopback TCP printer. The figure is how much the process's resident memory
 * grows after the first 2,000 labels (goal ≤ 50 MB); the JS heap is shown beside it, since the
 * growth once seen was native memory the heap never showed.
 *
 * Alone: `npx tsx test/bench/soak.ts`; also part of `npm run bench`.
 */
import { shippingLabel } from '../../printer/documents/shipping-label.js';
import { encodeZpl } from '../../printer/encoders/zpl.js';
import { canvasPixelReads } from '../../printer/label/canvas-text.js';
import { TcpTransport } from '../../printer/transports/tcp.js';
import { FakeTcpPrinter } from '../printer/fakes/tcp-printer.js';
import { chineseRecipient, gb2312Level1, seeded } from '../printer/fixtures/cjk-names.js';
import { shippingData } from '../printer/fixtures/documents.js';
import { isMain, runAlone } from './alone.js';
import type { BenchRecord } from './printer.js';
import { ms } from './stats.js';

const LABELS = 10_000;
const WARM_UP = 2_000;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export async function soakBenchmark(record: BenchRecord): Promise<void> {
  const printer = await FakeTcpPrinter.start();
  const transport = new TcpTransport('127.0.0.1', printer.port);
  const pool = gb2312Level1();
  const rng = seeded(2026);
  let sent = 0;
  const before = process.memoryUsage().rss;
  let warm = { rss: 0, heap: 0, reads: 0 };
  let peakAfterWarmUp = 0;
  const start = performance.now();
  try {
    for (let i = 0; i < LABELS; i++) {
      const data = shippingData({
        recipient: chineseRecipient(rng, pool),
        trackingNumber: `TT${800_000_000 + i}CN`,
        orderId: String(576_410_001_000_000_000n + BigInt(i)),
      });
      const bytes = encodeZpl(shippingLabel(data), { language: 'zpl', dpi: 203 });
      await transport.write(bytes);
      sent += bytes.length;
      const rss = process.memoryUsage().rss;
      if (i + 1 === WARM_UP) warm = { rss, heap: process.memoryUsage().heapUsed, reads: canvasPixelReads() };
      if (i + 1 > WARM_UP) peakAfterWarmUp = Math.max(peakAfterWarmUp, rss);
    }
    await printer.waitForBytes(sent, 60_000);
  } finally {
    await transport.close();
    await printer.stop();
  }
  const took = performance.now() - start;
  const end = process.memoryUsage();
  // The highest the process got after warm-up, not only where it ended: a collection late in the
  // run can hide growth that a packer's computer would have felt all afternoon.
  const growth = peakAfterWarmUp - warm.rss;
  record(
    `${LABELS.toLocaleString('en-US')} labels with new Chinese names to a loopback printer: resident memory growth after ${WARM_UP.toLocaleString('en-US')}`,
    '≤ 50 MB',
    growth / 1e6,
    50,
    `${mb(growth)} at most (RSS ${mb(before)} at start, ${mb(warm.rss)} after warm-up, ${mb(end.rss)} at the end; JS heap ${mb(warm.heap)} → ${mb(end.heapUsed)}; glyphs drawn ${warm.reads} → ${canvasPixelReads()}; ${ms(took / LABELS)} ms a label)`,
  );
}

if (isMain(import.meta.url)) await runAlone(soakBenchmark);
