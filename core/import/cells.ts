import { unguardFormula } from './csv.js';

/**
 * Cell clean-up shared by the importers. Ids, phone numbers and barcodes are never passed through
 * Number: an 18-digit order id is beyond 2^53 and would silently lose its last digits.
 */

export function cleanText(raw: string | undefined): string {
  if (raw === undefined) return '';
  return unguardFormula(raw.trim());
}

/**
 * Spreadsheets protect long digit strings from becoming numbers by wrapping them as ="123" or
 * prefixing an apostrophe; some exports pad ids with a tab for the same reason. All of that goes.
 */
export function cleanId(raw: string | undefined): string {
  if (raw === undefined) return '';
  let v = raw.includes('\t') ? raw.replaceAll('\t', '') : raw;
  v = v.trim();
  const wrapped = /^="(.*)"$/s.exec(v);
  if (wrapped) v = wrapped[1]!.trim();
  if (v.charCodeAt(0) === 39) v = v.slice(1).trim();
  return v;
}

/** "5.76463E+17": what a spreadsheet shows after it turned a long id into a number. */
export function looksLikeMangledNumber(v: string): boolean {
  return /^\d(\.\d+)?e\+\d+$/i.test(v);
}

export function mangledIdMessage(column: string, value: string): string {
  return (
    `${column} "${value}" was turned into a number by a spreadsheet program, ` +
    'so its digits are lost. Use the file as downloaded, or import the column as text.'
  );
}

/** Whole units: "3", "3.0". Null when the text is not a positive whole number. */
export function parsePositiveInt(v: string): number | null {
  const n = parseWholeNumber(v);
  return n !== null && n > 0 ? n : null;
}

/** Zero or more whole units. Null when the text is not one. */
export function parseWholeNumber(v: string): number | null {
  if (!/^\d+(\.0+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

/** A decimal with "." or "," as the separator (locales differ). Null when it is not one. */
export function parseDecimal(v: string): number | null {
  if (!/^\d+([.,]\d+)?$|^[.,]\d+$/.test(v)) return null;
  return Number(v.replace(',', '.'));
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** Control characters no order or product text has: C0 except tab and line ends, DEL, and C1. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const EXCERPT_CHARS = 40;

/**
 * A cell as an error may quote it: at most 40 characters, and control characters written as
 * \uXXXX so that a report never carries the bytes that made the file suspect.
 */
export function excerpt(v: string): string {
  // Never cut between the two halves of a surrogate pair (an emoji).
  const end = isHighSurrogate(v.charCodeAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
  const cut = v.length > EXCERPT_CHARS ? `${v.slice(0, end)}…` : v;
  return cut.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
