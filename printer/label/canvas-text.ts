/**
 * A run of text drawn by the canvas (Skia, with its shaping and composite glyphs) and turned into
 * 1-bit. Why a hard threshold at half grey: a thermal head has no grey, and anti-aliased edges
 * printed as scattered dots make small CJK strokes look furry; at the sizes labels use (an em of
 * 16 dots or more at 203 dpi) the strokes of a Chinese character stay at least a dot wide.
 */
import type { Canvas } from '@napi-rs/canvas';
import { canvasModule } from './canvas.js';
import { createBitmap, type Bitmap } from './bitmap.js';
import type { CanvasFontStack } from './system-fonts.js';

/** Grey below this (of 255) is ink. */
const INK_BELOW = 128;

export interface CanvasRun {
  bitmap: Bitmap;
  /** How far the pen moves, in dots. */
  advance: number;
}

export interface RunMetrics {
  /** Font size (em) in dots. */
  sizePx: number;
  lineDots: number;
  /** Baseline, in dots below the line's top. */
  baseline: number;
}

function cssFont(stack: CanvasFontStack, sizePx: number): string {
  return `${sizePx}px ${stack.families.map((family) => `"${family}"`).join(', ')}`;
}

let measuring: Canvas | undefined;
const advances = new Map<string, number>();

export function measureCanvasRun(stack: CanvasFontStack, text: string, sizePx: number): number {
  const key = `${stack.key}:${sizePx}:${text}`;
  const known = advances.get(key);
  if (known !== undefined) return known;
  const canvas = canvasModule();
  if (!canvas) return 0;
  measuring ??= canvas.createCanvas(1, 1);
  const ctx = measuring.getContext('2d');
  ctx.font = cssFont(stack, sizePx);
  const advance = Math.ceil(ctx.measureText(text).width);
  if (advances.size > 4000) advances.clear();
  advances.set(key, advance);
  return advance;
}

const drawn = new Map<string, CanvasRun>();

/** The run on a bitmap one line tall, its top-left at the pen position and the line's top. */
export function drawCanvasRun(stack: CanvasFontStack, text: string, metrics: RunMetrics): CanvasRun {
  const key = `${stack.key}:${metrics.sizePx}:${metrics.lineDots}:${metrics.baseline}:${text}`;
  const known = drawn.get(key);
  if (known) return known;
  const run = renderRun(stack, text, metrics);
  if (drawn.size > 500) drawn.clear();
  drawn.set(key, run);
  return run;
}

function renderRun(stack: CanvasFontStack, text: string, metrics: RunMetrics): CanvasRun {
  const advance = measureCanvasRun(stack, text, metrics.sizePx);
  const canvas = canvasModule();
  // Glyphs may reach a little past their advance (italics, wide strokes): room for that, clipped after.
  const width = advance + Math.ceil(metrics.sizePx / 4);
  if (!canvas || width <= 0 || metrics.lineDots <= 0) return { bitmap: createBitmap(0, 0), advance };
  const surface = canvas.createCanvas(width, metrics.lineDots);
  const ctx = surface.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, metrics.lineDots);
  ctx.fillStyle = '#000';
  ctx.font = cssFont(stack, metrics.sizePx);
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, 0, metrics.baseline);
  return { bitmap: thresholdRgba(ctx.getImageData(0, 0, width, metrics.lineDots).data, width, metrics.lineDots), advance };
}

/** Black text on white: the red channel is the grey level. */
function thresholdRgba(rgba: Uint8ClampedArray, width: number, height: number): Bitmap {
  const out = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((rgba[(y * width + x) * 4] ?? 255) < INK_BELOW) out.data[y * out.rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}
