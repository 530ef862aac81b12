/**
 * The platform's own shipping label — TikTok Shop returns an A6 PDF (105×148 mm) or, for
 * SHIPPING_LABEL_PICTURE, a PNG — turned into one 1-bit bitmap exactly the size of the printer's
 * stock (100×150 mm by default) at its dpi: scaled with its aspect ratio kept, turned when that
 * fits better, centred, and thresholded so barcodes stay crisp. It prints as a full-page image.
 * The drawing happens in the label worker (label-worker.ts), off the app's main thread.
 */
import type { Bitmap } from '../label/bitmap.js';
import { DEFAULT_STOCK, mmToDots, type Label, type PrinterProfile } from '../label/model.js';
import { printerFail } from '../errors.js';
import { renderInWorker } from './label-worker-client.js';
import type { Halftone } from './one-bit.js';
import type { LabelFileKind } from './render-label.js';

export { warmPlatformLabels } from './label-worker-client.js';
export type { LabelFileKind } from './render-label.js';

export interface PlatformLabelOptions {
  /**
   * Dither instead of threshold, for photos only: dithering scatters dots across barcode bars.
   * `true` means Floyd–Steinberg.
   */
  photo?: boolean | 'ordered' | 'floyd-steinberg';
  /** Grey level (0–255) below which a dot is black; default 128. */
  threshold?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PDF or PNG by their magic bytes; anything else is not a label we can print. */
export function labelFileKind(file: Uint8Array): LabelFileKind {
  if (PNG_SIGNATURE.every((byte, i) => file[i] === byte)) return 'png';
  // The PDF header may follow a little junk (some servers prepend a BOM or whitespace).
  if (indexOfAscii(file.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  return printerFail('LABEL_INVALID', 'The label file is neither a PDF nor a PNG.', { firstBytes: hexPrefix(file) });
}

export async function platformLabelBitmap(file: Uint8Array, profile: PrinterProfile, opts: PlatformLabelOptions = {}): Promise<Bitmap> {
  const stock = profile.stock ?? DEFAULT_STOCK;
  const kind = labelFileKind(file);
  checkComplete(file, kind);
  return renderInWorker({
    // A copy of its own goes to the worker: the caller's bytes may share memory with other buffers.
    file: new Uint8Array(file),
    kind,
    width: mmToDots(stock.widthMm, profile.dpi),
    height: mmToDots(stock.heightMm, profile.dpi),
    halftone: halftone(opts),
    ...(opts.threshold === undefined ? {} : { threshold: opts.threshold }),
  });
}

/** The platform label as a Label: one image covering the stock, ready for any encoder. */
export async function platformLabelImage(file: Uint8Array, profile: PrinterProfile, opts: PlatformLabelOptions = {}): Promise<Label> {
  const bitmap = await platformLabelBitmap(file, profile, opts);
  return { stock: profile.stock ?? DEFAULT_STOCK, elements: [{ kind: 'image', x: 0, y: 0, bitmap }] };
}

function halftone(opts: PlatformLabelOptions): Halftone {
  if (opts.photo === true) return 'floyd-steinberg';
  return opts.photo || 'threshold';
}

/**
 * A download cut short still starts like a label; a PDF ends with %%EOF and a PNG with its IEND
 * chunk. Why check: decoders recover what they can, and half a label must not print.
 */
function checkComplete(file: Uint8Array, kind: LabelFileKind): void {
  const tail = file.subarray(Math.max(0, file.length - 1024));
  const complete = kind === 'pdf' ? indexOfAscii(tail, '%%EOF') >= 0 : indexOfAscii(file.subarray(Math.max(0, file.length - 12)), 'IEND') >= 0;
  if (!complete) printerFail('LABEL_INVALID', `The label ${kind.toUpperCase()} is incomplete (the download may have been cut short).`, { bytes: file.length });
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, 0, 'latin1');
}

function hexPrefix(file: Uint8Array): string {
  return Buffer.from(file.subarray(0, 8)).toString('hex');
}
