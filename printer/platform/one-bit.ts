/**
 * A rendered label (RGBA on white) turned into printer dots. Plain threshold by default: a
 * barcode's bars must come out solid, each edge at one place, and dithering would scatter dots
 * across them. Dithering is only for photos (a product picture on a packing slip), asked for.
 */
import { createBitmap, type Bitmap } from '../label/bitmap.js';

export type Halftone = 'threshold' | 'ordered' | 'floyd-steinberg';

/** Grey below this (of 255) is ink: half grey, so a bar edge lands where the bar really ends. */
export const DEFAULT_THRESHOLD = 128;
/** Near-white and near-black are snapped before dithering: paper stays clean, bars stay solid. */
const PAPER = 240;
const SOLID = 16;

/** ITU-R BT.601 luma ×1000, in integers; alpha is composited over white paper. */
function luma1000(rgba: Uint8ClampedArray | Uint8Array, o: number): number {
  const luma = (rgba[o] ?? 255) * 299 + (rgba[o + 1] ?? 255) * 587 + (rgba[o + 2] ?? 255) * 114;
  const alpha = rgba[o + 3] ?? 255;
  return alpha === 255 ? luma : (luma * alpha + 255_000 * (255 - alpha)) / 255;
}

export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(luma1000(rgba, i * 4) / 1000);
  return grey;
}

/** The rendered label as printer dots; the plain threshold reads the pixels once, with no grey copy. */
export function rgbaToBitmap(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, halftone: Halftone, threshold = DEFAULT_THRESHOLD): Bitmap {
  if (halftone !== 'threshold') return greyToBitmap(rgbaToGrey(rgba, width, height), width, height, halftone);
  const out = createBitmap(width, height);
  const below = threshold * 1000;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (luma1000(rgba, (y * width + x) * 4) < below) ink(out, x, y);
  }
  return out;
}

export function greyToBitmap(grey: Uint8Array, width: number, height: number, halftone: Halftone, threshold = DEFAULT_THRESHOLD): Bitmap {
  if (halftone === 'ordered') return ordered(grey, width, height);
  if (halftone === 'floyd-steinberg') return floydSteinberg(grey, width, height);
  const out = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) if ((grey[row + x] ?? 255) < threshold) ink(out, x, y);
  }
  return out;
}

function ink(out: Bitmap, x: number, y: number): void {
  out.data[y * out.rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
}

function snap(value: number): number {
  if (value >= PAPER) return 255;
  if (value <= SOLID) return 0;
  return value;
}

/** 4×4 Bayer matrix: a regular pattern, cheap and stable from one print to the next. */
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

function ordered(grey: Uint8Array, width: number, height: number): Bitmap {
  const out = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = ((BAYER[(y & 3) * 4 + (x & 3)] ?? 0) + 0.5) * 16;
      if (snap(grey[y * width + x] ?? 255) < level) ink(out, x, y);
    }
  }
  return out;
}

/** Error diffusion, one row of carried error ahead; the finest tones a thermal head can show. */
function floydSteinberg(grey: Uint8Array, width: number, height: number): Bitmap {
  const out = createBitmap(width, height);
  let current = new Float32Array(width + 2);
  let next = new Float32Array(width + 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = snap(grey[y * width + x] ?? 255) + (current[x + 1] ?? 0);
      const black = value < 128;
      if (black) ink(out, x, y);
      const error = value - (black ? 0 : 255);
      current[x + 2]! += (error * 7) / 16;
      next[x]! += (error * 3) / 16;
      next[x + 1]! += (error * 5) / 16;
      next[x + 2]! += error / 16;
    }
    [current, next] = [next, current.fill(0)];
  }
  return out;
}
