import { normaliseScan, type ScanNormalisation } from './barcode.js';
import { PackdeskError } from './errors.js';
import { isPackDone, matchItem, packUnit, unitsOrdered, type ScanVerdictCode } from './packing.js';
import { currentPackage, matchPackage, orderForUnit, packageProgress, type PackageContents } from './parcels.js';
import { packRefusal, REFUSAL_MESSAGES } from './status.js';
import type { Millis, Order } from './types.js';

/** The catalogue SKU a scanned code names. */
export interface ScannedItem {
  skuId: string;
  sellerSku: string;
  name: string;
}

/**
 * Everything one scan's decision needs, loaded in the same transaction that saves its outcome, so
 * the decision never works on what another program changed meanwhile.
 */
export interface ScanState {
  /** The order open at this station, as stored now. */
  open: Order | null;
  /** The order the code names (order id, tracking number or package id). */
  named: Order | null;
  /** The SKU the code names (a barcode or the seller SKU). */
  item: ScannedItem | null;
  /** Single-item mode: the most urgent packable single-item order waiting for that SKU. */
  single: Order | null;
  /** The open order's parcel, when it is not simply one order in one package (parcels.ts). */
  parcel?: ParcelFacts | null;
  /** Orders whose shipment was arranged here before packing (arrange-ahead): they may be packed while awaiting collection. */
  arrangedAhead?: ReadonlySet<string>;
}

/** A split order's packages, packed one after the other, or the other orders of a combined package. */
export interface ParcelFacts {
  /** The open order's packages with what each holds, in order ("package 1 of 2"). */
  contents: PackageContents[];
  /** The other orders in the open order's package: a combined package is packed as one parcel. */
  siblings: Order[];
}

export interface ScanRequest {
  /** The code as normalised by readScanCode. */
  code: string;
  packer: string;
  singleItemMode: boolean;
}

/** What one scan means, and what must be saved for it. Pure: the store applies it. */
export interface ScanDecision {
  code: ScanVerdictCode;
  message: string;
  /** The order the verdict is about, as it stands after the scan. */
  order: Order | null;
  item: ScannedItem | null;
  /** The line the scan counted on (or, for OVER_SCAN, the line that is already full). */
  lineIndex: number | null;
  /** True when a unit was packed: the order to save is `order`, `previous` is what was read. */
  packed: { previous: Order } | null;
  /** The station's open order after the scan; undefined leaves it as it is. */
  open?: string;
}

const OK_CODES: readonly ScanVerdictCode[] = ['ORDER_OPENED', 'ACCEPTED', 'ORDER_COMPLETE'];

export function isOkVerdict(code: ScanVerdictCode): boolean {
  return OK_CODES.includes(code);
}

/** Turns raw scanner input into the code to look up, or the verdict for input that is no code. */
export function readScanCode(raw: string, settings: ScanNormalisation): { ok: true; code: string } | { ok: false; decision: ScanDecision } {
  try {
    return { ok: true, code: normaliseScan(raw, settings) };
  } catch (err) {
    if (!(err instanceof PackdeskError)) throw err;
    return { ok: false, decision: verdict(err.code as ScanVerdictCode, err.message, null) };
  }
}

function verdict(code: ScanVerdictCode, message: string, order: Order | null, more: Partial<ScanDecision> = {}): ScanDecision {
  return { code, message, order, item: null, lineIndex: null, packed: null, ...more };
}

/** Why the order must not be packed now; an order arranged ahead here may be packed until it is handed over. */
function refusalFor(order: Order, state: Pick<ScanState, 'arrangedAhead'>): ReturnType<typeof packRefusal> {
  const ahead = state.arrangedAhead?.has(order.id) && order.status === 'AWAITING_COLLECTION' && order.handedOverAt === null && !isPackDone(order);
  return ahead ? null : packRefusal(order);
}

/** "package 2 of 2" after a unit was packed, when that filled a package and another follows. */
function packageNote(next: Order, parcel: ParcelFacts | null | undefined): string {
  if (!parcel || parcel.contents.length <= 1) return '';
  const progress = packageProgress(next, parcel.contents);
  const current = currentPackage(progress);
  const done = progress.filter((p) => p.packed === p.total && p.total > 0);
  if (!current) return '';
  const justFilled = done.find((p) => p.seq === current.seq - 1);
  return justFilled
    ? ` Package ${justFilled.seq} of ${justFilled.of} is complete: print its label, then pack package ${current.seq}.`
    : ` Package ${current.seq} of ${current.of}: ${current.packed} of ${current.total}.`;
}

/**
 * An order code: the order opens unless it may not be packed. A refused order does not replace the
 * one the station has open; nor does one that is packed already — the packer sees when and by whom,
 * and may reprint its label, but scanning it again never reopens it.
 */
function openNamed(order: Order, state: Pick<ScanState, 'arrangedAhead'> = {}): ScanDecision {
  const refusal = refusalFor(order, state);
  const arrangedAfterPacking = refusal === 'ORDER_ALREADY_SHIPPED' && order.status === 'AWAITING_COLLECTION';
  if (isPackDone(order) && (refusal === null || arrangedAfterPacking)) {
    const by = order.packedBy ? ` by ${order.packedBy}` : '';
    return verdict('ORDER_ALREADY_PACKED', `Order ${order.id} is already packed${by}: reprint its label if it needs one.`, order);
  }
  if (refusal) return verdict(refusal as ScanVerdictCode, REFUSAL_MESSAGES[refusal] ?? refusal, order);
  return verdict('ORDER_OPENED', `Order ${order.id} opened: ${unitsOrdered(order)} item(s) to pack.`, order, { open: order.id });
}

/** A unit for another order of the same (combined) package: packed into it, the parcel stays open. */
function packSibling(
  open: Order,
  sibling: Order,
  lineIndex: number,
  item: ScannedItem,
  scan: ScanRequest,
  now: Millis,
  state: Pick<ScanState, 'arrangedAhead'>,
): ScanDecision {
  const refusal = refusalFor(sibling, state);
  if (refusal) return verdict(refusal as ScanVerdictCode, `Order ${sibling.id} in this parcel: ${REFUSAL_MESSAGES[refusal] ?? refusal}`, sibling, { item });
  const next = packUnit(sibling, lineIndex, now, scan.packer);
  const line = next.lines[lineIndex]!;
  // The station keeps the parcel open on an order that still needs items.
  const more = { item, lineIndex, packed: { previous: sibling }, ...(isPackDone(open) && next.packedAt === null ? { open: sibling.id } : {}) };
  const text = `${line.sellerSku} for order ${sibling.id} (the same parcel): ${line.packedQuantity} of ${line.quantity}.`;
  return next.packedAt !== null ? verdict('ORDER_COMPLETE', `${text} Order ${sibling.id} is complete.`, next, more) : verdict('ACCEPTED', text, next, more);
}

/** One unit of a SKU into an order: accepted, complete, over-scanned or wrong. */
function packInto(
  order: Order,
  item: ScannedItem,
  scan: ScanRequest,
  now: Millis,
  open?: string,
  state: Pick<ScanState, 'parcel' | 'arrangedAhead'> = {},
): ScanDecision {
  const refusal = refusalFor(order, state);
  // The order changed under the packer (a cancellation request arrived): stop them here.
  if (refusal) return verdict(refusal as ScanVerdictCode, REFUSAL_MESSAGES[refusal] ?? refusal, order, { item });
  const parcel = state.parcel;
  const match = matchItem(order, item.skuId);
  if (match.kind !== 'ACCEPT' && parcel?.siblings.length) {
    const other = orderForUnit(parcel.siblings, item.skuId);
    if (other) return packSibling(order, other.order, other.lineIndex, item, scan, now, state);
  }
  if (match.kind === 'WRONG_ITEM') {
    return verdict('WRONG_ITEM', `${item.sellerSku} is not in this order: put it back.`, order, { item });
  }
  const line = order.lines[match.lineIndex]!;
  if (match.kind === 'OVER_SCAN') {
    return verdict('OVER_SCAN', `Already ${line.quantity} of ${line.sellerSku} packed: one too many.`, order, { item, lineIndex: match.lineIndex });
  }
  if (parcel && parcel.contents.length > 1) {
    const fit = matchPackage(order, parcel.contents, match.lineIndex);
    if (fit.kind === 'LATER_PACKAGE') {
      const { current, belongs } = fit;
      return verdict(
        'WRONG_ITEM',
        `${item.sellerSku} goes in package ${belongs.seq} of ${belongs.of}: finish package ${current.seq} of ${current.of} first.`,
        order,
        { item, lineIndex: match.lineIndex },
      );
    }
  }
  const next = packUnit(order, match.lineIndex, now, scan.packer);
  const packedLine = next.lines[match.lineIndex]!;
  const more = { item, lineIndex: match.lineIndex, packed: { previous: order }, ...(open === undefined ? {} : { open }) };
  const waiting = parcel?.siblings.filter((s) => !isPackDone(s)).map((s) => s.id) ?? [];
  if (next.packedAt !== null) {
    const rest = waiting.length ? ` The parcel still needs the items of order ${waiting.join(', ')}.` : '';
    return verdict('ORDER_COMPLETE', `Order ${order.id} is complete.${rest}`, next, { ...more, ...(waiting.length ? { open: waiting[0]! } : {}) });
  }
  return verdict('ACCEPTED', `${packedLine.sellerSku}: ${packedLine.packedQuantity} of ${packedLine.quantity}.${packageNote(next, parcel)}`, next, more);
}

/**
 * Decides what one scan means at a station. An item goes into the order open there and nowhere
 * else; with no order open, an item opens the most urgent single-item order for it only in
 * single-item mode.
 */
export function decideScan(state: ScanState, scan: ScanRequest, now: Millis): ScanDecision {
  const open = state.open && !isPackDone(state.open) ? state.open : null;
  if (open) {
    if (state.item) return packInto(open, state.item, scan, now, undefined, state);
    if (state.named) return openNamed(state.named, state);
    return verdict('UNKNOWN_BARCODE', `Nothing is known by the code ${scan.code}.`, open);
  }
  if (state.named) return openNamed(state.named, state);
  if (!state.item) return verdict('UNKNOWN_BARCODE', `Nothing is known by the code ${scan.code}.`, null);
  if (!scan.singleItemMode) {
    return verdict('NO_OPEN_ORDER', 'Scan an order (order id, tracking number or package) first.', null, { item: state.item });
  }
  if (!state.single) return verdict('NO_OPEN_ORDER', 'No single-item order waits for this item.', null, { item: state.item });
  return packInto(state.single, state.item, scan, now, state.single.id);
}
