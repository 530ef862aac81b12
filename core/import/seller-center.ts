import { cleanId, cleanText } from './cells.js';
import { mapColumns, type ColumnMap } from './columns.js';
import { readCsv, type CsvTable } from './csv.js';
import { FILE_EMPTY, headerOnly, kindOfHeader, notAnOrderExport } from './file-kind.js';
import { DEFAULT_DATE_ORDER, DateEvidence, type DateOrderDecision } from './dates.js';
import { DATE_FIELDS, ORDER_ALIASES, englishColumnName, type OrderField } from './order-columns.js';
import { OrderGroups } from './order-groups.js';
import { OrderRowReader } from './order-rows.js';
import { headerErrors, rowShapeErrors, sheetOf, type Sheet } from './shape.js';
import type { DateOrder, OrderFileParse, RowError } from './types.js';

export interface OrderExportOptions {
  /** Forces how "03/04/2024" is read; otherwise decided from the whole file. */
  dateOrder?: DateOrder;
  /** The seller's time zone, minutes east of UTC (GMT+7 → 420); default 0. */
  timeZoneOffsetMinutes?: number;
}

/**
 * Reads a Seller Center order export ("OrderSKUList"): one row per SKU line, the order id
 * repeating. Collects every problem instead of stopping at the first; the caller refuses the
 * file when `errors` is not empty, and `orders` then holds only the orders without problems
 * (none at all when the CSV itself is broken).
 * The same SKU twice in one order becomes one line with the quantities summed: the packer picks
 * and scans by SKU, so two lines of one SKU would only split the same work.
 */
export function parseOrderExport(text: string, opts: OrderExportOptions = {}): OrderFileParse {
  const table = readCsv(text);
  const result: OrderFileParse = {
    orders: [],
    errors: [...table.errors],
    rowCount: 0,
    dateOrder: DEFAULT_DATE_ORDER,
    ignoredColumns: [],
    warnings: [],
    wrongKind: null,
  };
  const sheet = sheetOf(table);
  if (!sheet) {
    if (result.errors.length === 0) result.warnings.push(FILE_EMPTY);
    return result;
  }
  const headerProblems = headerErrors(table, sheet);
  if (headerProblems.length > 0) return { ...result, errors: [...headerProblems, ...result.errors] };
  const header = table.rows[sheet.header]!;
  const wrongKind = notAnOrderExport(kindOfHeader(header));
  if (wrongKind) return { ...result, errors: [], wrongKind };
  const cols = mapColumns(header, ORDER_ALIASES);
  result.ignoredColumns = cols.ignored;
  const missing = missingColumns(cols, table.rowNumbers[sheet.header]!);
  if (missing.length > 0) {
    result.errors.push(...missing);
    return result;
  }
  const description = descriptionRowIndex(table, sheet, cols);
  const shape = rowShapeErrors(table, sheet, text, description);
  result.errors.push(...shape.errors);
  const data = sheet.rows.filter((i) => i !== description);
  result.rowCount = data.length;
  if (data.length === 0 && result.errors.length === 0) result.warnings.push(headerOnly('orders'));
  const readable = data.filter((i) => !shape.bad.has(i));
  const dates = dateOrderOf(table.rows, readable, cols, opts.dateOrder);
  result.dateOrder = dates.order;
  const ctx = { cols, dates, offsetMinutes: opts.timeZoneOffsetMinutes ?? 0 };
  const groups = new OrderGroups({ table, cols, errors: result.errors });
  const reader = new OrderRowReader(ctx, result.errors);
  for (const i of readable) {
    const row = reader.read(table.rows[i]!, table.rowNumbers[i]!);
    if (row.orderId !== '') groups.add(row, i);
  }
  // Rows after a broken quote were never read, and a row of the wrong shape was skipped: an
  // order there may be missing lines, so none is offered.
  result.orders = table.errors.length > 0 || shape.errors.length > 0 ? [] : groups.orders();
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

/** Order ID, Order Status, Quantity and an SKU column are needed to know what to pack; so is Created Time. */
function missingColumns(cols: ColumnMap<OrderField>, headerRow: number): RowError[] {
  const needed: OrderField[][] = [['orderId'], ['status'], ['quantity'], ['skuId', 'sellerSku'], ['createdAt']];
  const errors: RowError[] = [];
  for (const anyOf of needed) {
    if (anyOf.some((f) => cols.single[f] !== undefined)) continue;
    const names = anyOf.map(englishColumnName).join('" or "');
    errors.push({
      row: headerRow,
      column: englishColumnName(anyOf[0]!),
      code: 'MISSING_VALUE',
      message: `The header row has no "${names}" column. Is this the Seller Center order export (OrderSKUList)?`,
    });
  }
  return errors;
}

/**
 * Seller Center's second row of localised column descriptions, or -1. It is recognised by not
 * looking like data: its Order ID cell is no id ("Platform unique order ID.") and its Quantity
 * cell is no number. Requiring both keeps a real first order with one bad cell reported instead
 * of skipped. A file cut inside that row is not taken as having one.
 */
function descriptionRowIndex(table: CsvTable, sheet: Sheet, cols: ColumnMap<OrderField>): number {
  const first = sheet.rows[0];
  if (first === undefined || (table.endsMidRow && first === table.rows.length - 1)) return -1;
  return isDescriptionRow(table.rows[first]!, cols) ? first : -1;
}

function isDescriptionRow(cells: readonly string[], cols: ColumnMap<OrderField>): boolean {
  // Wider than the header, or without a word under Order ID, it is a broken row, not a description.
  if (cells.length > cols.header.length) return false;
  const orderId = cleanId(cells[cols.single.orderId!]);
  const quantity = cleanId(cells[cols.single.quantity!]);
  return orderId !== '' && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(orderId) && !/^\d+([.,]\d+)?$/.test(quantity);
}

function dateOrderOf(rows: readonly string[][], data: readonly number[], cols: ColumnMap<OrderField>, forced: DateOrder | undefined): DateOrderDecision {
  const dateCols = DATE_FIELDS.map((f) => cols.single[f]).filter((c): c is number => c !== undefined);
  const evidence = new DateEvidence();
  for (const i of data) {
    const cells = rows[i]!;
    for (const c of dateCols) evidence.add(cleanText(cells[c]));
  }
  return evidence.decide(forced);
}
