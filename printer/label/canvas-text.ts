/**
 * Text the canvas draws (Skia, with its shaping and composite glyphs), turned into 1-bit. Why a
 * hard threshold at half grey: a thermal head has no grey, and anti-aliased edges printed as
 * scattered dots make small CJK strokes look furry; at the sizes labels use (an em of 16 dots or
 * more at 203 dpi) the strokes of a Chinese character stay at least a dot wide.
 *
 * Why glyph by glyph for CJK: every pixel read from the canvas (getImageData) is a fresh native
 * buffer that V8 neither counts nor frees until a full collection, and a day of labels with new
 * Chinese names drew a new run per label — hundreds of megabytes of native memory (issue 10).
 * Ideographs, kana and Hangul syllables need no shaping, so each is drawn once per size and kept
 * as a small 1-bit bitmap; a run is put together from those. Scripts that do shape (Thai, Arabic,
 * Devanagari…) are still drawn a run at a time, on one reused canvas, with a bounded cache.
 */
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { createBitmap, drawBitmap, type Bitmap } from './bitmap.js';
import { canvasModule } from './canvas.js';
import type { CanvasFontStack } from './system-fonts.js';

/** Grey below this (of 255) is ink. */
const INK_BELOW = 128;
/** Han, kana, bopomofo, Hangul syllables, CJK punctuation and full-width forms: one glyph per character, no shaping. */
const UNSHAPED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uac00-\ud7a3\uff01-\uffee]/u;
/** Glyphs kept: 3,500 common hanzi at three or four text sizes fit with room to spare (about 100 bytes each). */
const MAX_GLYPHS = 20_000;
const MAX_RUNS = 500;
/**
 * The language the canvas shapes and picks glyph variants for. Fixed, not the computer's, so a
 * label looks the same on every machine; Simplified Chinese since most product names are.
 */
const TEXT_LANG = 'zh-CN';

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

/** One canvas for the whole process, grown as needed: a canvas per run was a native surface per run. */
let scratch: { canvas: Canvas; ctx: SKRSContext2D } | undefined;

function scratchContext(width: number, height: number): SKRSContext2D | undefined {
  const module = canvasModule();
  if (!module) return undefined;
  if (!scratch || scratch.canvas.width < width || scratch.canvas.height < height) {
    const canvas = module.createCanvas(Math.max(width, scratch?.canvas.width ?? 0), Math.max(height, scratch?.canvas.height ?? 0));
    scratch = { canvas, ctx: canvas.getContext('2d') };
  }
  scratch.ctx.lang = TEXT_LANG;
  return scratch.ctx;
}

/** Pixels read back from the canvas since the process started: what a day of labels costs natively. */
let pixelReads = 0;

export function canvasPixelReads(): number {
  return pixelReads;
}

function setFont(ctx: SKRSContext2D, stack: CanvasFontStack, sizePx: number): void {
  const font = cssFont(stack, sizePx);
  if (ctx.font !== font) ctx.font = font;
}

const advances = new Map<string, number>();

/** The pen advance of one glyph or one shaped run, in dots (fractional). */
function measure(stack: CanvasFontStack, text: string, sizePx: number): number {
  const key = `${stack.key}:${sizePx}:${text}`;
  const known = advances.get(key);
  if (known !== undefined) return known;
  const ctx = scratchContext(1, 1);
  if (!ctx) return 0;
  setFont(ctx, stack, sizePx);
  const advance = ctx.measureText(text).width;
  if (advances.size > MAX_GLYPHS) advances.clear();
  advances.set(key, advance);
  return advance;
}

interface Piece {
  text: string;
  unshaped: boolean;
}

/** Unshaped characters one by one; everything between them as runs the canvas shapes. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const ch of text) {
    const unshaped = UNSHAPED.test(ch);
    const last = out[out.length - 1];
    if (!unshaped && last && !last.unshaped) last.text += ch;
    else out.push({ text: ch, unshaped });
  }
  return out;
}

export function measureCanvasRun(stack: CanvasFontStack, text: string, sizePx: number): number {
  let width = 0;
  for (const piece of pieces(text)) width += measure(stack, piece.text, sizePx);
  return Math.ceil(width);
}

const glyphs = new Map<string, Bitmap>();
const runs = new Map<string, Bitmap>();

/** The run on a bitmap one line tall, its top-left at the pen position and the line's top. */
export function drawCanvasRun(stack: CanvasFontStack, text: string, metrics: RunMetrics): CanvasRun {
  const advance = measureCanvasRun(stack, text, metrics.sizePx);
  // Glyphs may reach a little past their advance (italics, wide strokes): room for that, clipped after.
  const out = createBitmap(advance + overhang(metrics), metrics.lineDots);
  let penX = 0;
  for (const piece of pieces(text)) {
    const cache = piece.unshaped ? glyphs : runs;
    const bitmap = cached(
      cache,
      piece.unshaped ? MAX_GLYPHS : MAX_RUNS,
      `${stack.key}:${metrics.sizePx}:${metrics.lineDots}:${metrics.baseline}:${piece.text}`,
      () => drawPiece(stack, piece.text, metrics),
    );
    drawBitmap(out, bitmap, Math.round(penX) - margin(metrics), 0);
    penX += measure(stack, piece.text, metrics.sizePx);
  }
  return { bitmap: out, advance };
}

function cached(cache: Map<string, Bitmap>, limit: number, key: string, draw: () => Bitmap): Bitmap {
  const known = cache.get(key);
  if (known) return known;
  const bitmap = draw();
  if (cache.size >= limit) cache.clear();
  cache.set(key, bitmap);
  return bitmap;
}

function overhang(metrics: RunMetrics): number {
  return Math.ceil(metrics.sizePx / 4);
}

/** Room left of the pen for glyphs that start before it (a negative left side bearing). */
function margin(metrics: RunMetrics): number {
  return Math.ceil(metrics.sizePx / 8);
}

/** One glyph or shaped run drawn with its pen at `margin` dots from the bitmap's left edge. */
function drawPiece(stack: CanvasFontStack, text: string, metrics: RunMetrics): Bitmap {
  const left = margin(metrics);
  const width = left + Math.ceil(measure(stack, text, metrics.sizePx)) + overhang(metrics);
  const ctx = metrics.lineDots > 0 ? scratchContext(width, metrics.lineDots) : undefined;
  if (!ctx) return createBitmap(0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, metrics.lineDots);
  ctx.fillStyle = '#000';
  setFont(ctx, stack, metrics.sizePx);
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, left, metrics.baseline);
  pixelReads++;
  return thresholdRgba(ctx.getImageData(0, 0, width, metrics.lineDots).data, width, metrics.lineDots);
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
