/**
 * Reads receipt printer bytes the way the printer would, in either dialect node-thermal-printer
 * speaks: Epson ESC/POS (raster: GS v 0 m xL xH yL yH d…, rows of bytes, bit 1 = black) or Star
 * Line Mode (raster: ESC k n1 n2 d…, 24 rows of n1 + 256·n2 bytes each, from the Star Line Mode
 * command specification). Text is collected as it would print; pictures are stacked top to bottom
 * so zbarimg can read what they show. Any byte it does not know is an error: a stray byte in the
 * job shows up here.
 */
import { createBitmap, drawBitmap, type Bitmap } from '../../../printer/label/bitmap.js';

export interface ReceiptRead {
  commands: string[];
  /** Printed text lines. */
  lines: string[];
  /** Every picture, in order, stacked into one. */
  pictures: Bitmap;
}

const ESC = 0x1b;
const GS = 0x1d;

/** Commands with fixed lengths (after ESC or GS), per dialect: bytes including the prefix. */
const EPSON: Record<string, [string, number]> = {
  '1b40': ['ESC @', 2],
  '1b61': ['ESC a', 3],
  '1b45': ['ESC E', 3],
  '1b21': ['ESC !', 3],
  '1b64': ['ESC d', 3],
  '1b32': ['ESC 2', 2],
  '1b2d': ['ESC -', 3],
  '1b4d': ['ESC M', 3],
  '1b74': ['ESC t', 3],
  '1d56': ['GS V', 3],
  '1d21': ['GS !', 3],
  '1d42': ['GS B', 3],
};
const STAR: Record<string, [string, number]> = {
  '1b40': ['ESC @', 2],
  '1b1d': ['ESC GS a', 4],
  '1b45': ['ESC E', 2],
  '1b46': ['ESC F', 2],
  '1b69': ['ESC i', 4],
  '1b64': ['ESC d', 3],
  '1b30': ['ESC 0', 2],
  '1b7a': ['ESC z', 3],
  '1b2d': ['ESC -', 3],
};

export function readReceipt(bytes: Uint8Array, dialect: 'epson' | 'star'): ReceiptRead {
  const table = dialect === 'star' ? STAR : EPSON;
  const commands: string[] = [];
  const lines: string[] = [];
  const pictures: Bitmap[] = [];
  let line = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      lines.push(line);
      line = '';
      i++;
    } else if (b >= 0x20 && b <= 0x7e) {
      line += String.fromCharCode(b);
      i++;
    } else if (b === 0x0b && dialect === 'star') {
      commands.push('VT');
      i++;
    } else if (dialect === 'epson' && b === GS && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
      const rowBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
      const rows = bytes[i + 6]! + bytes[i + 7]! * 256;
      pictures.push(rowsToBitmap(bytes.subarray(i + 8, i + 8 + rowBytes * rows), rowBytes, rows));
      commands.push(`GS v 0 ${rowBytes * 8}x${rows}`);
      i += 8 + rowBytes * rows;
    } else if (dialect === 'star' && b === ESC && bytes[i + 1] === 0x6b) {
      const rowBytes = bytes[i + 2]! + bytes[i + 3]! * 256;
      pictures.push(rowsToBitmap(bytes.subarray(i + 4, i + 4 + rowBytes * 24), rowBytes, 24));
      commands.push(`ESC k ${rowBytes * 8}x24`);
      i += 4 + rowBytes * 24;
      if (bytes[i] === 0x0a) i++; // the line feed that ends a band prints nothing more
    } else if (b === ESC || b === GS) {
      const key = Buffer.from(bytes.subarray(i, i + 2)).toString('hex');
      const known = table[key];
      if (!known) throw new Error(`unknown ${dialect} command ${key} at ${i}`);
      commands.push(known[1] > 2 ? `${known[0]} ${bytes[i + known[1] - 1]}` : known[0]);
      i += known[1];
    } else {
      throw new Error(`unexpected byte 0x${b.toString(16)} at ${i}`);
    }
  }
  if (line) lines.push(line);
  return { commands, lines, pictures: stack(pictures) };
}

function rowsToBitmap(data: Uint8Array, rowBytes: number, rows: number): Bitmap {
  const out = createBitmap(rowBytes * 8, rows);
  out.data.set(data.subarray(0, rowBytes * rows));
  return out;
}

function stack(pictures: readonly Bitmap[]): Bitmap {
  const out = createBitmap(
    Math.max(0, ...pictures.map((p) => p.width)),
    pictures.reduce((n, p) => n + p.height, 0),
  );
  let y = 0;
  for (const p of pictures) {
    drawBitmap(out, p, 0, y);
    y += p.height;
  }
  return out;
}
