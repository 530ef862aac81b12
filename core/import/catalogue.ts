import {
  cleanId,
  cleanText,
  isBlankRow,
  looksLikeMangledNumber,
  mangledIdMessage,
  parseWholeNumber,
} from './cells.js';
import { aliasIndex, columnName, mapColumns, type ColumnMap, type ColumnSpec } from './columns.js';
import { readCsv } from './csv.js';
import type { CatalogueFileParse, ImportedSku, RowError } from './types.js';

/**
 * The seller's own product list: SKU, name, barcodes, bin and stock. Columns are found by name in
 * English or Chinese; only Seller SKU is required. An empty stock cell means "leave it as it is".
 */
type CatalogueField = 'sellerSku' | 'name' | 'variation' | 'barcodes' | 'bin' | 'stockOnHand' | 'safetyStock';

const SPECS: ColumnSpec<CatalogueField>[] = [
  { field: 'sellerSku', aliases: ['Seller SKU', 'SKU', 'Seller SKU ID', 'SKU Code', '卖家SKU', '商家SKU', '商家编码', 'SKU编码'] },
  { field: 'name', aliases: ['Name', 'Product Name', 'Item Name', 'Product', '商品名称', '产品名称', '名称', '品名'] },
  { field: 'variation', aliases: ['Variation', 'Variant', 'Variation Name', '规格', '变体', '规格/变体'] },
  {
    field: 'barcodes',
    aliases: ['Barcodes', 'Barcode', 'EAN', 'UPC', 'GTIN', 'EAN13', 'Barcode 2', 'Barcode 3', '条码', '条形码', '商品条码'],
    multi: true,
  },
  { field: 'bin', aliases: ['Bin', 'Bin Location', 'Location', 'Shelf', '库位', '货位', '储位'] },
  { field: 'stockOnHand', aliases: ['Stock', 'Stock On Hand', 'On Hand', 'Quantity', 'Qty', '库存', '现有库存', '库存数量'] },
  { field: 'safetyStock', aliases: ['Safety Stock', 'Min Stock', 'Minimum Stock', '安全库存'] },
];

const ALIASES = aliasIndex(SPECS);

/** Codes in one cell may be separated by ; , | or white space. */
const CODE_SEPARATOR = /[;,|\s]+/;

export function parseCatalogueCsv(text: string): CatalogueFileParse {
  const table = readCsv(text);
  const result: CatalogueFileParse = { skus: [], errors: [...table.errors], rowCount: 0 };
  const header = table.rows[0];
  if (!header) {
    if (result.errors.length === 0) result.errors.push({ row: 1, code: 'MISSING_VALUE', message: 'The file is empty.' });
    return result;
  }
  const cols = mapColumns(header, ALIASES);
  if (cols.single.sellerSku === undefined) {
    result.errors.push({
      row: table.rowNumbers[0]!,
      column: 'Seller SKU',
      code: 'MISSING_VALUE',
      message: 'The header row has no "Seller SKU" column, so Packdesk cannot tell which product a row is.',
    });
    return result;
  }
  const firstRowOf = new Map<string, number>();
  for (let i = 1; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    if (isBlankRow(cells)) continue;
    result.rowCount++;
    const sku = readSkuRow(cells, table.rowNumbers[i]!, cols, result.errors);
    if (!sku) continue;
    // Seller SKUs are matched case-insensitively elsewhere too: "ab-1" and "AB-1" are one product.
    const key = sku.sellerSku.toUpperCase();
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      result.errors.push(duplicate(sku, first, columnName(cols, 'sellerSku', 'Seller SKU')));
      continue;
    }
    firstRowOf.set(key, sku.row);
    result.skus.push(sku);
  }
  return result;
}

/** One product row, or null when it has a problem (all of them pushed to `errors`). */
function readSkuRow(
  cells: readonly string[],
  row: number,
  cols: ColumnMap<CatalogueField>,
  errors: RowError[],
): ImportedSku | null {
  const before = errors.length;
  const cell = (f: CatalogueField) => {
    const col = cols.single[f];
    return col === undefined ? undefined : cells[col];
  };
  const name = (f: CatalogueField) => columnName(cols, f, f);
  const sellerSku = cleanId(cell('sellerSku'));
  if (sellerSku === '') errors.push({ row, column: name('sellerSku'), code: 'MISSING_VALUE', message: `Row ${row}: ${name('sellerSku')} is empty.` });
  const count = (f: 'stockOnHand' | 'safetyStock') => {
    const v = cleanId(cell(f));
    if (v === '') return null;
    const n = parseWholeNumber(v);
    if (n === null) {
      errors.push({ row, column: name(f), code: 'BAD_NUMBER', message: `Row ${row}: ${name(f)} "${v}" is not a whole number of items (0 or more).` });
    }
    return n;
  };
  const sku: ImportedSku = {
    sellerSku,
    name: cleanText(cell('name')),
    variation: cleanText(cell('variation')),
    bin: cleanText(cell('bin')) || null,
    stockOnHand: count('stockOnHand'),
    safetyStock: count('safetyStock'),
    barcodes: readBarcodes(cells, cols, row, errors),
    row,
  };
  return errors.length === before ? sku : null;
}

function readBarcodes(cells: readonly string[], cols: ColumnMap<CatalogueField>, row: number, errors: RowError[]): string[] {
  const codes: string[] = [];
  for (const col of cols.multi.barcodes ?? []) {
    for (const part of (cells[col] ?? '').split(CODE_SEPARATOR)) {
      const code = cleanId(part);
      if (code === '' || codes.includes(code)) continue;
      if (looksLikeMangledNumber(code)) {
        const column = cols.header[col]!.trim();
        errors.push({ row, column, code: 'BAD_NUMBER', message: `Row ${row}: ${mangledIdMessage(column, code)}` });
        continue;
      }
      codes.push(code);
    }
  }
  return codes;
}

function duplicate(sku: ImportedSku, firstRow: number, column: string): RowError {
  return {
    row: sku.row,
    column,
    code: 'CONFLICTING_ROWS',
    message: `Row ${sku.row}: ${column} "${sku.sellerSku}" is already on row ${firstRow}. Each product may appear once.`,
  };
}
