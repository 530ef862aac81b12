/**
 * Printer speed and size goals (issue 3), measured on this machine: a native ZPL label, an A6 PDF
 * label turned into 203 dpi Z64 ZPL, and the same label as a PNG compared with the `zpl-image`
 * package in one run. test/bench/run.ts calls `printerBenchmarks` with its `record`.
 */
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { shippingLabel } from '../../printer/documents/shipping-label.js';
import { encodeZpl } from '../../printer/encoders/zpl.js';
import type { Bitmap } from '../../printer/label/bitmap.js';
import type { Label, PrinterProfile } from '../../printer/label/model.js';
import { labelFonts } from '../../printer/label/text.js';
import { platformLabelBitmap } from '../../printer/platform/platform-label.js';
import { shippingData } from '../printer/fixtures/documents.js';
import { carrierPdf, carrierPng } from '../printer/fixtures/platform-labels.js';
import { isMain, runAlone } from './alone.js';
import { ms, percentile, timed } from './stats.js';

export type BenchRecord = (name: string, goal: string, value: number, limit: number, figure: string) => void;

interface ZplImage {
  rgbaToZ64(rgba: Uint8Array, width: number, opts?: { black?: number }): { length: number; rowlen: number; z64: string };
}

const ZPL_203: PrinterProfile = { language: 'zpl', dpi: 203 };

async function samples(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn)).ms);
  return out;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function fullPage(bitmap: Bitmap): Label {
  return { elements: [{ kind: 'image', x: 0, y: 0, bitmap }] };
}

/** Layout and encoding of Packdesk's own label, ASCII text: all native ZPL fields. */
async function benchNativeZpl(record: BenchRecord): Promise<void> {
  const fonts = labelFonts();
  const data = shippingData();
  // A new tracking number every label, as at the bench: nothing may come from a cache.
  let n = 0;
  const next = () => ({ ...data, trackingNumber: `TT${String(726871798000 + n++)}GB`, orderId: String(576410001127000000n + BigInt(n)) });
  const runs = await samples(2000, 200, () => encodeZpl(shippingLabel(next()), ZPL_203, { fonts }));
  const bytes = encodeZpl(shippingLabel(data), ZPL_203, { fonts }).length;
  const p50 = percentile(runs, 50);
  record('native ZPL shipping label (layout + encode)', 'p50 ≤ 1 ms', p50, 1, `p50 ${ms(p50)} ms, p95 ${ms(percentile(runs, 95))} ms, ${bytes} bytes`);
}

/** The platform's A6 PDF to the bytes a 203 dpi printer gets: render, threshold, Z64. */
async function benchPdfLabel(record: BenchRecord): Promise<void> {
  const pdf = await carrierPdf();
  const toZpl = async (): Promise<Uint8Array> => encodeZpl(fullPage(await platformLabelBitmap(pdf, ZPL_203)), ZPL_203, { graphicEncoding: 'z64' });
  const cold = await timed(toZpl);
  const runs = await samples(40, 3, toZpl);
  const p50 = percentile(runs, 50);
  record(
    'A6 PDF label → 203 dpi Z64 ZPL',
    'p50 ≤ 150 ms',
    p50,
    150,
    `p50 ${ms(p50)} ms, p95 ${ms(percentile(runs, 95))} ms (first call, starting the label worker and loading pdfjs in it: ${ms(cold.ms)} ms)`,
  );
  const bytes = cold.value.length;
  record('A6 PDF label as 203 dpi Z64 ZPL, size', '≤ 20 KB', bytes, 20_000, `${bytes} bytes (${kb(bytes)}); raw 1-bit page 120,000 bytes`);
}

/**
 * The same label as a PNG already at 203 dpi (800 px wide), so both tools send the same dots.
 * zpl-image decodes nothing itself: it gets the RGBA from pngjs, as its README shows.
 */
async function benchPngAgainstZplImage(record: BenchRecord): Promise<void> {
  const png = await carrierPng(undefined, false, 800 / 105);
  const zplImage = createRequire(import.meta.url)('zpl-image') as ZplImage;
  // The path a label takes: the smaller of ZPL's run-length hex and Z64 for this label.
  const ours = async (): Promise<Uint8Array> => encodeZpl(fullPage(await platformLabelBitmap(png, ZPL_203)), ZPL_203);
  const theirs = (): string => {
    const image = PNG.sync.read(Buffer.from(png));
    const res = zplImage.rgbaToZ64(image.data, image.width, { black: 50 });
    return `^XA^FO0,0^GFA,${res.length},${res.length},${res.rowlen},${res.z64}^FS^XZ`;
  };
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  await samples(0, 3, async () => [await ours(), theirs()]);
  // Interleaved, so both see the same machine state.
  for (let i = 0; i < 30; i++) {
    oursMs.push((await timed(ours)).ms);
    theirsMs.push((await timed(theirs)).ms);
  }
  const [a, b] = [percentile(oursMs, 50), percentile(theirsMs, 50)];
  const [oursBytes, theirsBytes] = [(await ours()).length, theirs().length];
  const figure = `Packdesk p50 ${ms(a)} ms, ${oursBytes} bytes; zpl-image p50 ${ms(b)} ms, ${theirsBytes} bytes; time ×${(a / b).toFixed(2)}, bytes ×${(oursBytes / theirsBytes).toFixed(2)}`;
  console.log(`     (PNG → ZPL, ours / zpl-image: time ${(a / b).toFixed(2)}, bytes ${(oursBytes / theirsBytes).toFixed(2)})`);
  record('PNG label → 203 dpi ZPL vs zpl-image', 'beat zpl-image on time and bytes', Math.max(a / b, oursBytes / theirsBytes), 1, figure);
  record(
    'PNG label → 203 dpi ZPL, bytes against zpl-image',
    '≤ 0.8×',
    oursBytes / theirsBytes,
    0.8,
    `×${(oursBytes / theirsBytes).toFixed(3)} (${oursBytes} vs ${theirsBytes} bytes; ${encodingOf(await ours())})`,
  );
}

function encodingOf(zpl: Uint8Array): string {
  return Buffer.from(zpl).includes(':Z64:') ? 'Z64 chosen over run-length hex' : 'run-length hex chosen over Z64';
}

export async function printerBenchmarks(record: BenchRecord): Promise<void> {
  await benchNativeZpl(record);
  await benchPdfLabel(record);
  await benchPngAgainstZplImage(record);
}

if (isMain(import.meta.url)) await runAlone(printerBenchmarks);
