import { describe, expect, it } from 'vitest';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import type { RowError } from '../../../core/import/types.js';
import { fixture } from '../../fixtures/load.js';
import { basicFile, csvText } from '../../fixtures/order-file.js';

/** Row, column and code of each error: what the seller is pointed to. */
const where = (errors: RowError[]) => errors.map((e) => [e.row, e.column, e.code]);

describe('parseOrderExport: broken files', () => {
  it('refuses a header without a required column, on row 1', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-missing-column.csv'));
    expect(where(parse.errors)).toEqual([[1, 'Quantity', 'MISSING_VALUE']]);
    expect(parse.errors[0]!.message).toContain('"Quantity"');
    expect(parse.orders).toEqual([]);
    expect(parse.ignoredColumns).toEqual(['Amount']);
  });

  it('names every bad quantity and leaves out the orders they belong to', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-bad-quantity.csv'));
    expect(where(parse.errors)).toEqual([
      [4, 'Quantity', 'BAD_NUMBER'],
      [5, 'Quantity', 'BAD_NUMBER'],
      [6, 'Quantity', 'MISSING_VALUE'],
      [7, 'Quantity', 'BAD_NUMBER'],
      [8, 'Quantity', 'BAD_NUMBER'],
    ]);
    expect(parse.errors[0]!.message).toBe('Row 4: Quantity "two" is not a whole number of items (1 or more).');
    // Row 3 is fine but its order continues on bad row 8: half an order must not be imported.
    expect(parse.orders).toEqual([]);
    expect(parse.rowCount).toBe(6);
  });

  it('names impossible dates, unreadable dates and a missing created time', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-bad-date.csv'));
    expect(where(parse.errors)).toEqual([
      [3, 'Created Time', 'BAD_DATE'],
      [5, 'Paid Time', 'BAD_DATE'],
      [6, 'Created Time', 'MISSING_VALUE'],
      [7, 'Created Time', 'BAD_DATE'],
    ]);
    expect(parse.errors[0]!.message).toContain('"31/02/2024 09:12:45"');
    expect(parse.orders.map((o) => o.id)).toEqual(['576462837465738292']);
  });

  it('reports the cells of a file that mixes day-first and month-first dates', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-mixed-dates.csv'));
    expect(parse.dateOrder).toBe('DMY');
    expect(where(parse.errors)).toEqual([
      [5, 'Created Time', 'BAD_DATE'],
      [5, 'Paid Time', 'BAD_DATE'],
    ]);
    expect(parse.errors[0]!.message).toContain('month/day/year');
  });

  it('reports an unterminated quote on the row it starts and imports nothing', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-unterminated-quote.csv'));
    expect(where(parse.errors)).toEqual([[5, undefined, 'MALFORMED_CSV']]);
    expect(parse.orders).toEqual([]);
  });

  it('reports rows of one order that disagree, and keeps orders whose rows only fill gaps', () => {
    const parse = parseOrderExport(fixture('seller-center/broken-conflicting-rows.csv'));
    expect(where(parse.errors)).toEqual([
      [4, 'Order Status', 'CONFLICTING_ROWS'],
      [6, 'Detail Address', 'CONFLICTING_ROWS'],
    ]);
    expect(parse.errors[0]!.message).toBe(
      'Row 4: order 576462837465738291 has Order Status "Shipped" here but "To ship" on row 3. All rows of one order must agree.',
    );
    expect(parse.orders.map((o) => o.id)).toEqual(['576462837465738293']);
    expect(parse.orders[0]!.paidAt).toBe(Date.parse('2024-03-17T12:00:30Z'));
    expect(parse.orders[0]!.recipient.address).toBe('5 Royal Mile');
  });
});

describe('parseOrderExport: bad cells', () => {
  it('reports an unknown status and an empty one', () => {
    const parse = parseOrderExport(basicFile([{ 'Order Status': 'Teleported' }, { 'Order ID': '2', 'Order Status': '' }]));
    expect(where(parse.errors)).toEqual([
      [2, 'Order Status', 'UNKNOWN_STATUS'],
      [3, 'Order Status', 'MISSING_VALUE'],
    ]);
    expect(parse.errors[0]!.message).toContain('"Teleported"');
  });

  it('reports an empty Order ID and a row with neither SKU ID nor Seller SKU', () => {
    const parse = parseOrderExport(basicFile([{ 'Order ID': '' }, { 'SKU ID': '', 'Seller SKU': '' }]));
    expect(where(parse.errors)).toEqual([
      [2, 'Order ID', 'MISSING_VALUE'],
      [3, 'SKU ID', 'MISSING_VALUE'],
    ]);
  });

  it('refuses ids a spreadsheet turned into numbers, since their digits are lost', () => {
    const parse = parseOrderExport(basicFile([{ 'Order ID': '5.76463E+17' }]));
    expect(where(parse.errors)).toEqual([[2, 'Order ID', 'BAD_NUMBER']]);
    expect(parse.errors[0]!.message).toContain('spreadsheet');
  });

  it('reports a weight that is not a number', () => {
    const parse = parseOrderExport(basicFile([{ 'Weight(kg)': '0.4 kg' }], ['Weight(kg)']));
    expect(where(parse.errors)).toEqual([[2, 'Weight(kg)', 'BAD_NUMBER']]);
  });

  it('collects every problem of one row, not just the first', () => {
    const parse = parseOrderExport(basicFile([{ 'Order Status': '??', Quantity: 'x', 'Created Time': 'soon' }]));
    expect(where(parse.errors)).toEqual([
      [2, 'Order Status', 'UNKNOWN_STATUS'],
      [2, 'Quantity', 'BAD_NUMBER'],
      [2, 'Created Time', 'BAD_DATE'],
    ]);
  });

  it('names every missing required column at once', () => {
    const parse = parseOrderExport(
      csvText([
        ['Order Number', 'Product Name'],
        ['1', 'Mug'],
      ]),
    );
    expect(where(parse.errors)).toEqual([
      [1, 'Order Status', 'MISSING_VALUE'],
      [1, 'Quantity', 'MISSING_VALUE'],
      [1, 'SKU ID', 'MISSING_VALUE'],
      [1, 'Created Time', 'MISSING_VALUE'],
    ]);
    expect(parse.errors[2]!.message).toContain('"SKU ID" or "Seller SKU"');
  });

  it('does not refuse an empty file but warns that it held nothing', () => {
    for (const text of ['', '\uFEFF\r\n']) {
      const parse = parseOrderExport(text);
      expect(parse.errors).toEqual([]);
      expect(parse.warnings.map((w) => w.code)).toEqual(['FILE_EMPTY']);
    }
  });
});
