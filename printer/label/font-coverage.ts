/**
 * Which characters a font file has, read from its `cmap` table. Why our own reader: a canvas draws
 * a character no listed font has with some other font or as the font's blank ".notdef" box, and
 * says nothing; a label must say which characters it could not print. Only the tables needed are
 * read from disk, since a CJK collection (PingFang.ttc, msyh.ttc) is tens of megabytes.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Reads `length` bytes at `offset` of the font file (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

export interface FontCoverage {
  has(codePoint: number): boolean;
}

const NO_COVERAGE: FontCoverage = { has: () => false };

export function coverageFromBytes(bytes: Uint8Array): FontCoverage {
  return readCoverage((offset, length) => bytes.subarray(offset, offset + length));
}

export function coverageFromFile(path: string): FontCoverage {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const handle = fd;
    return readCoverage((offset, length) => {
      const out = new Uint8Array(length);
      return out.subarray(0, readSync(handle, out, 0, length, offset));
    });
  } catch {
    return NO_COVERAGE;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file that is not a font, or a font without a Unicode cmap, covers nothing. */
function readCoverage(read: ReadAt): FontCoverage {
  try {
    const cmap = findTable(read, 'cmap');
    return cmap ? unicodeSubtable(cmap) : NO_COVERAGE;
  } catch {
    return NO_COVERAGE;
  }
}

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) * 0x10000 + u16(b, at + 2)) >>> 0;
}

function tag(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

/** The table's bytes; in a collection (.ttc) the first face's, since the faces share a cmap in practice. */
function findTable(read: ReadAt, name: string): Uint8Array | undefined {
  const head = read(0, 16);
  const fontStart = tag(head, 0) === 'ttcf' ? u32(head, 12) : 0;
  const numTables = u16(read(fontStart + 4, 2), 0);
  const records = read(fontStart + 12, numTables * 16);
  for (let i = 0; i < numTables; i++) {
    if (tag(records, i * 16) === name) return read(u32(records, i * 16 + 8), u32(records, i * 16 + 12));
  }
  return undefined;
}

/** Prefers the full-Unicode subtable (format 12) over the BMP-only one (format 4). */
function unicodeSubtable(cmap: Uint8Array): FontCoverage {
  const count = u16(cmap, 2);
  let bmp: FontCoverage | undefined;
  for (let i = 0; i < count; i++) {
    const platform = u16(cmap, 4 + i * 8);
    const encoding = u16(cmap, 6 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const table = cmap.subarray(u32(cmap, 8 + i * 8));
    const format = u16(table, 0);
    if (format === 12) return format12(table);
    if (format === 4) bmp ??= format4(table);
  }
  return bmp ?? NO_COVERAGE;
}

/** Segments of 16-bit code ranges; a character maps to glyph 0 ("missing") unless a segment gives it one. */
function format4(t: Uint8Array): FontCoverage {
  const segments = u16(t, 6) / 2;
  const ends = 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return {
    has(cp) {
      if (cp > 0xffff) return false;
      // Segments are sorted by their last code: find the first that ends at or after cp.
      let lo = 0;
      let hi = segments - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (u16(t, ends + mid * 2) < cp) lo = mid + 1;
        else hi = mid;
      }
      const start = u16(t, starts + lo * 2);
      if (segments === 0 || start > cp || u16(t, ends + lo * 2) < cp) return false;
      const delta = u16(t, deltas + lo * 2);
      const rangeOffset = u16(t, rangeOffsets + lo * 2);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      return u16(t, rangeOffsets + lo * 2 + rangeOffset + 2 * (cp - start)) !== 0;
    },
  };
}

/** Sorted groups of code points mapped to consecutive glyphs. */
function format12(t: Uint8Array): FontCoverage {
  const groups = u32(t, 12);
  return {
    has(cp) {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = 16 + mid * 12;
        if (cp < u32(t, at)) hi = mid - 1;
        else if (cp > u32(t, at + 4)) lo = mid + 1;
        else return u32(t, at + 8) + (cp - u32(t, at)) !== 0;
      }
      return false;
    },
  };
}
