/**
 * The pick list printed on the thermal printer: one row per SKU with its bin, how many to pick,
 * the seller SKU, the product name and variation, and how many orders want it. On labels (100×150
 * mm by default) the rows run across as many labels as needed, each headed "page n of m"; on
 * continuous paper (a receipt roll, say 80 mm) it is one label as long as the list.
 */
import { DEFAULT_STOCK, type Label, type LabelElement, type StockSize } from '../label/model.js';
import type { PickListPrintData } from './types.js';
import { fitHeight, hLine, labelDate, textAt } from './layout.js';

/** Paper without gaps: the label is as long as the list. */
export interface ContinuousPaper {
  continuous: true;
  widthMm: number;
}

export type PickListPaper = StockSize | ContinuousPaper;

type PickRow = PickListPrintData['rows'][number];

const MARGIN = 3;
const HEADER_MM = 25;
const ROW_MM = 12;
const BOTTOM_MM = 3;

/** Column lefts and widths, as shares of the printable width, so any paper width works. */
interface Columns {
  bin: [number, number];
  qty: [number, number];
  sku: [number, number];
  orders: [number, number];
  full: [number, number];
}

function columns(widthMm: number): Columns {
  const w = widthMm - 2 * MARGIN;
  const at = (from: number, share: number): [number, number] => [MARGIN + from * w, share * w];
  return { bin: at(0, 0.24), qty: at(0.25, 0.12), sku: at(0.38, 0.5), orders: at(0.9, 0.1), full: at(0, 1) };
}

export function pickListPrintout(data: PickListPrintData, paper: PickListPaper = DEFAULT_STOCK): Label[] {
  if ('continuous' in paper) {
    const stock = { widthMm: paper.widthMm, heightMm: HEADER_MM + Math.max(1, data.rows.length) * ROW_MM + BOTTOM_MM };
    return [page(data, data.rows, stock, 1, 1)];
  }
  const perPage = Math.max(1, Math.floor((paper.heightMm - HEADER_MM - BOTTOM_MM) / ROW_MM));
  const pages = Math.max(1, Math.ceil(data.rows.length / perPage));
  return Array.from({ length: pages }, (_, i) => page(data, data.rows.slice(i * perPage, (i + 1) * perPage), paper, i + 1, pages));
}

function page(data: PickListPrintData, rows: readonly PickRow[], stock: StockSize, n: number, of: number): Label {
  const cols = columns(stock.widthMm);
  const elements = [...header(data, stock, cols, n, of), ...rows.flatMap((row, i) => rowElements(row, HEADER_MM + i * ROW_MM, cols))];
  if (rows.length === 0) elements.push(...textAt('Nothing to pick.', MARGIN, HEADER_MM + 2, 4, cols.full[1]));
  return { stock, elements };
}

function header(data: PickListPrintData, stock: StockSize, cols: Columns, n: number, of: number): LabelElement[] {
  const [left, width] = cols.full;
  const units = data.rows.reduce((sum, row) => sum + row.qty, 0);
  const orders = new Set(data.rows.flatMap((row) => row.orderIds)).size;
  const pageText = `Page ${n} of ${of}`;
  const pageWidth = Math.min(width / 2, 25);
  return [
    ...textAt(data.title || 'Pick list', left, 2.5, fitHeight(data.title || 'Pick list', width, 5.5, 3.5), width, { bold: true }),
    ...textAt(joinDateStation(data), left, 9.5, 3.5, width - pageWidth - 1),
    ...textAt(pageText, left + width - pageWidth, 9.5, fitHeight(pageText, pageWidth, 3.5, 2.5), pageWidth, { bold: true }),
    ...textAt(`${data.rows.length} SKUs, ${units} units, ${orders} orders`, left, 14, 3, width),
    hLine(0, 18.5, stock.widthMm, 0.6),
    ...textAt('BIN', cols.bin[0], 20, 2.8, cols.bin[1], { bold: true }),
    ...textAt('QTY', cols.qty[0], 20, 2.8, cols.qty[1], { bold: true }),
    ...textAt('SKU / ITEM', cols.sku[0], 20, 2.8, cols.sku[1], { bold: true }),
    ...textAt('ORD', cols.orders[0], 20, 2.8, cols.orders[1], { bold: true }),
    hLine(0, 23.5, stock.widthMm, 0.3),
  ];
}

function joinDateStation(data: PickListPrintData): string {
  const date = labelDate(data.printedAt, data.timeZoneOffsetMinutes);
  return data.station.trim() ? `${date}  Station ${data.station.trim()}` : date;
}

/** Bin and quantity in bold first: the picker walks to the bin, then counts. */
function rowElements(row: PickRow, top: number, cols: Columns): LabelElement[] {
  const bin = row.bin?.trim() || '-';
  const qty = String(row.qty);
  // The variation first, in brackets: a long name may be cut at the edge, the colour and size may not.
  const item = row.variation.trim() ? `[${row.variation.trim()}] ${row.name.trim()}` : row.name.trim();
  return [
    ...textAt(bin, cols.bin[0], top + 1, fitHeight(bin, cols.bin[1], 4.5, 2.5), cols.bin[1], { bold: true }),
    ...textAt(qty, cols.qty[0], top + 0.5, fitHeight(qty, cols.qty[1], 5.5, 2.5), cols.qty[1], { bold: true }),
    ...textAt(row.sellerSku, cols.sku[0], top + 1, fitHeight(row.sellerSku, cols.sku[1], 4, 2.5), cols.sku[1], { bold: true }),
    ...textAt(String(row.orderIds.length), cols.orders[0], top + 1, 3.5, cols.orders[1]),
    ...textAt(item, cols.full[0], top + 6.5, 3.5, cols.full[1]),
    hLine(0, top + ROW_MM - 0.5, cols.full[1] + 2 * MARGIN, 0.2),
  ];
}
