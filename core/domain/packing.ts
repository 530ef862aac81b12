import type { ErrorCode } from './errors.js';
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
  'NO_OPEN_ORDER',
  'SCAN_EMPTY',
  'SCAN_INVALID_CHARACTERS',
] as const satisfies readonly (ErrorCode | 'ORDER_OPENED' | 'ACCEPTED' | 'ORDER_COMPLETE' | 'WRONG_ITEM' | 'OVER_SCAN' | 'UNKNOWN_BARCODE')[];
export type ScanVerdictCode = (typeof SCAN_VERDICTS)[number];

export type ItemMatch =
  | { kind: 'ACCEPT'; lineIndex: number }
  | { kind: 'OVER_SCAN'; lineIndex: number }
  | { kind: 'WRONG_ITEM' };

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

/** Returns the order with one more unit packed on a line; never beyond the ordered quantity. */
export function packUnit<T extends Pick<Order, 'lines' | 'packedAt'>>(order: T, lineIndex: number, now: Millis): T {
  const line = order.lines[lineIndex];
  if (!line || line.packedQuantity >= line.quantity) return order;
  const lines = order.lines.map((l, i) => (i === lineIndex ? { ...l, packedQuantity: l.packedQuantity + 1 } : l));
  const packedAt = lines.every((l) => l.packedQuantity >= l.quantity) ? now : order.packedAt;
  return { ...order, lines, packedAt };
}

/** Takes one unit back off a line (undo); the order is no longer complete. */
export function unpackUnit<T extends Pick<Order, 'lines' | 'packedAt'>>(order: T, lineIndex: number): T {
  const line = order.lines[lineIndex];
  if (!line || line.packedQuantity <= 0) return order;
  const lines = order.lines.map((l, i) => (i === lineIndex ? { ...l, packedQuantity: l.packedQuantity - 1 } : l));
  return { ...order, lines, packedAt: null };
}
