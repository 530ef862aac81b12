/**
 * PNG of a label bitmap for previews and label oracles: a 1-bit greyscale PNG on a white
 * background (barcode readers such as zbarimg need white paper, not transparency).
 * Written by hand because it is forty lines and the printer module ships without image packages.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap.js';
import { concatBytes } from '../bytes.js';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function bitmapToPng(bitmap: Bitmap): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, bitmap.width);
  view.setUint32(4, bitmap.height);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return concatBytes([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines(bitmap))), chunk('IEND', new Uint8Array(0))]);
}

/** PNG greyscale says 1 = white, the printer says 1 = black: every row is inverted. */
function scanlines(bitmap: Bitmap): Uint8Array {
  const stride = bitmap.rowBytes + 1;
  const out = new Uint8Array(stride * bitmap.height);
  for (let y = 0; y < bitmap.height; y++) {
    out[y * stride] = 0; // filter: none
    for (let b = 0; b < bitmap.rowBytes; b++) {
      out[y * stride + 1 + b] = ~(bitmap.data[y * bitmap.rowBytes + b] ?? 0) & 0xff;
    }
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
