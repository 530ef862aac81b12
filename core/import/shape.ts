import { CONTROL_CHARACTER, excerpt, isBlankRow } from './cells.js';
import type { CsvTable } from './csv.js';
import type { RowError } from './types.js';

/**
 * Checks of a file's shape before any cell is read as an order or a product: every row as wide
 * as the header, no row cut off at the end of the file, no cell of absurd size, no control
 * characters. A row that fails them is not read further: its cells may have slid into the wrong
 * columns, and a huge cell must never reach the parsers (regular expressions over megabytes of
 * two-byte text overflow V8's stack).
 */

/** A Seller Center cell is at most a few hundred characters (addresses, buyer messages). */
export const MAX_CELL_CHARS = 2_000;
/** No column name Packdesk knows is longer than a few dozen characters. */
export const MAX_HEADER_CHARS = 200;

export interface Sheet {
  /** Index in the table of the header: the first record that is not blank. */
  header: number;
  /** Indexes of the records after the header that are not blank, in file order. */
  rows: number[];
}

/** The header and the rows under it; null when the file holds no record with any text. */
export function sheetOf(table: CsvTable): Sheet | null {
  const header = table.rows.findIndex((cells) => !isBlankRow(cells));
  if (header < 0) return null;
  const rows: number[] = [];
  for (let i = header + 1; i < table.rows.length; i++) if (!isBlankRow(table.rows[i]!)) rows.push(i);
  return { header, rows };
}

/** Problems with the header row itself; a header with any is not matched to columns. */
export function headerErrors(table: CsvTable, sheet: Sheet): RowError[] {
  const row = table.rowNumbers[sheet.header]!;
  if (table.endsMidRow && sheet.header === table.rows.length - 1) return [truncated(row)];
  const errors: RowError[] = [];
  for (const name of table.rows[sheet.header]!) {
    if (name.length > MAX_HEADER_CHARS) errors.push(tooLong(row, undefined, name, MAX_HEADER_CHARS));
    else if (CONTROL_CHARACTER.test(name)) errors.push(control(row, undefined, name));
  }
  return errors;
}

export interface RowShapeCheck {
  errors: RowError[];
  /** Table indexes of the rows that failed: their cells are not to be read. */
  bad: Set<number>;
}

/**
 * `exempt`: a row that is not data (Seller Center's row of column descriptions), so its width and
 * cells do not matter; it is still the row a cut may end in.
 */
export function rowShapeErrors(table: CsvTable, sheet: Sheet, text: string, exempt = -1): RowShapeCheck {
  const header = table.rows[sheet.header]!;
  const width = header.length;
  const last = table.rows.length - 1;
  // One pass over the whole text spares a test per cell in the common file without any.
  const mayHaveControls = CONTROL_CHARACTER.test(text);
  const check: RowShapeCheck = { errors: [], bad: new Set() };
  for (const i of sheet.rows) {
    if (i === exempt || (i === last && table.endsMidRow)) continue;
    const cells = table.rows[i]!;
    const row = table.rowNumbers[i]!;
    const error = cells.length !== width ? widthError(row, cells.length, width) : cellError(cells, header, row, mayHaveControls);
    if (!error) continue;
    check.errors.push(error);
    check.bad.add(i);
  }
  // Even a row of commas alone: the cut fell in a row, whatever it held.
  if (table.endsMidRow && last > sheet.header) {
    check.errors.push(truncated(table.rowNumbers[last]!));
    check.bad.add(last);
  }
  return check;
}

/** The first bad cell of a row of the right width: one error per row is enough to refuse it. */
function cellError(cells: readonly string[], header: readonly string[], row: number, mayHaveControls: boolean): RowError | null {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c]!;
    if (v.length > MAX_CELL_CHARS) return tooLong(row, columnLabel(header, c), v, MAX_CELL_CHARS);
    if (mayHaveControls && CONTROL_CHARACTER.test(v)) return control(row, columnLabel(header, c), v);
  }
  return null;
}

function columnLabel(header: readonly string[], col: number): string {
  return header[col]!.trim() || `column ${col + 1}`;
}

function truncated(row: number): RowError {
  return {
    row,
    code: 'FILE_TRUNCATED',
    message:
      `Row ${row}: the file ends in the middle of a row, so it was probably cut short (an interrupted ` +
      'download or copy). Download or export it again; a complete file ends with a line break.',
  };
}

function widthError(row: number, found: number, expected: number): RowError {
  const short = found < expected;
  return {
    row,
    code: short ? 'ROW_TOO_SHORT' : 'ROW_TOO_LONG',
    found,
    expected,
    message: short
      ? `Row ${row}: has ${found} cells but the header has ${expected}, so cells are missing. Export the file again.`
      : `Row ${row}: has ${found} cells but the header has ${expected}: a comma or quote mark in a cell is ` +
        'not quoted, or the row was edited by hand. Export the file again.',
  };
}

function tooLong(row: number, column: string | undefined, v: string, limit: number): RowError {
  return {
    row,
    ...(column === undefined ? {} : { column }),
    code: 'CELL_TOO_LONG',
    value: excerpt(v),
    found: v.length,
    limit,
    message: `Row ${row}: ${column ?? 'a column name'} holds ${v.length} characters; a cell may hold at most ${limit}. This is not an export.`,
  };
}

function control(row: number, column: string | undefined, v: string): RowError {
  const ch = CONTROL_CHARACTER.exec(v)![0].charCodeAt(0);
  const name = `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    row,
    ...(column === undefined ? {} : { column }),
    code: 'CONTROL_CHARACTER',
    value: excerpt(v),
    message: `Row ${row}: ${column ?? 'a column name'} contains the control character ${name} ("${excerpt(v)}"), which no order or product text has. The file is damaged.`,
  };
}
