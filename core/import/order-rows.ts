import type { OrderStatus } from '../domain/types.js';
import { cleanId, cleanText, excerpt, looksLikeMangledNumber, mangledIdMessage, parseDecimal, parsePositiveInt } from './cells.js';
import { columnName, type ColumnMap } from './columns.js';
import { dateShape, parseLocalDate, type DateOrderDecision } from './dates.js';
import { englishColumnName, type DateField, type OrderField } from './order-columns.js';
import { saysCancelRequested, statusFromText } from './statuses.js';
import type { ImportedOrder, RowError } from './types.js';

/** Order- and package-level values of one row, before rows of one order are merged. */
export interface OrderValues {
  status: OrderStatus | null;
  createdAt: number | null;
  paidAt: number | null;
  rtsAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  cancelledAt: number | null;
  shipBy: number | null;
  collectBy: number | null;
  weightKg: number | null;
  cancelReason: string;
  buyerUsername: string;
  buyerMessage: string;
  sellerNote: string;
  name: string;
  phone: string;
  postcode: string;
  country: string;
  state: string;
  city: string;
  district: string;
  address: string;
  trackingNumber: string;
  packageId: string;
  carrier: string;
  deliveryOption: string;
}

export type ImportedLine = ImportedOrder['lines'][number];

export interface OrderRow {
  row: number;
  orderId: string;
  cancelRequested: boolean;
  line: ImportedLine;
  values: OrderValues;
  /** False when any cell of the row was reported as an error. */
  ok: boolean;
}

export interface RowContext {
  cols: ColumnMap<OrderField>;
  dates: DateOrderDecision;
  offsetMinutes: number;
}

/** TikTok Shop order ids are 18 or 19 digits; room is left for other platforms' longer ones. */
const MAX_ORDER_ID_DIGITS = 32;
const ORDER_ID = /^\d{1,32}$/;
const MAX_PARCEL_CODE_CHARS = 64;
const PARCEL_CODE = /^[\x21-\x7E]{1,64}$/;

const ORDER_WORD = { DMY: 'day/month/year', MDY: 'month/day/year', YMD: 'year-month-day' } as const;

/**
 * Reads data rows one at a time; every problem found is pushed to `errors` (never just the first).
 * One reader per file and no closures per row: 15,000 rows must parse in well under half a second.
 */
export class OrderRowReader {
  private cells: readonly string[] = [];
  private row = 0;
  private ok = true;
  private readonly names = new Map<OrderField, string>();

  constructor(
    private readonly ctx: RowContext,
    private readonly errors: RowError[],
  ) {}

  read(cells: readonly string[], row: number): OrderRow {
    this.cells = cells;
    this.row = row;
    this.ok = true;
    const orderId = this.orderId();
    const substatus = this.text('substatus');
    const status = this.status(substatus);
    const line = this.line();
    const values = this.values(status);
    const cancelRequested = status !== 'CANCELLED' && (saysCancelRequested(substatus) || saysCancelRequested(this.text('cancelType')));
    return { row, orderId, cancelRequested, line, values, ok: this.ok };
  }

  private values(status: OrderStatus | null): OrderValues {
    const createdAt = this.date('createdAt');
    if (this.raw('createdAt').trim() === '') {
      this.fail('MISSING_VALUE', 'createdAt', `${this.name('createdAt')} is empty; every order needs the time it was placed.`);
    }
    return {
      status,
      createdAt,
      paidAt: this.date('paidAt'),
      rtsAt: this.date('rtsAt'),
      shippedAt: this.date('shippedAt'),
      deliveredAt: this.date('deliveredAt'),
      cancelledAt: this.date('cancelledAt'),
      shipBy: this.date('shipBy'),
      collectBy: this.date('collectBy'),
      weightKg: this.weight(),
      cancelReason: this.text('cancelReason'),
      buyerUsername: this.text('buyerUsername'),
      buyerMessage: this.text('buyerMessage'),
      sellerNote: this.text('sellerNote'),
      name: this.text('name'),
      phone: this.id('phone'),
      postcode: this.id('postcode'),
      country: this.text('country'),
      state: this.text('state'),
      city: this.text('city'),
      district: this.text('district'),
      address: joinAddress(this.cells, this.ctx.cols.multi.address),
      trackingNumber: this.parcelCode('trackingNumber'),
      packageId: this.parcelCode('packageId'),
      carrier: this.text('carrier'),
      deliveryOption: this.text('deliveryOption'),
    };
  }

  /**
   * A substatus that names a status is the finer one ("To ship" → "Awaiting collection"), except
   * after the order ended: a cancelled or completed order stays so.
   */
  private status(substatus: string): OrderStatus | null {
    const main = this.text('status');
    const fromMain = main === '' ? null : statusFromText(main);
    if (fromMain === 'CANCELLED' || fromMain === 'COMPLETED') return fromMain;
    const fromSub = substatus === '' ? null : statusFromText(substatus);
    if (fromSub) return fromSub;
    if (main === '') this.fail('MISSING_VALUE', 'status', `${this.name('status')} is empty.`);
    else if (!fromMain) {
      this.fail('UNKNOWN_STATUS', 'status', `${this.name('status')} "${excerpt(main)}" is not an order status Packdesk knows.`, main);
    }
    return fromMain;
  }

  private line(): ImportedLine {
    const sellerSku = this.id('sellerSku');
    const skuId = this.id('skuId') || sellerSku;
    if (skuId === '') {
      this.fail('MISSING_VALUE', 'skuId', `${this.name('skuId')} and ${this.name('sellerSku')} are both empty.`);
    }
    const qtyText = this.id('quantity');
    const quantity = qtyText === '' ? null : parsePositiveInt(qtyText);
    if (qtyText === '') this.fail('MISSING_VALUE', 'quantity', `${this.name('quantity')} is empty.`);
    else if (quantity === null) {
      this.fail('BAD_NUMBER', 'quantity', `${this.name('quantity')} "${excerpt(qtyText)}" is not a whole number of items (1 or more).`, qtyText);
    }
    return {
      skuId,
      sellerSku,
      productName: this.text('productName'),
      variation: this.text('variation'),
      quantity: quantity ?? 0,
    };
  }

  private weight(): number | null {
    const v = this.id('weightKg');
    if (v === '') return null;
    const kg = parseDecimal(v);
    if (kg === null) {
      this.fail('BAD_NUMBER', 'weightKg', `${this.name('weightKg')} "${excerpt(v)}" is not a weight in kilograms (write it like 0.25 or 0,25).`, v);
    }
    return kg;
  }

  private raw(f: OrderField): string {
    const col = this.ctx.cols.single[f];
    return col === undefined ? '' : (this.cells[col] ?? '');
  }

  private text(f: OrderField): string {
    return cleanText(this.raw(f));
  }

  private id(f: OrderField): string {
    const v = cleanId(this.raw(f));
    if (v !== '' && looksLikeMangledNumber(v)) {
      this.fail('BAD_NUMBER', f, mangledIdMessage(this.name(f), v), v);
    }
    return v;
  }

  /** Platform order ids are digits: anything else would be an order the platform never had. */
  private orderId(): string {
    const v = cleanId(this.raw('orderId'));
    const name = this.name('orderId');
    if (v === '') this.fail('MISSING_VALUE', 'orderId', `${name} is empty.`);
    else if (looksLikeMangledNumber(v)) this.fail('BAD_NUMBER', 'orderId', mangledIdMessage(name, v), v);
    else if (!ORDER_ID.test(v)) {
      this.fail('BAD_ORDER_ID', 'orderId', `${name} "${excerpt(v)}" is not a platform order id (digits only, at most ${MAX_ORDER_ID_DIGITS}).`, v);
    }
    return v;
  }

  /** Tracking numbers and package ids end up in barcodes and carrier systems: printable ASCII only. */
  private parcelCode(f: 'trackingNumber' | 'packageId'): string {
    const v = this.id(f);
    if (v !== '' && !PARCEL_CODE.test(v) && !looksLikeMangledNumber(v)) {
      this.fail(
        'BAD_TRACKING',
        f,
        `${this.name(f)} "${excerpt(v)}" is not a code a carrier uses (letters, digits and signs without spaces, at most ${MAX_PARCEL_CODE_CHARS}).`,
        v,
      );
    }
    return v;
  }

  private date(f: DateField): number | null {
    const v = this.text(f);
    const ms = parseLocalDate(v, this.ctx.dates.order, this.ctx.offsetMinutes);
    if (!Number.isNaN(ms)) return ms;
    this.fail('BAD_DATE', f, badDateMessage(this.name(f), v, this.ctx.dates), v);
    return null;
  }

  /** `message` without the row: it is prefixed here so every message names its row the same way. */
  private fail(code: RowError['code'], f: OrderField, message: string, value?: string): void {
    this.ok = false;
    const error: RowError = { row: this.row, column: this.name(f), code, message: `Row ${this.row}: ${message}` };
    if (value !== undefined) error.value = excerpt(value);
    this.errors.push(error);
  }

  private name(f: OrderField): string {
    let n = this.names.get(f);
    if (n === undefined) {
      n = columnName(this.ctx.cols, f, englishColumnName(f));
      this.names.set(f, n);
    }
    return n;
  }
}

/**
 * Markets split the address over several columns (street, house number, lines 1–2). Parts are
 * joined in file order; a part already there as whole words (a "Detail Address" that repeats
 * "Address Line 1") is not repeated.
 */
export function joinAddress(cells: readonly string[], cols: readonly number[] | undefined): string {
  if (!cols) return '';
  if (cols.length === 1) return cleanText(cells[cols[0]!]);
  let out = '';
  for (const col of cols) {
    const part = cleanText(cells[col]);
    if (part === '' || containsWords(out, part)) continue;
    out = out === '' ? part : `${out}, ${part}`;
  }
  return out;
}

/** Whether `part` occurs in `text` not glued to other letters or digits ("5" is not in "15"). */
function containsWords(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + part.length] ?? ' ')) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function badDateMessage(column: string, value: string, d: DateOrderDecision): string {
  const shape = dateShape(value);
  if (d.mixed && (shape === 'DMY' || shape === 'MDY') && shape !== d.order) {
    return (
      `${column} "${excerpt(value)}" is written ${ORDER_WORD[shape]}, but other dates in this file are ` +
      `${ORDER_WORD[d.order]}${d.example ? ` (e.g. "${d.example}")` : ''}. One file must use one date format.`
    );
  }
  return `${column} "${excerpt(value)}" is not a date Packdesk can read (read as ${ORDER_WORD[d.order]}).`;
}
