/**
 * Reads ESC/POS bytes the way a printer would: ESC @, then GS v 0 raster bands stacked top to
 * bottom, then feed and cut. Anything else is an error, so a stray byte in the encoder shows up.
 */
import { createBitmap, type Bitmap } from '../../../printer/label/bitmap.js';

export interface EscposJob {
  bitmap: Bitmap;
  bands: number;
  /** Commands after the raster, e.g. 'ESC d 3', 'GS V 0'. */
  trailer: string[];
}

export function parseEscpos(bytes: Uint8Array): EscposJob {
  if (bytes[0] !== 0x1b || bytes[1] !== 0x40) throw new Error('ESC/POS job must start with ESC @');
  const bands: { rowBytes: number; rows: number; data: Uint8Array }[] = [];
  const trailer: string[] = [];
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
      if (bytes[i + 3] !== 0) throw new Error(`GS v 0 mode ${bytes[i + 3]} is not normal size`);
      const rowBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
      const rows = bytes[i + 6]! + bytes[i + 7]! * 256;
      const start = i + 8;
      if (start + rowBytes * rows > bytes.length) throw new Error('GS v 0 band runs past the end');
      bands.push({ rowBytes, rows, data: bytes.subarray(start, start + rowBytes * rows) });
      i = start + rowBytes * rows;
    } else if (bytes[i] === 0x1b && bytes[i + 1] === 0x64) {
      trailer.push(`ESC d ${bytes[i + 2]}`);
      i += 3;
    } else if (bytes[i] === 0x1d && bytes[i + 1] === 0x56) {
      trailer.push(`GS V ${bytes[i + 2]}`);
      i += 3;
    } else {
      throw new Error(`Unexpected byte 0x${bytes[i]!.toString(16)} at ${i}`);
    }
  }
  return { bitmap: stack(bands), bands: bands.length, trailer };
}

function stack(bands: readonly { rowBytes: number; rows: number; data: Uint8Array }[]): Bitmap {
  const rowBytes = bands[0]?.rowBytes ?? 0;
  if (bands.some((b) => b.rowBytes !== rowBytes)) throw new Error('bands differ in width');
  const out = createBitmap(
    rowBytes * 8,
    bands.reduce((n, b) => n + b.rows, 0),
  );
  let at = 0;
  for (const band of bands) {
    out.data.set(band.data, at);
    at += band.data.length;
  }
  return out;
}
