import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';

/**
 * Draws Packdesk's icon (electron/assets/icon.png, 512×512): a parcel with a shipping label and
 * its barcode. electron-builder makes the .ico and .icns from it. Run once after changing it:
 *   npx tsx scripts/make-icon.ts
 */
export function drawIcon(size = 512): Buffer {
  const c = createCanvas(size, size);
  const g = c.getContext('2d');
  const s = size / 512;
  const rounded = (x: number, y: number, w: number, h: number, r: number) => {
    g.beginPath();
    g.roundRect(x * s, y * s, w * s, h * s, r * s);
  };
  // Tile.
  rounded(16, 16, 480, 480, 96);
  g.fillStyle = '#0f5f5a';
  g.fill();
  // Parcel.
  rounded(96, 120, 320, 280, 24);
  g.fillStyle = '#d9a25f';
  g.fill();
  g.fillStyle = '#c08a48';
  g.fillRect(232 * s, 120 * s, 48 * s, 280 * s);
  // Label.
  rounded(128, 212, 256, 156, 12);
  g.fillStyle = '#ffffff';
  g.fill();
  // Barcode: fixed bar widths so the picture is the same on every run.
  const bars = [3, 1, 2, 1, 1, 3, 2, 1, 1, 2, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 3, 2, 1, 2, 1, 1, 3, 1, 2, 1];
  let x = 152;
  g.fillStyle = '#111111';
  bars.forEach((w, i) => {
    if (i % 2 === 0) g.fillRect(x * s, 236 * s, w * 3 * s, 92 * s);
    x += w * 3 + 2;
  });
  g.fillRect(152 * s, 340 * s, 120 * s, 10 * s);
  return c.toBuffer('image/png');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = fileURLToPath(new URL('../electron/assets/icon.png', import.meta.url));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, drawIcon());
  console.log(`Wrote ${out}`);
}
