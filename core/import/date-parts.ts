/**
 * Splits a date cell into its numbers. Seller Center writes "DD/MM/YYYY HH:mm:ss",
 * "MM/DD/YYYY HH:mm:ss", "YYYY-MM-DD HH:mm:ss" or "YYYY/MM/DD HH:mm", sometimes followed by
 * "(GMT+7)"; spreadsheets that re-save the file add "3:05 PM" or two-digit years.
 * The plain shapes are scanned by hand: a 15,000-row file has ~100,000 date cells, and a regex
 * match per cell (allocating its groups) was most of the import time. Anything else goes
 * through the full pattern.
 */

export interface DateParts {
  /** First, second and third number of the date, and the digit counts that tell years apart. */
  a: number;
  aLen: number;
  b: number;
  c: number;
  cLen: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = 24-hour clock, 1 = AM, 2 = PM. */
  meridiem: 0 | 1 | 2;
  /** Minutes east of UTC written in the cell ("(GMT+7)" → 420), or null when none is. */
  offset: number | null;
}

const FULL_RE =
  /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([ap])\.?m\.?)?)?\s*(\(?\s*(?:gmt|utc)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\s*\)?)?$/i;

/** Reused for every cell so the hot path allocates nothing: valid until the next call. */
const parts: DateParts = { a: 0, aLen: 0, b: 0, c: 0, cLen: 0, hour: 0, minute: 0, second: 0, meridiem: 0, offset: null };
let at = 0;

/**
 * The longest date a file holds is about 40 characters ("2024-03-15 09:12:45.123 PM (GMT+07:00)").
 * Longer text is no date, and is kept from the full pattern: its runs of optional spaces
 * backtrack cubically (a cell of 2,000 characters took seconds).
 */
const MAX_DATE_CHARS = 64;

export function readDateParts(text: string): DateParts | null {
  if (text.length > MAX_DATE_CHARS) return null;
  parts.hour = parts.minute = parts.second = parts.meridiem = 0;
  parts.offset = null;
  return scanPlain(text) ? parts : matchFull(text);
}

function scanPlain(s: string): boolean {
  at = 0;
  parts.a = digits(s, 4);
  parts.aLen = at;
  if (parts.a < 0 || !separator(s)) return false;
  parts.b = digits(s, 2);
  if (parts.b < 0 || !separator(s)) return false;
  const cStart = at;
  parts.c = digits(s, 4);
  parts.cLen = at - cStart;
  if (parts.c < 0) return false;
  if (at === s.length) return true;
  const t = s.charCodeAt(at++);
  if (t !== 32 && t !== 84) return false; // " " or "T"
  parts.hour = digits(s, 2);
  if (parts.hour < 0 || s.charCodeAt(at++) !== 58) return false;
  parts.minute = twoDigits(s);
  if (parts.minute < 0) return false;
  if (at === s.length) return true;
  if (s.charCodeAt(at++) !== 58) return false;
  parts.second = twoDigits(s);
  if (parts.second < 0) return false;
  return at === s.length;
}

/** Up to `max` digits at `at`; -1 when there is none. */
function digits(s: string, max: number): number {
  const start = at;
  let v = 0;
  while (at - start < max) {
    const d = s.charCodeAt(at) - 48;
    if (!(d >= 0 && d <= 9)) break;
    v = v * 10 + d;
    at++;
  }
  return at === start ? -1 : v;
}

function twoDigits(s: string): number {
  const start = at;
  const v = digits(s, 2);
  return at - start === 2 ? v : -1;
}

function separator(s: string): boolean {
  const c = s.charCodeAt(at);
  if (c !== 45 && c !== 47 && c !== 46) return false; // - / .
  at++;
  return true;
}

function matchFull(text: string): DateParts | null {
  const m = FULL_RE.exec(text);
  if (!m) return null;
  parts.a = Number(m[1]);
  parts.aLen = m[1]!.length;
  parts.b = Number(m[2]);
  parts.c = Number(m[3]);
  parts.cLen = m[3]!.length;
  parts.hour = Number(m[4] ?? 0);
  parts.minute = Number(m[5] ?? 0);
  parts.second = Number(m[6] ?? 0);
  parts.meridiem = m[7] === undefined ? 0 : m[7].toLowerCase() === 'a' ? 1 : 2;
  if (m[8] !== undefined) {
    const minutes = Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
    parts.offset = m[9] === '-' ? -minutes : minutes;
  }
  return parts;
}
