import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv } from '../../../core/import/catalogue.js';
import type { RowError } from '../../../core/import/types.js';
import { fixture } from '../../fixtures/load.js';
import { csvText } from '../../fixtures/order-file.js';

const where = (errors: RowError[]) => errors.map((e) => [e.row, e.column, e.code]);

describe('parseCatalogueCsv', () => {
  it('reads the English product list: several barcode columns and separators, empty stock as "unchanged"', () => {
    const parse = parseCatalogueCsv(fixture('catalogue/catalogue-en.csv'));
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(4);
    expect(parse.skus).toEqual([
      {
        sellerSku: 'CASE-CLR-15',
        name: 'Phone Case, Clear',
        variation: 'Clear, iPhone 15',
        bin: 'A-01-03',
        stockOnHand: 120,
        safetyStock: 10,
        barcodes: ['5012345678900', '5012345678917'],
        row: 2,
      },
      {
        sellerSku: 'STRAP-BLK-42',
        name: 'Silicone "Soft Touch" Strap',
        variation: 'Black, 42 mm',
        bin: 'A-02-11',
        stockOnHand: null,
        safetyStock: 5,
        barcodes: ['0012345678905', '4006381333931'],
        row: 3,
      },
      {
        sellerSku: 'LAMP-WHT-UK',
        name: 'LED Desk Lamp',
        variation: 'White, UK plug',
        bin: null,
        stockOnHand: 0,
        safetyStock: null,
        barcodes: [],
        row: 4,
      },
      {
        sellerSku: 'mug-sage',
        name: 'Ceramic Mug 350 ml',
        variation: 'Sage green',
        bin: 'B-10',
        stockOnHand: 35,
        safetyStock: null,
        barcodes: ['5060000000017', '5060000000024'],
        row: 5,
      },
    ]);
  });

  it('reads Chinese headers', () => {
    const parse = parseCatalogueCsv(fixture('catalogue/catalogue-zh.csv'));
    expect(parse.errors).toEqual([]);
    expect(parse.skus[0]).toEqual({
      sellerSku: 'BAG-RED',
      name: '帆布包',
      variation: '红色, 大号',
      bin: 'C-03',
      stockOnHand: 15,
      safetyStock: 2,
      barcodes: ['6901234567892'],
      row: 2,
    });
  });

  it('accepts the short header names', () => {
    const parse = parseCatalogueCsv(
      csvText([
        ['SKU', 'Name', 'UPC', 'Location', 'Stock'],
        ['A1', 'Mug', '012345678905', 'Z-9', '4'],
      ]),
    );
    expect(parse.skus[0]).toMatchObject({ sellerSku: 'A1', name: 'Mug', barcodes: ['012345678905'], bin: 'Z-9', stockOnHand: 4 });
  });

  it('refuses a file without a Seller SKU column', () => {
    const parse = parseCatalogueCsv(
      csvText([
        ['Name', 'Stock'],
        ['Mug', '3'],
      ]),
    );
    expect(where(parse.errors)).toEqual([[1, 'Seller SKU', 'MISSING_VALUE']]);
    expect(parse.skus).toEqual([]);
  });

  it('reports bad numbers and empty SKUs per row, and leaves those rows out', () => {
    const parse = parseCatalogueCsv(
      csvText([
        ['Seller SKU', 'Stock', 'Safety Stock'],
        ['A', 'ten', ''],
        ['B', '-1', '2.5'],
        ['', '1', ''],
        ['C', '3', ''],
      ]),
    );
    expect(where(parse.errors)).toEqual([
      [2, 'Stock', 'BAD_NUMBER'],
      [3, 'Stock', 'BAD_NUMBER'],
      [3, 'Safety Stock', 'BAD_NUMBER'],
      [4, 'Seller SKU', 'MISSING_VALUE'],
    ]);
    expect(parse.skus.map((s) => s.sellerSku)).toEqual(['C']);
  });

  it('reports a seller SKU listed twice, whatever its case', () => {
    const parse = parseCatalogueCsv(
      csvText([
        ['Seller SKU', 'Stock'],
        ['mug-1', '1'],
        ['B', '2'],
        ['MUG-1', '3'],
      ]),
    );
    expect(where(parse.errors)).toEqual([[4, 'Seller SKU', 'CONFLICTING_ROWS']]);
    expect(parse.errors[0]!.message).toContain('row 2');
  });

  it('refuses a barcode a spreadsheet turned into a number', () => {
    const parse = parseCatalogueCsv(
      csvText([
        ['Seller SKU', 'EAN'],
        ['A', '5.01235E+12'],
      ]),
    );
    expect(where(parse.errors)).toEqual([[2, 'EAN', 'BAD_NUMBER']]);
  });

  it('reports an unterminated quote', () => {
    expect(where(parseCatalogueCsv('Seller SKU,Name\r\nA,"Mug\r\n').errors)).toEqual([[2, undefined, 'MALFORMED_CSV']]);
  });
});
