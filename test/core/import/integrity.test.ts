import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv } from '../../../core/import/catalogue.js';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import type { RowError } from '../../../core/import/types.js';
import { fixture } from '../../fixtures/load.js';
import { makeOrderExport } from '../../fixtures/make-export.js';
import { BASIC_HEADER, BASIC_ROW, basicFile, csvText } from '../../fixtures/order-file.js';

/** Row, column and code of each error: what the seller is pointed to. */
const where = (errors: RowError[]) => errors.map((e) => [e.row, e.column, e.code]);
const basicCells = BASIC_HEADER.map((h) => BASIC_ROW[h]);

/**
 * Where a cut at `at` leaves a file that is complete as far as CSV can tell: right after a line
 * end outside quotes (a shorter export), or with only line ends cut away. Counted here, not with
 * the reader under test.
 */
function cutAtRowEnd(text: string, at: number): boolean {
  if (/^[\r\n]*$/.test(text.slice(at))) return true;
  let quoted = false;
  for (let i = 0; i < at; i++) if (text[i] === '"') quoted = !quoted;
  return !quoted && (text[at - 1] === '\n' || text[at - 1] === '\r');
}

describe('a file cut short', () => {
  const full = makeOrderExport(12, { seed: 3 });

  it('is refused wherever the cut falls inside a row (every character of a real export)', () => {
    const accepted: number[] = [];
    for (let at = 1; at < full.length; at++) {
      if (cutAtRowEnd(full, at)) continue;
      const parse = parseOrderExport(full.slice(0, at));
      if (parse.errors.length === 0 && parse.orders.length > 0) accepted.push(at);
    }
    expect(accepted).toEqual([]);
  });

  it('is refused as a catalogue too, wherever the cut falls inside a row', () => {
    const catalogue = fixture('catalogue/catalogue-en.csv');
    const accepted: number[] = [];
    for (let at = 1; at < catalogue.length; at++) {
      if (cutAtRowEnd(catalogue, at)) continue;
      const parse = parseCatalogueCsv(catalogue.slice(0, at));
      if (parse.errors.length === 0 && !parse.wrongKind && parse.skus.length > 0) accepted.push(at);
    }
    expect(accepted).toEqual([]);
  });

  it('says the file ends in the middle of a row, naming that row', () => {
    const text = basicFile([{}, { 'Order ID': '576462837465738292' }]);
    const cut = text.slice(0, text.lastIndexOf('Amelia') + 3);
    const parse = parseOrderExport(cut);
    expect(where(parse.errors)).toEqual([[3, undefined, 'FILE_TRUNCATED']]);
    expect(parse.errors[0]!.message).toContain('ends in the middle of a row');
    expect(parse.orders).toEqual([]);
  });

  it('is refused when the cut falls right after a comma, or inside a quoted cell', () => {
    const text = basicFile([{}, { 'Order ID': '576462837465738292', Recipient: 'Jones, Amelia' }]);
    const afterComma = text.slice(0, text.lastIndexOf(',"Jones') + 1);
    expect(where(parseOrderExport(afterComma).errors)).toEqual([[3, undefined, 'FILE_TRUNCATED']]);
    const inQuotes = text.slice(0, text.lastIndexOf('Amelia'));
    expect(parseOrderExport(inQuotes).errors.map((e) => e.code)).toEqual(['MALFORMED_CSV']);
  });

  it('refuses a full-width last row that has no line end: its last cell may be cut', () => {
    const text = basicFile([{}]).trimEnd();
    expect(where(parseOrderExport(text).errors)).toEqual([[2, undefined, 'FILE_TRUNCATED']]);
    expect(where(parseCatalogueCsv('Seller SKU,Stock\r\nA-1,12').errors)).toEqual([[2, undefined, 'FILE_TRUNCATED']]);
  });
});

describe('rows that do not match the header', () => {
  it('refuses a row with fewer cells than the header instead of reading the missing ones as empty', () => {
    const text = csvText([[...BASIC_HEADER], basicCells, basicCells.slice(0, 6)]) + csvText([basicCells]);
    const parse = parseOrderExport(text);
    expect(parse.errors).toEqual([expect.objectContaining({ row: 3, code: 'ROW_TOO_SHORT', found: 6, expected: BASIC_HEADER.length })]);
    expect(parse.errors[0]!.message).toMatch(/^Row 3: .*6 cells.*9/);
    expect(parse.orders).toEqual([]);
  });

  it('refuses a row with more cells than the header, even when the extra ones are empty', () => {
    const parse = parseOrderExport(csvText([[...BASIC_HEADER], [...basicCells, '']]));
    expect(parse.errors).toEqual([expect.objectContaining({ row: 2, code: 'ROW_TOO_LONG', found: 10, expected: 9 })]);
  });

  it('checks catalogue rows the same way', () => {
    const parse = parseCatalogueCsv('Seller SKU,Bin,Stock\r\nA-1,B-2\r\nA-2,B-3,4,5\r\n');
    expect(where(parse.errors)).toEqual([
      [2, undefined, 'ROW_TOO_SHORT'],
      [3, undefined, 'ROW_TOO_LONG'],
    ]);
    expect(parse.skus).toEqual([]);
  });
});

describe('phantom orders', () => {
  it('refuses order ids that are not digits: quotes, letters, spaces', () => {
    const parse = parseOrderExport(basicFile([{ 'Order ID': '5764"62' }, { 'Order ID': 'ABC-1' }, { 'Order ID': '5764 6283' }]));
    expect(where(parse.errors)).toEqual([
      [2, 'Order ID', 'BAD_ORDER_ID'],
      [3, 'Order ID', 'BAD_ORDER_ID'],
      [4, 'Order ID', 'BAD_ORDER_ID'],
    ]);
    expect(parse.errors[0]!.value).toBe('5764"62');
    expect(parse.orders).toEqual([]);
  });

  it('refuses an order id longer than any platform id', () => {
    const parse = parseOrderExport(basicFile([{ 'Order ID': '1'.repeat(40) }]));
    expect(where(parse.errors)).toEqual([[2, 'Order ID', 'BAD_ORDER_ID']]);
  });

  it('refuses control characters in any cell (ESC, NUL, DEL, C1), naming the column and showing the character', () => {
    const parse = parseOrderExport(
      basicFile([{ 'Order ID': '5764\u001b62' }, { Recipient: 'Amelia\u0000Jones' }, { 'Product Name': 'Mug\u007f' }, { 'Seller SKU': 'A\u0085B' }]),
    );
    expect(where(parse.errors)).toEqual([
      [2, 'Order ID', 'CONTROL_CHARACTER'],
      [3, 'Recipient', 'CONTROL_CHARACTER'],
      [4, 'Product Name', 'CONTROL_CHARACTER'],
      [5, 'Seller SKU', 'CONTROL_CHARACTER'],
    ]);
    expect(parse.errors[0]!.value).toBe('5764\\u001B62');
    expect(parse.orders).toEqual([]);
  });

  it('keeps line breaks and tabs inside cells: buyers write them and spreadsheets pad ids with tabs', () => {
    const parse = parseOrderExport(basicFile([{ 'Order ID': '\t576462837465738291', Recipient: 'Amelia\r\nJones\tjr' }]));
    expect(parse.errors).toEqual([]);
    expect(parse.orders[0]!.recipient.name).toBe('Amelia\r\nJones\tjr');
  });

  it('refuses a 5 MB cell of quoted commas without crashing (two-byte text overflowed the status regex)', () => {
    const huge = '","'.repeat(1_700_000);
    const parse = parseOrderExport(basicFile([{ 'Order Status': huge, Recipient: '张伟' }]));
    expect(parse.errors).toEqual([expect.objectContaining({ row: 2, column: 'Order Status', code: 'CELL_TOO_LONG', found: huge.length })]);
    expect(parse.errors[0]!.value!.length).toBeLessThan(100);
    expect(parse.orders).toEqual([]);
  });

  it('refuses a 5 MB order id of bare commas as a row far wider than the header', () => {
    const parse = parseOrderExport(basicFile([{ Recipient: '张伟' }]).replace('576462837465738291', ','.repeat(5_000_000)));
    expect(where(parse.errors)).toEqual([[2, undefined, 'ROW_TOO_LONG']]);
    expect(parse.orders).toEqual([]);
  });

  it('refuses a header name of 5 MB without crashing', () => {
    const parse = parseOrderExport(
      csvText([
        ['Order ID', `中${'-'.repeat(5_000_000)}`],
        ['1', '2'],
      ]),
    );
    expect(where(parse.errors)).toEqual([[1, undefined, 'CELL_TOO_LONG']]);
  });
});

describe('cells built to make a parser backtrack', () => {
  it('reads a date cell with a long run of spaces at once (the date pattern took seconds per cell)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ 'Order ID': String(1000 + i), 'Created Time': `15/03/2024 09:12${' '.repeat(1_900)}x` }));
    const parse = parseOrderExport(basicFile(rows));
    expect(parse.errors).toHaveLength(200);
    expect(new Set(parse.errors.map((e) => e.code))).toEqual(new Set(['BAD_DATE']));
  });
});

describe('tracking numbers and package ids', () => {
  it('must be printable ASCII of a sane length: they are printed as barcodes', () => {
    const extra = ['Tracking ID', 'Package ID'];
    const parse = parseOrderExport(
      basicFile(
        [
          { 'Tracking ID': 'TT 1234 GB' },
          { 'Tracking ID': 'TT1234😀' },
          { 'Package ID': '9'.repeat(80) },
          { 'Tracking ID': 'TT123456789GB', 'Package ID': '1153620094518203482' },
        ],
        extra,
      ),
    );
    expect(where(parse.errors)).toEqual([
      [2, 'Tracking ID', 'BAD_TRACKING'],
      [3, 'Tracking ID', 'BAD_TRACKING'],
      [4, 'Package ID', 'BAD_TRACKING'],
    ]);
  });
});

describe('files with nothing to import, or of the wrong kind', () => {
  it('warns on an empty file instead of reporting success with zeros', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n', '  \r\n']) {
      const parse = parseOrderExport(text);
      expect(parse.errors).toEqual([]);
      expect(parse.warnings.map((w) => w.code)).toEqual(['FILE_EMPTY']);
      expect(parseCatalogueCsv(text).warnings.map((w) => w.code)).toEqual(['FILE_EMPTY']);
    }
  });

  it('warns on a file with a header and no rows, with or without the description row', () => {
    const header = makeOrderExport(3).split('\r\n');
    for (const text of [`${header[0]}\r\n`, `${header.slice(0, 2).join('\r\n')}\r\n`]) {
      const parse = parseOrderExport(text);
      expect(parse.errors).toEqual([]);
      expect(parse.warnings.map((w) => w.code)).toEqual(['FILE_HEADER_ONLY']);
      expect(parse.rowCount).toBe(0);
    }
    expect(parseCatalogueCsv('Seller SKU,Bin\r\n').warnings.map((w) => w.code)).toEqual(['FILE_HEADER_ONLY']);
  });

  it('sees a catalogue given as an order export, and a CSV that is neither', () => {
    expect(parseOrderExport(fixture('catalogue/catalogue-en.csv')).wrongKind).toMatchObject({ looksLike: 'catalogue' });
    expect(parseOrderExport('Date,Amount,Payee\r\n2024-01-01,3.50,Cafe\r\n').wrongKind).toMatchObject({ looksLike: 'unknown' });
    expect(parseOrderExport(fixture('seller-center/orders-en-dmy.csv')).wrongKind).toBeNull();
  });

  it('sees an order export given as a catalogue, and a CSV that is neither', () => {
    const orders = parseCatalogueCsv(fixture('seller-center/orders-en-dmy.csv'));
    expect(orders.wrongKind).toMatchObject({ looksLike: 'orders' });
    expect(orders.wrongKind!.message).toMatch(/order export/);
    expect(orders.skus).toEqual([]);
    expect(parseCatalogueCsv('Date,Amount,Payee\r\n2024-01-01,3.50,Cafe\r\n').wrongKind).toMatchObject({ looksLike: 'unknown' });
    expect(parseCatalogueCsv(fixture('catalogue/catalogue-en.csv')).wrongKind).toBeNull();
  });

  it('still names missing columns of an order export that has its Order ID column', () => {
    const parse = parseOrderExport(
      csvText([
        ['Order Number', 'Product Name'],
        ['1', 'Mug'],
      ]),
    );
    expect(parse.wrongKind).toBeNull();
    expect(parse.errors.map((e) => e.code)).toEqual(['MISSING_VALUE', 'MISSING_VALUE', 'MISSING_VALUE', 'MISSING_VALUE']);
  });
});
