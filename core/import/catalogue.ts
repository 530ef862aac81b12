import { cleanId, cleanText, excerpt, looksLikeMangledNumber, mangledIdMessage, parseWholeNumber } from './cells.js';
import { CATALOGUE_ALIASES, type CatalogueField } from './catalogue-columns.js';
import { columnName, mapColumns, type ColumnMap } from './columns.js';
import { readCsv } from './csv.js';
import { FILE_EMPTY, headerOnly, kindOfHeader, notACatalogue } from './file-kind.js';
import { headerErrors, rowShapeErrors, sheetOf } from './shape.js';
import type { CatalogueFileParse, ImportedSku, RowError } from './types.js';

/** Codes in one cell may be separated by ; , | or white space. */
const CODE_SEPARATOR = /[;,|\s]+/;

/**
 * The seller's own product list: SKU, name, barcodes, bin and stock. An empty stock cell means
 * "leave it as it is". Like the order import, every problem is collected and any one refuses the file.
 */
export function parseCatalogueCsv(text: string): CatalogueFileParse {
  const table = readCsv(text);
  const result: CatalogueFileParse = { skus: [], errors: [...table.errors], rowCount: 0, warnings: [], wrongKind: null };
  const sheet = sheetOf(table);
  if (!sheet) {
    if (result.errors.length === 0) result.warnings.push(FILE_EMPTY);
    return result;
  }
  const headerProblems = headerErrors(table, sheet);
  if (headerProblems.length > 0) return { ...result, errors: [...headerProblems, ...result.errors] };
  const header = table.rows[sheet.header]!;
  const wrongKind = notACatalogue(kindOfHeader(header));
  if (wrongKind) return { ...result, errors: [], wrongKind };
  const cols = mapColumns(header, CATALOGUE_ALIASES);
  if (cols.single.sellerSku === undefined) {
    result.errors.push({
      row: table.rowNumbers[sheet.header]!,
      column: 'Seller SKU',
      code: 'MISSING_VALUE',
      message: 'The header row has no "Seller SKU" column, so Packdesk cannot tell which product a row is.',
    });
    return result;
  }
  const shape = rowShapeErrors(table, sheet, text);
  result.errors.push(...shape.errors);
  result.rowCount = sheet.rows.length;
  if (result.rowCount === 0 && result.errors.length === 0) result.warnings.push(headerOnly('products'));
  const firstRowOf = new Map<string, number>();
  for (const i of sheet.rows) {
    if (shape.bad.has(i)) continue;
    const sku = readSkuRow(table.rows[i]!, table.rowNumbers[i]!, cols, result.errors);
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
  if (shape.errors.length > 0 || table.errors.length > 0) result.skus = [];
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

/** One product row, or null when it has a problem (all of them pushed to `errors`). */
function readSkuRow(cells: readonly string[], row: number, cols: ColumnMap<CatalogueField>, errors: RowError[]): ImportedSku | null {
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
      errors.push({
        row,
        column: name(f),
        code: 'BAD_NUMBER',
        value: excerpt(v),
        message: `Row ${row}: ${name(f)} "${excerpt(v)}" is not a whole number of items (0 or more).`,
      });
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
        errors.push({ row, column, code: 'BAD_NUMBER', value: excerpt(code), message: `Row ${row}: ${mangledIdMessage(column, code)}` });
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
    value: excerpt(sku.sellerSku),
    message: `Row ${sku.row}: ${column} "${excerpt(sku.sellerSku)}" is already on row ${firstRow}. Each product may appear once.`,
  };
}
