/**
 * Layout helpers shared by the documents Packdesk prints. A document is laid out once in
 * millimetres and must print alike at 203 and 300 dpi in every printer language, so sizes are
 * chosen to fit at both resolutions and text widths are estimated on the wide side of every
 * engine (ZPL font 0, TSPL's fixed-pitch fonts, the bitmap fonts).
 */
import { printerFail } from '../errors.js';
import { code128Widths, matrixColumns } from '../label/barcode.js';
import { DPIS, dotsPerMm, mmToDots, moduleDots, type BarcodeElement, type LabelElement, type TextElement } from '../label/model.js';

/**
 * A design drawn for one stock size, placed on another: scaled by `k` (never distorted) and
 * centred. `x(mm)` and `y(mm)` place a design position; `mm(size)` scales a length.
 */
export interface Grid {
  k: number;
  x(mm: number): number;
  y(mm: number): number;
  mm(size: number): number;
}

export function designGrid(designWidth: number, designHeight: number, stockWidth: number, stockHeight: number): Grid {
  const k = Math.min(stockWidth / designWidth, stockHeight / designHeight);
  const dx = (stockWidth - designWidth * k) / 2;
  const dy = (stockHeight - designHeight * k) / 2;
  return { k, x: (mm) => dx + mm * k, y: (mm) => dy + mm * k, mm: (size) => size * k };
}

/** Width per character as a share of the line height, rounded up over all engines. */
function charShare(ch: string): number {
  if (/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\uff00-\uffef]/u.test(ch)) return 1;
  if (/[MW@%mw]/.test(ch)) return 1;
  if (/[A-Z]/.test(ch)) return 0.8;
  if (ch === ' ') return 0.4;
  return 0.7;
}

export function estimateWidthMm(text: string, heightMm: number): number {
  let share = 0;
  for (const ch of text) share += charShare(ch);
  return share * heightMm;
}

/**
 * The tallest line height (at most `preferred`, at least `min`) at which one line of text fits
 * the width. Why: a postcode or tracking number cut off at the edge is worse than a smaller one.
 */
export function fitHeight(text: string, widthMm: number, preferred: number, min: number): number {
  const share = estimateWidthMm(text, 1);
  if (share === 0) return preferred;
  return Math.max(min, Math.min(preferred, Math.floor((widthMm / share) * 10) / 10));
}

type TextOptions = Pick<TextElement, 'bold' | 'maxLines'>;

/**
 * A text element that always has a width, so its bounds are known; empty text is no element.
 * Callers pass grid-placed millimetres.
 */
export function textAt(text: string, x: number, y: number, height: number, maxWidth: number, options: TextOptions = {}): LabelElement[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  return [{ kind: 'text', x, y, height, text: clean, maxWidth, maxLines: options.maxLines ?? 1, ...(options.bold ? { bold: true } : {}) }];
}

export function hLine(x: number, y: number, length: number, thickness: number): LabelElement {
  return { kind: 'line', x, y, length, thickness, direction: 'horizontal' };
}

export function vLine(x: number, y: number, length: number, thickness: number): LabelElement {
  return { kind: 'line', x, y, length, thickness, direction: 'vertical' };
}

/** Code128 needs ten modules of white on each side for a scanner to find it. */
const QUIET_MODULES = 10;
const CODE128_MODULES_MM = [0.5, 0.375, 0.33, 0.25, 0.19, 0.125];

/**
 * A Code128, the widest module that fits `widthMm` (quiet zones included) at 203 and 300 dpi,
 * centred in that width.
 */
export function fittedCode128(value: string, left: number, widthMm: number, y: number, height: number): BarcodeElement {
  const modules = code128Widths(value).reduce((a, b) => a + b, 0);
  for (const module of CODE128_MODULES_MM) {
    const fits = DPIS.every((dpi) => (modules + 2 * QUIET_MODULES) * moduleDots(module, dpi) <= mmToDots(widthMm, dpi));
    if (!fits) continue;
    const barsMm = Math.max(...DPIS.map((dpi) => (modules * moduleDots(module, dpi)) / dotsPerMm(dpi)));
    return { kind: 'barcode', symbology: 'code128', value, x: left + (widthMm - barsMm) / 2, y, module, height };
  }
  return printerFail('INVALID_INPUT', `"${value}" is too long for a readable barcode ${widthMm.toFixed(0)} mm wide.`);
}

const QR_MODULES_MM = [1, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25];

/** QR byte-mode capacity at error correction M for versions 1–10 (ISO/IEC 18004, table 7). */
const QR_M_BYTE_CAPACITY = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

/**
 * The most columns a QR code of this value can have at level M, without encoding it: byte mode
 * is the least dense mode a printer or bwip-js would choose, so the real code is never bigger.
 * Encoding a QR code just to measure it costs milliseconds per label; this costs nothing.
 */
export function qrColumnsAtMost(value: string): number {
  const bytes = new TextEncoder().encode(value).length;
  const version = QR_M_BYTE_CAPACITY.findIndex((capacity) => bytes <= capacity) + 1;
  return version > 0 ? 17 + 4 * version : matrixColumns({ symbology: 'qr', value, ecc: 'M' });
}

/** A QR code, the largest module whose code fits a square of `sizeMm` at 203 and 300 dpi. */
export function fittedQr(value: string, x: number, y: number, sizeMm: number): BarcodeElement {
  const columns = qrColumnsAtMost(value);
  const module = QR_MODULES_MM.find((m) => DPIS.every((dpi) => columns * moduleDots(m, dpi) <= mmToDots(sizeMm, dpi)));
  if (module === undefined) return printerFail('INVALID_INPUT', `"${value}" is too long for a QR code of ${sizeMm.toFixed(0)} mm.`);
  return { kind: 'barcode', symbology: 'qr', value, x, y, module, ecc: 'M' };
}

/** The calendar date in the shop's time zone, YYYY-MM-DD; the time itself comes from the caller's clock. */
export function labelDate(epochMs: number, timeZoneOffsetMinutes: number): string {
  const shifted = new Date(epochMs + timeZoneOffsetMinutes * 60_000);
  if (Number.isNaN(shifted.getTime())) printerFail('INVALID_INPUT', 'The print time is not a valid date.');
  return shifted.toISOString().slice(0, 10);
}

/** The parts that are there, joined by ", ". */
export function joinParts(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(', ');
}
