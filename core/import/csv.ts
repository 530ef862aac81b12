import type { RowError } from './types.js';

/**
 * RFC 4180 CSV, read and written by hand (no dependency). Reading is lenient where files from
 * spreadsheets commonly bend the rules (LF or lone CR line ends, text after a closing quote) and
 * strict only where data would be lost silently: an unterminated quote. It also says whether the
 * text stops inside a record, for the importers to refuse a file cut short.
 */

export interface CsvTable {
  /** Non-blank records, each a list of raw cell texts. */
  rows: string[][];
  /** 1-based spreadsheet row number of each record: a newline inside quotes does not count. */
  rowNumbers: number[];
  /** At most one MALFORMED_CSV error; reading stops there. */
  errors: RowError[];
  /**
   * The text ends inside a record: no line end after the last one (spaces alone aside). A cut
   * anywhere in a row looks like this, so it is the one sign that the file may have been cut short.
   */
  endsMidRow: boolean;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function readCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const table: CsvTable = { rows: [], rowNumbers: [], errors: [], endsMidRow: false };
  const scan = new Scanner(src);
  let rowNo = 0;
  while (scan.i < src.length) {
    rowNo++;
    // A blank line is an empty row to a spreadsheet: it keeps its number but yields no record.
    if (scan.atLineEnd()) {
      scan.skipLineEnd();
      continue;
    }
    const cells = scan.record();
    if (!cells) {
      table.errors.push(unterminated(rowNo));
      return table;
    }
    table.rows.push(cells);
    table.rowNumbers.push(rowNo);
    if (scan.i >= src.length && !scan.endedLine) table.endsMidRow = cells.length > 1 || cells[0]!.trim() !== '';
  }
  return table;
}

/**
 * Walks the text remembering where the next comma, LF and CR are, so each unquoted cell costs
 * one slice instead of a character loop (15,000 × 31 cells must read in a few tens of ms).
 */
class Scanner {
  i = 0;
  /** Whether the last record read ended with a line end (rather than the end of the text). */
  endedLine = false;
  private comma = -1;
  private lf = -1;
  private cr = -1;

  constructor(private readonly src: string) {}

  atLineEnd(): boolean {
    const c = this.src.charCodeAt(this.i);
    return c === LF || c === CR;
  }

  skipLineEnd(): void {
    const crlf = this.src.charCodeAt(this.i) === CR && this.src.charCodeAt(this.i + 1) === LF;
    this.i += crlf ? 2 : 1;
  }

  /** The cells of one record, or null when a quoted cell never closes. */
  record(): string[] | null {
    const cells: string[] = [];
    for (;;) {
      const value = this.src.charCodeAt(this.i) === QUOTE ? this.quoted() : this.plain();
      if (value === null) return null;
      cells.push(value);
      this.endedLine = false;
      if (this.i >= this.src.length) return cells;
      if (this.src.charCodeAt(this.i) !== COMMA) {
        this.skipLineEnd();
        this.endedLine = true;
        return cells;
      }
      this.i++;
    }
  }

  private plain(): string {
    const end = this.cellEnd();
    const value = this.src.slice(this.i, end);
    this.i = end;
    return value;
  }

  private quoted(): string | null {
    const close = closingQuote(this.src, this.i + 1);
    if (close < 0) return null;
    const value = unescapeQuoted(this.src, this.i + 1, close);
    this.i = close + 1;
    // Lenient: stray text between the closing quote and the separator is kept.
    return this.cellEnd() > this.i ? value + this.plain() : value;
  }

  /** Position of the first comma, CR or LF at or after `i` (the text's length when none). */
  private cellEnd(): number {
    const { src, i } = this;
    if (this.comma < i) this.comma = indexOr(src, ',', i);
    if (this.lf < i) this.lf = indexOr(src, '\n', i);
    if (this.cr < i) this.cr = indexOr(src, '\r', i);
    return Math.min(this.comma, this.lf, this.cr);
  }
}

function indexOr(src: string, ch: string, from: number): number {
  const at = src.indexOf(ch, from);
  return at < 0 ? src.length : at;
}

/** Index of the quote that closes a quoted cell whose text starts at `from`, or -1. */
function closingQuote(src: string, from: number): number {
  let pos = from;
  for (;;) {
    const q = src.indexOf('"', pos);
    if (q < 0) return -1;
    if (src.charCodeAt(q + 1) !== QUOTE) return q;
    pos = q + 2;
  }
}

function unescapeQuoted(src: string, from: number, to: number): string {
  const raw = src.slice(from, to);
  return raw.includes('""') ? raw.replaceAll('""', '"') : raw;
}

function unterminated(row: number): RowError {
  return {
    row,
    code: 'MALFORMED_CSV',
    message:
      `Row ${row}: a cell starts with a quote mark (") that is never closed, so the rest of the ` +
      'file cannot be read. The file was probably cut short or edited by hand; export it again.',
  };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Apostrophes first so that a cell that already starts with one keeps it through a round trip. */
const FORMULA_START = /^'*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Writes records with CRLF line ends (RFC 4180). Cells that a spreadsheet would run as a formula
 * get a leading apostrophe (OWASP "CSV injection"); plain numbers such as -3.5 are left alone.
 * `unguardFormula` undoes exactly this on import.
 */
export function writeCsv(rows: string[][]): string {
  let out = '';
  for (const row of rows) {
    // A lone empty cell would be a blank line, which readers skip: quote it so the row survives.
    if (row.length === 1 && row[0] === '') {
      out += '""\r\n';
      continue;
    }
    let line = '';
    for (let c = 0; c < row.length; c++) {
      if (c > 0) line += ',';
      line += csvCell(row[c] ?? '');
    }
    out += `${line}\r\n`;
  }
  return out;
}

export function csvCell(value: string): string {
  const v = guardFormula(value);
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Inverse of guardFormula: drops the one apostrophe that was added before a formula character. */
export function unguardFormula(value: string): string {
  return value.charCodeAt(0) === 39 && /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}
