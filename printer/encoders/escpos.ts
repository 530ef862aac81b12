/**
 * Label → ESC/POS bytes: the whole label as `GS v 0` raster, the one ESC/POS graphics command that
 * label-capable ESC/POS printers all accept. Sent in bands because many printers buffer only a few
 * tens of kilobytes per command; a 100×150 mm label at 203 dpi is 120 KB.
 */
import type { Bitmap } from '../label/bitmap.js';
import type { Label, PrinterProfile } from '../label/model.js';
import { rasterise } from '../label/rasterise.js';
import { labelFonts, type LabelFonts } from '../label/text.js';
import { concatBytes } from '../bytes.js';

const ESC = 0x1b;
const GS = 0x1d;
export const DEFAULT_BAND_ROWS = 255;

export interface EscposEncodeOptions {
  fonts?: LabelFonts;
}

export function encodeEscpos(label: Label, profile: PrinterProfile, options: EscposEncodeOptions = {}): Uint8Array {
  const raster = rasterise(label, profile, options.fonts ?? labelFonts());
  const settings = profile.escpos ?? {};
  const parts: Uint8Array[] = [Uint8Array.of(ESC, 0x40)]; // ESC @: reset, so no earlier mode leaks in
  for (const band of bands(raster, settings.bandRows ?? DEFAULT_BAND_ROWS)) parts.push(rasterCommand(band));
  const feed = Math.min(255, Math.max(0, Math.round(settings.feedLines ?? 0)));
  if (feed > 0) parts.push(Uint8Array.of(ESC, 0x64, feed)); // ESC d n: print and feed n lines
  if (settings.cut === 'full') parts.push(Uint8Array.of(GS, 0x56, 0x00));
  if (settings.cut === 'partial') parts.push(Uint8Array.of(GS, 0x56, 0x01));
  return concatBytes(parts);
}

/** GS v 0 m xL xH yL yH d…: m = 0 (normal size), x in bytes per row, y in rows, bit 1 = black. */
export function rasterCommand(band: Bitmap): Uint8Array {
  const header = Uint8Array.of(GS, 0x76, 0x30, 0x00, band.rowBytes & 0xff, (band.rowBytes >> 8) & 0xff, band.height & 0xff, (band.height >> 8) & 0xff);
  return concatBytes([header, band.data]);
}

/** Horizontal strips of at most `rows` rows; they print edge to edge with no gap. */
export function bands(bitmap: Bitmap, rows: number): Bitmap[] {
  const step = Math.max(1, Math.floor(rows));
  const out: Bitmap[] = [];
  for (let top = 0; top < bitmap.height; top += step) {
    const height = Math.min(step, bitmap.height - top);
    const data = bitmap.data.subarray(top * bitmap.rowBytes, (top + height) * bitmap.rowBytes);
    out.push({ width: bitmap.width, height, rowBytes: bitmap.rowBytes, data });
  }
  return out;
}
