/**
 * A 1-bit bitmap in printer dots, laid out the way printers take it: rows padded to whole bytes,
 * most significant bit leftmost, bit 1 = black (burnt). ZPL ^GF and ESC/POS GS v 0 use exactly
 * this layout; TSPL BITMAP wants it inverted.
 */

export interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** Bytes per row: ceil(width / 8). */
  readonly rowBytes: number;
  readonly data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const rowBytes = Math.ceil(w / 8);
  return { width: w, height: h, rowBytes, data: new Uint8Array(rowBytes * h) };
}

export function getPixel(bitmap: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
  return ((bitmap.data[y * bitmap.rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

export function setPixel(bitmap: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return;
  const i = y * bitmap.rowBytes + (x >> 3);
  bitmap.data[i] = (bitmap.data[i] ?? 0) | (0x80 >> (x & 7));
}

/** Blackens a rectangle, clipped to the bitmap. Works a byte at a time: labels are mostly fills. */
export function fillRect(bitmap: Bitmap, x: number, y: number, width: number, height: number): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(bitmap.width, Math.round(x + width));
  const y1 = Math.min(bitmap.height, Math.round(y + height));
  if (x0 >= x1 || y0 >= y1) return;
  const firstByte = x0 >> 3;
  const lastByte = (x1 - 1) >> 3;
  const firstMask = 0xff >> (x0 & 7);
  const lastMask = (0xff << (7 - ((x1 - 1) & 7))) & 0xff;
  for (let row = y0; row < y1; row++) {
    const base = row * bitmap.rowBytes;
    if (firstByte === lastByte) {
      orByte(bitmap.data, base + firstByte, firstMask & lastMask);
      continue;
    }
    orByte(bitmap.data, base + firstByte, firstMask);
    bitmap.data.fill(0xff, base + firstByte + 1, base + lastByte);
    orByte(bitmap.data, base + lastByte, lastMask);
  }
}

function orByte(data: Uint8Array, index: number, mask: number): void {
  data[index] = (data[index] ?? 0) | mask;
}

/** Draws a rectangle outline whose border grows inwards, like ZPL ^GB; thick enough, it is filled. */
export function strokeRect(bitmap: Bitmap, x: number, y: number, width: number, height: number, thickness: number): void {
  const t = Math.max(1, Math.round(thickness));
  if (t * 2 >= Math.min(width, height)) {
    fillRect(bitmap, x, y, width, height);
    return;
  }
  fillRect(bitmap, x, y, width, t);
  fillRect(bitmap, x, y + height - t, width, t);
  fillRect(bitmap, x, y, t, height);
  fillRect(bitmap, x + width - t, y, t, height);
}

/** ORs `src` onto `dst` at (x, y): black wins, as on a thermal head. Clipped to `dst`. */
export function drawBitmap(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  const dx = Math.round(x);
  const dy = Math.round(y);
  for (let row = 0; row < src.height; row++) {
    const ty = dy + row;
    if (ty < 0 || ty >= dst.height) continue;
    for (let b = 0; b < src.rowBytes; b++) {
      const byte = src.data[row * src.rowBytes + b] ?? 0;
      if (byte !== 0) orByteAt(dst, ty, dx + b * 8, byte);
    }
  }
}

/** ORs one byte of pixels whose leftmost pixel lands at dst column `left` (any alignment). */
function orByteAt(dst: Bitmap, row: number, left: number, byte: number): void {
  const masked = byte & clipMask(dst.width, left);
  if (masked === 0) return;
  const col = Math.floor(left / 8);
  const shift = left - col * 8;
  const base = row * dst.rowBytes;
  if (col >= 0) orByte(dst.data, base + col, masked >> shift);
  const spill = (masked << (8 - shift)) & 0xff;
  if (shift > 0 && spill !== 0 && col + 1 < dst.rowBytes) orByte(dst.data, base + col + 1, spill);
}

/** Which of 8 pixels starting at column `left` fall inside 0 ≤ x < width. */
function clipMask(width: number, left: number): number {
  let mask = 0xff;
  if (left < 0) mask &= 0xff >> Math.min(8, -left);
  const over = left + 8 - width;
  if (over > 0) mask &= (0xff << Math.min(8, over)) & 0xff;
  return mask;
}

/** The label turned upside down, for printers whose profile says rotation 180. */
export function rotate180(bitmap: Bitmap): Bitmap {
  const out = createBitmap(bitmap.width, bitmap.height);
  const reversed = new Uint8Array(bitmap.rowBytes + 1);
  const pad = bitmap.rowBytes * 8 - bitmap.width;
  for (let y = 0; y < bitmap.height; y++) {
    const src = y * bitmap.rowBytes;
    for (let b = 0; b < bitmap.rowBytes; b++) reversed[b] = REVERSED_BITS[bitmap.data[src + bitmap.rowBytes - 1 - b] ?? 0]!;
    // Reversed, the row's padding comes first: shift the row left by the padding width.
    const dst = (bitmap.height - 1 - y) * out.rowBytes;
    for (let b = 0; b < out.rowBytes; b++) {
      out.data[dst + b] = ((reversed[b]! << pad) | (reversed[b + 1]! >> (8 - pad))) & 0xff;
    }
  }
  return out;
}

const REVERSED_BITS = Uint8Array.from({ length: 256 }, (_, n) => {
  let r = 0;
  for (let bit = 0; bit < 8; bit++) if (n & (1 << bit)) r |= 0x80 >> bit;
  return r;
});

/** A copy with every bit flipped and the row padding kept white (TSPL: bit 1 = white). */
export function invertBits(bitmap: Bitmap): Uint8Array {
  const out = new Uint8Array(bitmap.data.length);
  const padBits = bitmap.rowBytes * 8 - bitmap.width;
  const padMask = padBits > 0 ? 0xff >> (8 - padBits) : 0;
  for (let i = 0; i < out.length; i++) out[i] = ~(bitmap.data[i] ?? 0) & 0xff;
  if (padMask) for (let y = 0; y < bitmap.height; y++) orByte(out, y * bitmap.rowBytes + bitmap.rowBytes - 1, padMask);
  return out;
}

export interface PlacedBitmap {
  x: number;
  y: number;
  bitmap: Bitmap;
}

/**
 * Cuts a bitmap down to the box around its black pixels. Why: a printer bitmap overwrites (TSPL)
 * or at least costs bytes (all) over its whole box, so an empty margin is pure loss. Works on
 * bytes, since a whole platform label goes through here.
 */
export function trimToInk(bitmap: Bitmap): PlacedBitmap | undefined {
  let top = -1;
  let bottom = -1;
  let firstByte = bitmap.rowBytes;
  let lastByte = -1;
  for (let y = 0; y < bitmap.height; y++) {
    const base = y * bitmap.rowBytes;
    for (let b = 0; b < bitmap.rowBytes; b++) {
      if (bitmap.data[base + b] === 0) continue;
      if (top < 0) top = y;
      bottom = y;
      firstByte = Math.min(firstByte, b);
      lastByte = Math.max(lastByte, b);
    }
  }
  if (top < 0) return undefined;
  let leftBits = 0;
  let rightBits = 0;
  for (let y = top; y <= bottom; y++) {
    leftBits |= bitmap.data[y * bitmap.rowBytes + firstByte] ?? 0;
    rightBits |= bitmap.data[y * bitmap.rowBytes + lastByte] ?? 0;
  }
  const left = firstByte * 8 + (Math.clz32(leftBits) - 24);
  const right = lastByte * 8 + 7 - trailingZeros(rightBits);
  return { x: left, y: top, bitmap: cropBitmap(bitmap, left, top, right - left + 1, bottom - top + 1) };
}

function trailingZeros(byte: number): number {
  let n = 0;
  while (n < 8 && (byte & (1 << n)) === 0) n++;
  return n;
}

/** The region (x, y, width, height) as a new bitmap; outside the source is white. */
export function cropBitmap(bitmap: Bitmap, x: number, y: number, width: number, height: number): Bitmap {
  const out = createBitmap(width, height);
  const inside = x >= 0 && y >= 0 && x + width <= bitmap.width && y + height <= bitmap.height;
  for (let row = 0; row < out.height; row++) {
    if (inside) copyRowBits(bitmap, y + row, x, out, row);
    else for (let col = 0; col < out.width; col++) if (getPixel(bitmap, x + col, y + row)) setPixel(out, col, row);
  }
  return out;
}

/** Copies out.width pixels of a source row starting at column x into a row of `out`, a byte at a time. */
function copyRowBits(src: Bitmap, srcRow: number, x: number, out: Bitmap, outRow: number): void {
  const shift = x & 7;
  const srcBase = srcRow * src.rowBytes + (x >> 3);
  const outBase = outRow * out.rowBytes;
  for (let b = 0; b < out.rowBytes; b++) {
    const high = src.data[srcBase + b] ?? 0;
    const low = shift === 0 ? 0 : (src.data[srcBase + b + 1] ?? 0) >> (8 - shift);
    out.data[outBase + b] = ((high << shift) | low) & 0xff;
  }
  const padBits = out.rowBytes * 8 - out.width;
  if (padBits > 0) out.data[outBase + out.rowBytes - 1]! &= (0xff << padBits) & 0xff;
}

/** Counts black pixels; tests and previews use it to tell an empty label from a blacked-out one. */
export function countInk(bitmap: Bitmap): number {
  let n = 0;
  for (const byte of bitmap.data) {
    let b = byte;
    while (b) {
      n += b & 1;
      b >>= 1;
    }
  }
  return n;
}
