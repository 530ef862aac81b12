/**
 * ZPL field data: how text and barcode values are written so that no value can change the label.
 * A '^' or '~' in field data is a command to the printer ("^XZ" ends the label, "~JR" resets it),
 * and a buyer chooses their own name: every ^FD is preceded by ^FH_ and those characters, the
 * escape character itself and all control characters go in as _XX hex.
 */
import { wrapText } from '../label/wrap.js';

/** Hex-escapes everything the printer could read as a command or as an escape. */
export function escapeFieldData(value: string): string {
  return value.replace(/[\^~_\u0000-\u001f\u007f]/g, (ch) => `_${hex2(ch.charCodeAt(0))}`);
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** `^FH_^FD…^FS` with the value escaped. */
export function fieldData(value: string): string {
  return `^FH_^FD${escapeFieldData(value)}^FS`;
}

/**
 * Inside a ^FB block '\' starts a block command ("\&" new line, "\\" a backslash): a backslash in
 * the text is doubled, and the lines we wrapped are joined with "\&".
 */
export function fieldBlockData(lines: readonly string[]): string {
  return `^FH_^FD${lines.map((l) => escapeFieldData(l.replace(/\\/g, '\\\\'))).join('\\&')}^FS`;
}

/**
 * Upper bounds of ZPL font 0 advances as a share of the character height (measured on the
 * Helvetica Bold Condensed metrics font 0 is drawn with, rounded up). Wrapping with widths that are
 * never too small means the printer never needs more lines than we gave it.
 */
const NARROW = new Set(" !'(),-./:;I[]`fijlrt|\u00a0\u00a1\u00ec\u00ed\u00ee\u00ef");
const WIDE = new Set('MWmw@%\u00c6\u00e6\u00bc\u00bd\u00be');

export function fontZeroAdvance(ch: string): number {
  if (NARROW.has(ch)) return 0.36;
  if (WIDE.has(ch)) return 0.86;
  if (/[A-Z0-9\u00c0-\u00de]/.test(ch)) return 0.66;
  return 0.58;
}

export function estimateFontZeroWidth(text: string, heightDots: number): number {
  let width = 0;
  for (const ch of text) width += fontZeroAdvance(ch) * heightDots;
  return Math.ceil(width);
}

export function wrapForFontZero(text: string, widthDots: number, heightDots: number, maxLines: number): string[] {
  return wrapText(text, widthDots, (s) => estimateFontZeroWidth(s, heightDots), maxLines);
}
