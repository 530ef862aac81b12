/**
 * Text drawn as bitmap, for the raster path and for text a printer font cannot draw (Chinese
 * product names, for one). Each line is cut into runs: Latin, Greek and Cyrillic go through
 * bwip-js's glyph engine (pure JS, the same pixels everywhere; bwip-glyphs.ts), everything else —
 * CJK above all — through the canvas with the configured and system fonts (canvas-text.ts), since
 * the glyph engine mis-draws CJK composite glyphs. A character no font has prints as an empty box,
 * visibly, never silently dropped, and `missingGlyphs` names such characters beforehand.
 */
import { createBitmap, drawBitmap, type Bitmap } from './bitmap.js';
import type { Label } from './model.js';
import { fontGlyph, glyphFontIds, missingGlyph, rawGlyph, type FontSource, type Glyph } from './bwip-glyphs.js';
import { drawCanvasRun, measureCanvasRun } from './canvas-text.js';
import { canvasFontStack, type CanvasFontStack } from './system-fonts.js';
import { wrapText } from './wrap.js';

export type { FontSource } from './bwip-glyphs.js';

/** Fonts in fallback order: each character is drawn by the first font that has it. */
export interface LabelFonts {
  /** bwip-js FontLib ids (the given font files, then OCR-B). */
  readonly ids: readonly number[];
  /** Identifies this fallback order in glyph caches. */
  readonly key: string;
  /** Fonts the canvas draws with; undefined when the canvas cannot load or no font file exists. */
  readonly canvas?: CanvasFontStack;
}

export interface LabelFontOptions {
  /** More font files (TTF, OTF, TTC) for CJK and other scripts, tried before the system's. */
  fontPaths?: readonly string[];
  /** Also use the well-known system fonts (default true). */
  systemFonts?: boolean;
}

const fontSets = new Map<string, LabelFonts>();

/**
 * The fonts to draw label text with. The given files serve both engines; files are parsed and
 * registered once per process, and the same arguments give the same (cached) set.
 */
export function labelFonts(sources: readonly FontSource[] = [], options: LabelFontOptions = {}): LabelFonts {
  const paths = options.fontPaths ?? [];
  const systemFonts = options.systemFonts ?? true;
  const setKey = JSON.stringify([sources.map((s) => s.name.toUpperCase()), paths, systemFonts]);
  const known = fontSets.get(setKey);
  if (known) return known;
  const ids = glyphFontIds(sources);
  const canvas = canvasFontStack(sources, paths, systemFonts);
  const fonts: LabelFonts = { ids, key: `${ids.join('.')}/${canvas?.key ?? ''}`, ...(canvas ? { canvas } : {}) };
  fontSets.set(setKey, fonts);
  return fonts;
}

/** Scripts the glyph engine draws well: no composite CJK glyphs, no shaping. */
const SIMPLE_SCRIPT = /[\u0000-\u024f\u0370-\u052f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u218f]/u;
/** Marks and format characters belong to the character before them. */
const ATTACHED = /[\p{M}\p{Cf}]/u;
const PROBE_PX = 32;

type Engine = 'glyphs' | 'canvas';
interface Run {
  engine: Engine;
  text: string;
}

function glyphEngineHas(fonts: LabelFonts, codePoint: number): boolean {
  return fontGlyph(fonts.ids, fonts.key, codePoint, PROBE_PX) !== undefined;
}

function engineFor(fonts: LabelFonts, ch: string): Engine {
  const codePoint = ch.codePointAt(0) ?? 32;
  if (SIMPLE_SCRIPT.test(ch) && glyphEngineHas(fonts, codePoint)) return 'glyphs';
  return fonts.canvas?.covers(codePoint) ? 'canvas' : 'glyphs';
}

function splitRuns(fonts: LabelFonts, line: string): Run[] {
  const runs: Run[] = [];
  for (const ch of line.normalize('NFC')) {
    const last = runs[runs.length - 1];
    const engine = last && ATTACHED.test(ch) ? last.engine : engineFor(fonts, ch);
    if (last && last.engine === engine) last.text += ch;
    else runs.push({ engine, text: ch });
  }
  return runs;
}

/** The characters of `text` that would print as an empty box with these fonts (each once). */
export function missingGlyphs(text: string, fonts: LabelFonts = labelFonts()): string[] {
  const missing = new Set<string>();
  for (const ch of text.normalize('NFC')) {
    if (/[\s\p{Cc}\p{Cf}\p{M}]/u.test(ch)) continue;
    if (engineFor(fonts, ch) === 'glyphs' && !glyphEngineHas(fonts, ch.codePointAt(0) ?? 32)) missing.add(ch);
  }
  return [...missing];
}

/**
 * Every character of the label's text that would print as a box: the core shows these before a
 * print so that nobody finds out at the parcel. (Latin-1 text that ZPL prints with its own font
 * is counted too, since previews and ESC/POS draw it with ours.)
 */
export function labelMissingGlyphs(label: Label, fonts: LabelFonts = labelFonts()): string[] {
  const text = label.elements.map((e) => (e.kind === 'text' ? e.text : e.kind === 'barcode' && e.humanReadable ? e.value : '')).join('');
  return missingGlyphs(text, fonts);
}

/** Text metrics for one line height, matched to ZPL's ^A0: capitals fill three quarters of it. */
interface TextSize {
  lineDots: number;
  sizePx: number;
  /**
   * The canvas's em. CJK ideographs reach 0.82 em (Droid Sans Fallback) to 0.88 em (Noto Sans CJK)
   * above the baseline and 0.1 em below: at 0.86 of the line they fill it without being clipped.
   */
  canvasPx: number;
  baseline: number;
  boldDx: number;
}

const CAP_SHARE = 0.72;
const capRatios = new Map<string, number>();

/** Height of 'H' per pixel of font size in the primary font, so any font gets the same capitals. */
function capRatio(fonts: LabelFonts): number {
  const known = capRatios.get(fonts.key);
  if (known !== undefined) return known;
  const primary = fonts.ids[0];
  const probe = primary === undefined ? undefined : rawGlyph(primary, 0x48, 100);
  const ratio = probe && probe.height > 0 ? probe.height / 100 : 0.7;
  capRatios.set(fonts.key, ratio);
  return ratio;
}

function textSize(fonts: LabelFonts, lineDots: number, bold: boolean): TextSize {
  const ratio = capRatio(fonts);
  const sizePx = Math.max(8, Math.round((lineDots * CAP_SHARE) / ratio));
  const canvasPx = Math.max(8, Math.round(lineDots * 0.86));
  const boldDx = bold ? Math.max(1, Math.round(lineDots / 14)) : 0;
  return { lineDots, sizePx, canvasPx, baseline: Math.round(lineDots * 0.76), boldDx };
}

function glyph(fonts: LabelFonts, ch: string, sizePx: number): Glyph | undefined {
  if (/\p{Cf}/u.test(ch)) return undefined; // zero-width by definition
  return fontGlyph(fonts.ids, fonts.key, ch.codePointAt(0) ?? 32, sizePx) ?? missingGlyph(sizePx);
}

function runAdvance(fonts: LabelFonts, run: Run, size: TextSize): number {
  if (run.engine === 'canvas' && fonts.canvas) return measureCanvasRun(fonts.canvas, run.text, size.canvasPx);
  let width = 0;
  for (const ch of run.text) width += glyph(fonts, ch, size.sizePx)?.advance ?? 0;
  return width;
}

export function measureText(fonts: LabelFonts, text: string, lineDots: number, bold = false): number {
  const size = textSize(fonts, lineDots, bold);
  let width = 0;
  for (const run of splitRuns(fonts, text)) width += runAdvance(fonts, run, size);
  return width + size.boldDx;
}

export interface TextBlock {
  lineDots: number;
  bold?: boolean;
  /** Wrap width in dots; without it each '\n'-separated line is drawn as it comes. */
  maxWidthDots?: number;
  maxLines?: number;
}

/** Draws text into a new bitmap whose top-left is the text element's top-left. */
export function renderText(fonts: LabelFonts, text: string, block: TextBlock): Bitmap {
  const size = textSize(fonts, block.lineDots, block.bold ?? false);
  const lines = layoutLines(fonts, text, block);
  const width = block.maxWidthDots ?? Math.max(0, ...lines.map((l) => measureText(fonts, l, block.lineDots, block.bold)));
  const out = createBitmap(width, lines.length * size.lineDots);
  for (const [i, line] of lines.entries()) drawLine(out, fonts, line, size, i * size.lineDots);
  return out;
}

export function layoutLines(fonts: LabelFonts, text: string, block: TextBlock): string[] {
  if (block.maxWidthDots === undefined) return text.split('\n');
  const measure = (s: string): number => measureText(fonts, s, block.lineDots, block.bold);
  return wrapText(text, block.maxWidthDots, measure, block.maxLines ?? 1);
}

function drawLine(out: Bitmap, fonts: LabelFonts, line: string, size: TextSize, top: number): void {
  let penX = 0;
  for (const run of splitRuns(fonts, line)) {
    penX =
      run.engine === 'canvas' && fonts.canvas ? drawCanvas(out, fonts.canvas, run.text, size, penX, top) : drawGlyphs(out, fonts, run.text, size, penX, top);
  }
}

/** Bold is the run drawn twice, a dot or two apart, in both engines. */
function drawTwice(out: Bitmap, bitmap: Bitmap, x: number, y: number, size: TextSize): void {
  drawBitmap(out, bitmap, x, y);
  if (size.boldDx) drawBitmap(out, bitmap, x + size.boldDx, y);
}

function drawGlyphs(out: Bitmap, fonts: LabelFonts, text: string, size: TextSize, penX: number, top: number): number {
  const baselineY = top + size.baseline;
  let x = penX;
  for (const ch of text) {
    const g = glyph(fonts, ch, size.sizePx);
    if (g?.bitmap) drawTwice(out, g.bitmap, x + g.left, baselineY - g.top, size);
    x += g?.advance ?? 0;
  }
  return x;
}

function drawCanvas(out: Bitmap, stack: CanvasFontStack, text: string, size: TextSize, penX: number, top: number): number {
  const run = drawCanvasRun(stack, text, { sizePx: size.canvasPx, lineDots: size.lineDots, baseline: size.baseline });
  drawTwice(out, run.bitmap, penX, top, size);
  return penX + run.advance;
}
