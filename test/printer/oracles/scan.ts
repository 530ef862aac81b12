/**
 * One call from printer bytes to what a scanner reads: ZPL through zebrash (zpl-renderer-js),
 * TSPL through the TSPL stand-in, ESC/POS through the raster reader, then zbarimg.
 */
import { cropBitmap, type Bitmap } from '../../../printer/label/bitmap.js';
import { dotsPerMm, type Dpi, type StockSize } from '../../../printer/label/model.js';
import { parseEscpos } from './escpos-raster.js';
import { bitmapToPngFile, pngToBitmap, writeOutput } from './images.js';
import { renderTspl } from './tspl-render.js';
import { decodedValues } from './zbar.js';
import { renderZplLabels } from './zpl-render.js';

export interface Scan {
  code128: string[];
  qr: string[];
  /** What was printed, as read back (for ink checks). */
  page: Bitmap;
}

async function scanPng(path: string, page: Bitmap): Promise<Scan> {
  return { code128: await decodedValues(path, 'CODE-128'), qr: await decodedValues(path, 'QR-Code'), page };
}

/** Renders ZPL; `labels` counts the labels the data really holds (an injected ^XZ^XA would make two). */
export async function scanZpl(zpl: string, stock: StockSize, dpi: Dpi, name: string): Promise<Scan & { labels: number }> {
  const labels = await renderZplLabels(zpl, stock.widthMm, stock.heightMm, dpi);
  const first = labels[0];
  if (!first) throw new Error('zebrash rendered no label');
  return { ...(await scanPng(writeOutput(`${name}.png`, first), pngToBitmap(first))), labels: labels.length };
}

export async function scanTspl(bytes: Uint8Array, dpi: Dpi, name: string): Promise<Scan> {
  const job = renderTspl(bytes, dotsPerMm(dpi));
  return scanPng(bitmapToPngFile(job.bitmap, `${name}.png`), job.bitmap);
}

export async function scanEscpos(bytes: Uint8Array, page: { width: number; height: number }, name: string): Promise<Scan> {
  const job = parseEscpos(bytes);
  const bitmap = cropBitmap(job.bitmap, 0, 0, page.width, page.height);
  return scanPng(bitmapToPngFile(bitmap, `${name}.png`), bitmap);
}
