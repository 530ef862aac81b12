/**
 * Text drawn as bitmap, for the raster path and for text a printer font cannot draw (Chinese
 * product names, for one). Glyphs come from bwip-js's FontLib, a pure-JS port of stb_truetype:
 * no native canvas, no system fonts. bwip-js ships OCR-B, which covers ASCII only, so the app
 * passes real TTF/OTF files (a Latin font and a CJK font) through `labelFonts`; a character no
 * font can draw prints as an empty box, visibly, never silently dropped.
 *
 * TODO(issue 3, fonts): the port mishandles some TrueType composite glyphs — it throws on a
 * component with no outline (Droid Sans Fallback: 机 线 杯) and draws only part of others (蓝 李).
 * The CJK font the app bundles must be CFF-flavoured OTF (Noto Sans CJK / Source Han Sans have no
 * composites) and pass a coverage test, or CJK text moves to @napi-rs/canvas with that font.
 */
import bwipjs from 'bwip-js/node';
import { fail } from '../../core/domain/errors.js';
import { createBitmap, drawBitmap, strokeRect, type Bitmap } from './bitmap.js';
import { wrapText } from './wrap.js';

export interface FontSource {
  /** Unique per font file: the first font loaded under a name is kept for the process. */
  name: string;
  /** The TTF/OTF file's bytes. */
  data: Uint8Array;
}

/** Fonts in fallback order: each character is drawn by the first font that has it. */
export interface LabelFonts {
  readonly ids: readonly number[];
  /** Identifies this fallback order in glyph caches. */
  readonly key: string;
}

const BUILTIN_FONT = 'OCR-B';
const loadedFonts = new Map<string, number>();

/**
 * The fonts to draw label text with; bwip-js's OCR-B is always the last fallback. Fonts are parsed
 * into bwip-js's process-wide FontLib once per name.
 */
export function labelFonts(sources: readonly FontSource[] = []): LabelFonts {
  const ids = sources.map(loadFont);
  ids.push(bwipjs.FontLib.lookup(BUILTIN_FONT));
  return { ids, key: ids.join('.') };
}

function loadFont(source: FontSource): number {
  const key = source.name.toUpperCase();
  const known = loadedFonts.get(key);
  if (known !== undefined) return known;
  try {
    (bwipjs.FontLib.loadFont as (name: string, data: Uint8Array) => unknown)(key, source.data);
  } catch (cause) {
    fail('INVALID_INPUT', `The font "${source.name}" is not a TrueType/OpenType font.`, { cause: String(cause) });
  }
  const id = bwipjs.FontLib.lookup(key);
  loadedFonts.set(key, id);
  return id;
}

interface Glyph {
  bitmap: Bitmap | undefined;
  left: number;
  top: number;
  advance: number;
}

/** Why a threshold below half: thin strokes of small glyphs are grey, and dropping them breaks letters. */
const INK_THRESHOLD = 100;
const glyphCache = new Map<string, Glyph>();

function glyph(fonts: LabelFonts, codePoint: number, sizePx: number): Glyph {
  const key = `${fonts.key}:${codePoint}:${sizePx}`;
  const cached = glyphCache.get(key);
  if (cached) return cached;
  const made = makeGlyph(fonts, codePoint, sizePx);
  if (glyphCache.size > 4000) glyphCache.clear();
  glyphCache.set(key, made);
  return made;
}

function makeGlyph(fonts: LabelFonts, codePoint: number, sizePx: number): Glyph {
  for (const id of fonts.ids) {
    const found = fontGlyph(id, codePoint, sizePx);
    if (found && hasGlyph(found, codePoint)) {
      return { bitmap: thresholdGlyph(found), left: found.left, top: found.top, advance: found.advance };
    }
  }
  return missingGlyph(sizePx);
}

/**
 * bwip-js's TrueType port throws on composite glyphs that reference an empty component (Droid
 * Sans Fallback has some, e.g. 机 and 线): such a glyph counts as missing from that font.
 */
function fontGlyph(id: number, codePoint: number, sizePx: number): ReturnType<typeof bwipjs.FontLib.getglyph> | undefined {
  try {
    return bwipjs.FontLib.getglyph(id, codePoint, sizePx, sizePx);
  } catch {
    return undefined;
  }
}

/** A character no font can draw prints as an empty box, so a packer sees that something is missing. */
function missingGlyph(sizePx: number): Glyph {
  const width = Math.max(4, Math.round(sizePx * 0.5));
  const height = Math.max(6, Math.round(sizePx * 0.7));
  const bitmap = createBitmap(width, height);
  strokeRect(bitmap, 0, 0, width, height, Math.max(1, Math.round(sizePx / 16)));
  return { bitmap, left: Math.round(sizePx * 0.08), top: height, advance: Math.round(sizePx * 0.66) };
}

/**
 * Index 0 is the font's "missing" glyph. Some fallback fonts (Droid Sans Fallback) also map
 * Latin letters to an empty glyph, so an inkless glyph for a visible character counts as missing.
 */
function hasGlyph(g: { glyph: number; width: number; height: number }, codePoint: number): boolean {
  if (g.glyph === 0) return false;
  return g.width > 0 && g.height > 0 ? true : /\s/u.test(String.fromCodePoint(codePoint));
}

function thresholdGlyph(g: { width: number; height: number; pixels: Uint8Array | null }): Bitmap | undefined {
  if (!g.pixels || g.width === 0 || g.height === 0) return undefined;
  const out = createBitmap(g.width, g.height);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      if ((g.pixels[y * g.width + x] ?? 0) >= INK_THRESHOLD) {
        out.data[y * out.rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
  }
  return out;
}

/** Text metrics for one line height, matched to ZPL's ^A0: capitals fill three quarters of it. */
interface TextSize {
  lineDots: number;
  sizePx: number;
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
  const probe = primary === undefined ? undefined : fontGlyph(primary, 0x48, 100);
  const ratio = probe && probe.height > 0 ? probe.height / 100 : 0.7;
  capRatios.set(fonts.key, ratio);
  return ratio;
}

function textSize(fonts: LabelFonts, lineDots: number, bold: boolean): TextSize {
  const ratio = capRatio(fonts);
  const sizePx = Math.max(8, Math.round((lineDots * CAP_SHARE) / ratio));
  const boldDx = bold ? Math.max(1, Math.round(lineDots / 14)) : 0;
  return { lineDots, sizePx, baseline: Math.round(lineDots * 0.76), boldDx };
}

export function measureText(fonts: LabelFonts, text: string, lineDots: number, bold = false): number {
  const size = textSize(fonts, lineDots, bold);
  let width = 0;
  for (const ch of text) width += glyph(fonts, ch.codePointAt(0) ?? 32, size.sizePx).advance;
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
  lines.forEach((line, i) => drawLine(out, fonts, line, size, i * size.lineDots));
  return out;
}

export function layoutLines(fonts: LabelFonts, text: string, block: TextBlock): string[] {
  if (block.maxWidthDots === undefined) return text.split('\n');
  const measure = (s: string): number => measureText(fonts, s, block.lineDots, block.bold);
  return wrapText(text, block.maxWidthDots, measure, block.maxLines ?? 1);
}

function drawLine(out: Bitmap, fonts: LabelFonts, line: string, size: TextSize, top: number): void {
  let penX = 0;
  const baselineY = top + size.baseline;
  for (const ch of line) {
    const g = glyph(fonts, ch.codePointAt(0) ?? 32, size.sizePx);
    if (g.bitmap) {
      drawBitmap(out, g.bitmap, penX + g.left, baselineY - g.top);
      if (size.boldDx) drawBitmap(out, g.bitmap, penX + g.left + size.boldDx, baselineY - g.top);
    }
    penX += g.advance;
  }
}
