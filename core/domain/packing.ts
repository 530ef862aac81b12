import { fail, type ErrorCode } from './errors.js';
import { packRefusal, REFUSAL_MESSAGES } from './status.js';
import type { Millis, Order } from './types.js';

/** Verdicts a scan can get. Refusal codes come from status.packRefusal. */
export const SCAN_VERDICTS = [
  'ORDER_OPENED',
  'ACCEPTED',
  'ORDER_COMPLETE',
  'WRONG_ITEM',
  'OVER_SCAN',
  'UNKNOWN_BARCODE',
  'ORDER_UNPAID',
  'ORDER_ON_HOLD',
  'ORDER_CANCELLED',
  'ORDER_ALREADY_SHIPPED',
  'ORDER_CANCEL_REQUESTED',
  /** The order named is packed (or short-packed) already: shown, not reopened (ok: false, informational). */
  'ORDER_ALREADY_PACKED',
  'NO_OPEN_ORDER',
  'SCAN_EMPTY',
  'SCAN_INVALID_CHARACTERS',
] as const satisfies readonly (ErrorCode | 'ORDER_OPENED' | 'ACCEPTED' | 'ORDER_COMPLETE' | 'WRONG_ITEM' | 'OVER_SCAN' | 'UNKNOWN_BARCODE')[];
export type ScanVerdictCode = (typeof SCAN_VERDICTS)[number];

export type ItemMatch = { kind: 'ACCEPT'; lineIndex: number } | { kind: 'OVER_SCAN'; lineIndex: number } | { kind: 'WRONG_ITEM' };

/** Decides what a scanned SKU means for this order. A SKU on two lines fills the first open one. */
export function matchItem(order: Pick<Order, 'lines'>, skuId: string): ItemMatch {
  let over = -1;
  for (let i = 0; i < order.lines.length; i++) {
    const line = order.lines[i]!;
    if (line.skuId !== skuId) continue;
    if (line.packedQuantity < line.quantity) return { kind: 'ACCEPT', lineIndex: i };
    if (over < 0) over = i;
  }
  return over >= 0 ? { kind: 'OVER_SCAN', lineIndex: over } : { kind: 'WRONG_ITEM' };
}

export function unitsPacked(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.packedQuantity, 0);
}

export function unitsOrdered(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((n, l) => n + l.quantity, 0);
}

/** Complete exactly when every line has all its units packed. */
export function isFullyPacked(order: Pick<Order, 'lines'>): boolean {
  return order.lines.length > 0 && order.lines.every((l) => l.packedQuantity >= l.quantity);
}

/** Packed, or short-packed with a reason: either way the parcel is closed. */
export function isPackDone(order: Pick<Order, 'lines' | 'shortPackReason'>): boolean {
  return isFullyPacked(order) || order.shortPackReason !== '';
}

type Packable = Pick<Order, 'lines' | 'packedAt'> & Partial<Pick<Order, 'packedBy'>>;

/**
 * Returns the order with one more unit packed on a line; never beyond the ordered quantity. The
 * unit that completes the order stamps when, and (given the packer) by whom.
 */
export function packUnit<T extends Packable>(order: T, lineIndex: number, now: Millis, packer?: string): T {
  const line = order.lines[lineIndex];
  if (!line || line.packedQuantity >= line.quantity) return order;
  const lines = order.lines.map((l, i) => (i === lineIndex ? { ...l, packedQuantity: l.packedQuantity + 1 } : l));
  const complete = lines.every((l) => l.packedQuantity >= l.quantity);
  const packedAt = complete ? now : order.packedAt;
  return { ...order, lines, packedAt, ...(complete && packer !== undefined ? { packedBy: packer } : {}) };
}

/** Takes one unit back off a line (undo); the order is no longer complete. */
export function unpackUnit<T extends Packable>(order: T, lineIndex: number): T {
  const line = order.lines[lineIndex];
  if (!line || line.packedQuantity <= 0) return order;
  const lines = order.lines.map((l, i) => (i === lineIndex ? { ...l, packedQuantity: l.packedQuantity - 1 } : l));
  return { ...order, lines, packedAt: null, ...('packedBy' in order ? { packedBy: null } : {}) };
}

/**
 * Undo of the station's last packing scan: the unit comes back out and the parcel reopens, so a
 * short-pack decided on the old contents no longer stands. Taking an item out is safe while the
 * parcel is still here, also after the buyer asked to cancel; once shipment is arranged it has left.
 */
export function decideUndo<S extends { lineNo: number }>(order: Order, last: S | null): { next: Order; undo: S; tellPlatform: boolean } {
  const refusal = packRefusal(order);
  if (refusal && refusal !== 'ORDER_CANCEL_REQUESTED') fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
  if (!last) fail('NOTHING_TO_UNDO', 'No scan of this order to undo.');
  const next = { ...unpackUnit(order, last.lineNo - 1), shortPackReason: '', packedBy: null };
  // Only a parcel the platform was told about (packed or short-packed) needs telling again.
  return { next, undo: last, tellPlatform: isFullyPacked(order) || order.shortPackReason !== '' };
}

/** Closes a partly packed order with a reason; what is missing goes to the platform. */
export function decideShortPack(order: Order, reason: string, packer: string, now: Millis) {
  const refusal = packRefusal(order);
  if (refusal) fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
  const missing = order.lines.filter((l) => l.packedQuantity < l.quantity).map((l) => ({ sellerSku: l.sellerSku, missing: l.quantity - l.packedQuantity }));
  if (missing.length === 0) fail('CONFLICT', `Order ${order.id} is fully packed; nothing is short.`);
  return { next: { ...order, shortPackReason: reason, packedAt: now, packedBy: packer }, missing };
}
