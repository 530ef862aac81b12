import type { Order } from '../domain/types.js';
import { writeCsv } from '../import/csv.js';
import { formatLocalDate } from '../import/dates.js';
import { CANCEL_REQUESTED_WORD, statusWord } from '../import/statuses.js';

/**
 * Orders out in the Seller Center "OrderSKUList" layout, so the seller's existing spreadsheets and
 * tools read it and Packdesk's own importer reads it back unchanged. No description row (the
 * importer does not need one) and no Packdesk-only columns: packing progress has no place in the
 * import types, and a column that silently vanishes on re-import would mislead.
 */
export const ORDER_EXPORT_COLUMNS = [
  'Order ID',
  'Order Status',
  'Order Substatus',
  'Cancelation/Return Type',
  'SKU ID',
  'Seller SKU',
  'Product Name',
  'Variation',
  'Quantity',
  'Created Time',
  'Paid Time',
  'RTS Time',
  'Shipped Time',
  'Delivered Time',
  'Cancelled Time',
  'Cancel Reason',
  'Tracking ID',
  'Package ID',
  'Delivery Option',
  'Shipping Provider Name',
  'Buyer Message',
  'Buyer Username',
  'Recipient',
  'Phone #',
  'Zipcode',
  'Country',
  'State/Province',
  'City',
  'Districts',
  'Detail Address',
  'Weight(kg)',
  'Seller Note',
  'Shipping Due Time',
  'Collection Due Time',
] as const;

/** The platform's per-file export limit (seller handbook: 15,000 order rows). */
export const MAX_EXPORT_ROWS = 15_000;

export interface OrdersCsvOptions {
  /** Most data rows per file; default 15,000. */
  maxRows?: number;
  /** The seller's time zone, minutes east of UTC; dates are written in local time. */
  timeZoneOffsetMinutes?: number;
}

/**
 * One row per order line; files split so none holds more than `maxRows` data rows and no order
 * is cut across two files. An order with more lines than `maxRows` (not seen in practice) gets a
 * file of its own rather than being cut. Orders without lines have nothing to write and are skipped.
 * Each file starts with a UTF-8 BOM so spreadsheet programs show Chinese and accented text right.
 */
export function ordersToCsvFiles(orders: readonly Order[], opts: OrdersCsvOptions = {}): { rows: number; files: string[] } {
  const maxRows = Math.max(1, Math.floor(opts.maxRows ?? MAX_EXPORT_ROWS));
  const offset = opts.timeZoneOffsetMinutes ?? 0;
  const files: string[] = [];
  let chunk: string[][] = [];
  let rows = 0;
  const flush = () => {
    if (chunk.length > 0) files.push(`\uFEFF${writeCsv([[...ORDER_EXPORT_COLUMNS], ...chunk])}`);
    chunk = [];
  };
  for (const order of orders) {
    const lines = orderRows(order, offset);
    if (chunk.length + lines.length > maxRows) flush();
    chunk.push(...lines);
    rows += lines.length;
  }
  flush();
  return { rows, files };
}

/** The rows of one order, cells in ORDER_EXPORT_COLUMNS order. */
export function orderRows(order: Order, offsetMinutes: number): string[][] {
  const date = (ms: number | null) => (ms === null ? '' : formatLocalDate(ms, offsetMinutes));
  const r = order.recipient;
  return order.lines.map((line) => [
    order.id,
    statusWord(order.status),
    order.cancelRequestedAt !== null && order.status !== 'CANCELLED' ? CANCEL_REQUESTED_WORD : '',
    '',
    line.skuId,
    line.sellerSku,
    line.productName,
    line.variation,
    String(line.quantity),
    date(order.createdAt),
    date(order.paidAt),
    date(order.rtsAt),
    date(order.shippedAt),
    date(order.deliveredAt),
    date(order.cancelledAt),
    order.cancelReason,
    order.trackingNumber,
    order.packageId,
    order.deliveryOption,
    order.carrier,
    order.buyerMessage,
    order.buyerUsername,
    r.name,
    r.phone,
    r.postcode,
    r.country,
    r.state,
    r.city,
    r.district,
    r.address,
    order.weightKg === null ? '' : String(order.weightKg),
    order.sellerNote,
    date(order.platformDeadlines.shipBy),
    date(order.platformDeadlines.collectBy),
  ]);
}
