/**
 * Bitmaps to and from PNG with pngjs — an encoder nobody here wrote, so a PNG made here checks
 * the printer bytes, not our own PNG writer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createBitmap, setPixel, type Bitmap } from '../../../printer/label/bitmap.js';

export const OUTPUT_DIR = join(process.cwd(), 'test-output', 'printer');

/** White paper, black ink, with a quiet-zone margin so readers find codes that touch an edge. */
export function bitmapToPngFile(bitmap: Bitmap, name: string, margin = 16): string {
  const png = new PNG({ width: bitmap.width + 2 * margin, height: bitmap.height + 2 * margin, colorType: 0, inputColorType: 0 });
  png.data.fill(255);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if ((bitmap.data[y * bitmap.rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0) {
        const i = ((y + margin) * png.width + x + margin) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
  }
  return writeOutput(name, PNG.sync.write(png));
}

export function writeOutput(name: string, bytes: Uint8Array | string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  writeFileSync(path, bytes);
  return path;
}

/** A PNG (any colour type) read back as a 1-bit bitmap: dark pixels are ink. */
export function pngToBitmap(png: Uint8Array): Bitmap {
  const image = PNG.sync.read(Buffer.from(png));
  const out = createBitmap(image.width, image.height);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const alpha = image.data[i + 3]!;
      if (alpha > 127 && image.data[i]! < 128) setPixel(out, x, y);
    }
  }
  return out;
}
