/**
 * Glyphs from bwip-js's FontLib, a pure-JS port of stb_truetype: no native code, no system fonts,
 * the same pixels on every machine. bwip-js ships OCR-B, which covers ASCII only, so the app
 * passes real TTF/OTF files (a Latin font, say) through `labelFonts`.
 *
 * The port mishandles some TrueType composite glyphs: it throws on a component with no outline
 * (Droid Sans Fallback: 机 线 杯) and draws only part of others (蓝 李). So it draws simple
 * scripts (Latin, Greek, Cyrillic) only when the canvas can do the rest; see text.ts.
 */
import bwipjs from 'bwip-js/node';
import { printerFail } from '../errors.js';
import { createBitmap, strokeRect, type Bitmap } from './bitmap.js';

export interface FontSource {
  /** Unique per font file: the first font loaded under a name is kept for the process. */
  name: string;
  /** The TTF/OTF file's bytes. */
  data: Uint8Array;
}

export interface Glyph {
  bitmap: Bitmap | undefined;
  left: number;
  top: number;
  advance: number;
}

const BUILTIN_FONT = 'OCR-B';
const loadedFonts = new Map<string, number>();

/** FontLib ids in fallback order; bwip-js's OCR-B is always the last. */
export function glyphFontIds(sources: readonly FontSource[]): number[] {
  const ids = sources.map(loadFont);
  ids.push(bwipjs.FontLib.lookup(BUILTIN_FONT));
  return ids;
}

function loadFont(source: FontSource): number {
  const key = source.name.toUpperCase();
  const known = loadedFonts.get(key);
  if (known !== undefined) return known;
  try {
    (bwipjs.FontLib.loadFont as (name: string, data: Uint8Array) => unknown)(key, source.data);
  } catch (cause) {
    printerFail('INVALID_INPUT', `The font "${source.name}" is not a TrueType/OpenType font.`, { cause: String(cause) });
  }
  const id = bwipjs.FontLib.lookup(key);
  loadedFonts.set(key, id);
  return id;
}

/** Why a threshold below half: thin strokes of small glyphs are grey, and dropping them breaks letters. */
const INK_THRESHOLD = 100;
const glyphCache = new Map<string, Glyph | null>();

/** The glyph from the first font that has the character, or undefined when none has it. */
export function fontGlyph(ids: readonly number[], idsKey: string, codePoint: number, sizePx: number): Glyph | undefined {
  const key = `${idsKey}:${codePoint}:${sizePx}`;
  const cached = glyphCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const made = makeGlyph(ids, codePoint, sizePx);
  if (glyphCache.size > 4000) glyphCache.clear();
  glyphCache.set(key, made ?? null);
  return made;
}

function makeGlyph(ids: readonly number[], codePoint: number, sizePx: number): Glyph | undefined {
  for (const id of ids) {
    const found = rawGlyph(id, codePoint, sizePx);
    if (found && hasGlyph(found, codePoint)) {
      return { bitmap: thresholdGlyph(found), left: found.left, top: found.top, advance: found.advance };
    }
  }
  return undefined;
}

/**
 * bwip-js's TrueType port throws on composite glyphs that reference an empty component (Droid
 * Sans Fallback has some, e.g. 机 and 线): such a glyph counts as missing from that font.
 */
export function rawGlyph(id: number, codePoint: number, sizePx: number): ReturnType<typeof bwipjs.FontLib.getglyph> | undefined {
  try {
    return bwipjs.FontLib.getglyph(id, codePoint, sizePx, sizePx);
  } catch {
    return undefined;
  }
}

/** A character no font can draw prints as an empty box, so a packer sees that something is missing. */
export function missingGlyph(sizePx: number): Glyph {
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
