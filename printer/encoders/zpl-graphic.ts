/**
 * ZPL graphic fields (^GFA): a 1-bit bitmap as text, in whichever of the two compact encodings is
 * smaller for it. Z64 (zlib, base64, CRC) wins on big images such as a whole platform label;
 * Zebra's ASCII run-length compression wins on small, blocky ones such as a line of CJK text.
 */
import { deflateSync } from 'node:zlib';
import { trimToInk, type Bitmap } from '../label/bitmap.js';

export type GraphicEncoding = 'smallest' | 'z64' | 'ascii';

/** `^GFA,b,c,d,data` where b = c = uncompressed byte count and d = bytes per row. */
export function graphicField(bitmap: Bitmap, encoding: GraphicEncoding = 'smallest'): string {
  const total = bitmap.rowBytes * bitmap.height;
  return `^GFA,${total},${total},${bitmap.rowBytes},${graphicData(bitmap, encoding)}`;
}

/**
 * The graphic's data in the encoding asked for; 'smallest' tries both for this graphic and keeps
 * the shorter. Z64 first: the run-length encoding stops as soon as it is longer, which on a
 * whole-page label is a third of the way down.
 */
export function graphicData(bitmap: Bitmap, encoding: GraphicEncoding = 'smallest'): string {
  if (encoding === 'z64') return z64(bitmap.data);
  if (encoding === 'ascii') return asciiCompressed(bitmap);
  const zipped = z64(bitmap.data);
  return asciiCompressed(bitmap, zipped.length) ?? zipped;
}

/**
 * `:Z64:` + base64(zlib(data)) + `:` + CRC. Zebra's guide says only "a CRC calculated over the
 * encoded data"; printers and the tools that interoperate with them (zebrafy, Labelary) use
 * CRC-16/XMODEM over the base64 text, written as four uppercase hex digits.
 */
export function z64(data: Uint8Array): string {
  const base64 = Buffer.from(deflateSync(data, { level: 9 })).toString('base64');
  return `:Z64:${base64}:${crc16Xmodem(new TextEncoder().encode(base64)).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, no final XOR. */
export function crc16Xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/**
 * Zebra's ASCII compression, one dot row at a time: a row equal to the one before is ':'; a row
 * ending in white ends with ','; runs of one hex digit get a repeat count (G–Y = 1–19, g–z =
 * 20–400). The '!' shorthand is never used: Zebra's guide says it fills the row "with ones (1)",
 * which zebrash reads as hex '1' (0001) and black dots would be hex 'F'; rows that run black to
 * the label's edge are rare enough that it would save next to nothing.
 */
export function asciiCompressed(bitmap: Bitmap): string;
/** Undefined as soon as the encoding would be `limit` characters or longer. */
export function asciiCompressed(bitmap: Bitmap, limit: number): string | undefined;
export function asciiCompressed(bitmap: Bitmap, limit = Number.POSITIVE_INFINITY): string | undefined {
  const rows: string[] = [];
  let length = 0;
  let previous: string | undefined;
  for (let y = 0; y < bitmap.height; y++) {
    const hex = rowHex(bitmap, y);
    const row = hex === previous ? ':' : compressRow(hex);
    length += row.length;
    if (length >= limit) return undefined;
    rows.push(row);
    previous = hex;
  }
  return rows.join('');
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

function rowHex(bitmap: Bitmap, y: number): string {
  let hex = '';
  const start = y * bitmap.rowBytes;
  for (let b = 0; b < bitmap.rowBytes; b++) hex += HEX_PAIRS[bitmap.data[start + b] ?? 0];
  return hex;
}

function compressRow(hex: string): string {
  // ',' fills whole bytes: Zebra's guide asks for "one zero and a single comma" after an odd number of digits.
  const trimmed = hex.replace(/0+$/, '');
  const inked = trimmed.length % 2 === 1 ? `${trimmed}0` : trimmed;
  let out = '';
  let i = 0;
  while (i < inked.length) {
    const digit = inked[i]!;
    let run = 1;
    while (inked[i + run] === digit) run++;
    out += (run > 1 ? repeatCount(run) : '') + digit;
    i += run;
  }
  return inked.length < hex.length ? `${out},` : out;
}

/** Repeat count letters: 'g'..'z' add 20..400, 'G'..'Y' add 1..19; several letters add up. */
export function repeatCount(count: number): string {
  let rest = count;
  let out = '';
  while (rest >= 420) {
    out += 'z';
    rest -= 400;
  }
  if (rest >= 20) out += String.fromCharCode('g'.charCodeAt(0) + Math.floor(rest / 20) - 1);
  if (rest % 20 > 0) out += String.fromCharCode('G'.charCodeAt(0) + (rest % 20) - 1);
  return out;
}

/** A picture's graphic field, made ahead: where its ink starts, and the ^GFA command for that ink. */
export interface PreparedGraphic {
  x: number;
  y: number;
  field: string;
}

/** The 'smallest' graphic field of a picture's ink, for the label worker to make off the main thread. */
export function prepareGraphic(bitmap: Bitmap): PreparedGraphic | null {
  const ink = trimToInk(bitmap);
  return ink ? { x: ink.x, y: ink.y, field: graphicField(ink.bitmap, 'smallest') } : null;
}

const prepared = new WeakMap<Bitmap, PreparedGraphic | null>();

/**
 * Remembers a picture's prepared field until the picture is gone: a platform label's field is
 * then reused by the encoder instead of compressed again on the thread that asked for it.
 */
export function rememberGraphic(bitmap: Bitmap, graphic: PreparedGraphic | null): void {
  prepared.set(bitmap, graphic);
}

export function rememberedGraphic(bitmap: Bitmap): PreparedGraphic | null | undefined {
  return prepared.get(bitmap);
}
