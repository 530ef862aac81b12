import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../core/import/csv.js';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import { EXPORT_HEADER, makeOrderExport } from '../../fixtures/make-export.js';

describe('makeOrderExport (fixture generator)', () => {
  it('is deterministic for a seed and writes exactly the rows asked for', () => {
    const a = makeOrderExport(500, { seed: 7 });
    expect(makeOrderExport(500, { seed: 7 })).toBe(a);
    expect(makeOrderExport(500, { seed: 8 })).not.toBe(a);
    const parse = parseOrderExport(a);
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(500);
    expect(parse.orders.reduce((n, o) => n + o.rows.length, 0)).toBe(500);
    expect(parse.orders.some((o) => o.lines.length > 1)).toBe(true);
  });

  it('writes every date order the importer must detect', () => {
    for (const dateOrder of ['DMY', 'MDY', 'YMD'] as const) {
      const parse = parseOrderExport(makeOrderExport(300, { dateOrder, descriptionRow: false, bom: false, lineEnd: '\n' }));
      expect(parse.errors).toEqual([]);
      expect(parse.dateOrder).toBe(dateOrder);
    }
  });
});

// Speed is measured by `npm run bench`, not here: tests are not timed.
describe('a file at the platform limit of 15,000 rows', () => {
  const text = makeOrderExport(15_000, { seed: 42 });

  it('reads every row and column', () => {
    const table = readCsv(text);
    expect(table.rows).toHaveLength(15_002);
    expect(table.rows[2]).toHaveLength(EXPORT_HEADER.length);
  });

  it('parses into orders without errors', () => {
    const parse = parseOrderExport(text);
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(15_000);
  });
});
