import { fail } from './errors.js';

/**
 * Symbology identifiers some scanners prepend (AIM: "]" + letter + digit, e.g. "]C1" for
 * GS1-128, "]E0" for EAN-13). They are not part of the code printed on the item.
 */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** Characters a keyboard-wedge scanner sends around a code: CR, LF, Tab and spaces. */
const EDGE_WHITESPACE = /^[\s\u0000-\u001f\u007f]+|[\s\u0000-\u001f\u007f]+$/g;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

export interface ScanNormalisation {
  /** Extra prefixes/suffixes configured on the station's scanner, stripped when present. */
  prefixes?: readonly string[];
  suffixes?: readonly string[];
}

/**
 * Turns what the scanner typed into the code to look up. NFKC first, so full-width digits and
 * letters typed through a Chinese IME become ASCII. Throws SCAN_EMPTY or SCAN_INVALID_CHARACTERS.
 */
export function normaliseScan(raw: string, opts: ScanNormalisation = {}): string {
  let code = raw.normalize('NFKC').replace(EDGE_WHITESPACE, '');
  for (const p of opts.prefixes ?? []) if (p && code.startsWith(p)) code = code.slice(p.length);
  for (const s of opts.suffixes ?? []) if (s && code.endsWith(s)) code = code.slice(0, -s.length);
  code = code.replace(AIM_PREFIX, '').replace(EDGE_WHITESPACE, '');
  if (code === '') fail('SCAN_EMPTY', 'The scan was empty.');
  if (CONTROL_CHARS.test(code)) {
    fail('SCAN_INVALID_CHARACTERS', 'The scan contains control characters; check the scanner setup.', {
      code: JSON.stringify(code),
    });
  }
  return code;
}

/**
 * Retail codes are the same item whether printed as UPC-A (12), EAN-13 or GTIN-14: zero-padding
 * to 14 digits lets any of them match. EAN-8 stays as it is (it is a different number space).
 */
export function barcodeKey(code: string): string {
  if (/^\d{12,14}$/.test(code)) return code.padStart(14, '0');
  return code.toUpperCase();
}

export function isGtin(code: string): boolean {
  return /^\d{8}$|^\d{12,14}$/.test(code);
}
