import { fail } from './errors.js';
import { compareNatural } from './natural-sort.js';
import type { Order, Sku } from './types.js';

export interface PickListRow {
  skuId: string;
  sellerSku: string;
  name: string;
  variation: string;
  /** Null when the SKU has no bin yet: such rows come last so the picker sees them. */
  bin: string | null;
  quantity: number;
  orders: { orderId: string; quantity: number }[];
}

export interface PickListSection {
  kind: 'ALL' | 'SINGLE_ITEM' | 'MULTI_ITEM';
  rows: PickListRow[];
}

export interface PickList {
  orderIds: string[];
  sections: PickListSection[];
  totalUnits: number;
}

export interface PickListOptions {
  /** Single-item orders can be packed straight from the cart: list them first, apart. */
  singleItemFirst?: boolean;
}

export function isSingleItem(order: Pick<Order, 'lines'>): boolean {
  return order.lines.length === 1 && order.lines[0]!.quantity === 1;
}

export function compareBins(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareNatural(a, b);
}

function rowsFor(orders: readonly Order[], skus: ReadonlyMap<string, Sku>): PickListRow[] {
  const rows = new Map<string, PickListRow>();
  for (const order of orders) {
    for (const line of order.lines) {
      const toPick = line.quantity - line.packedQuantity;
      if (toPick <= 0) continue;
      let row = rows.get(line.skuId);
      if (!row) {
        const sku = skus.get(line.skuId);
        row = {
          skuId: line.skuId,
          sellerSku: line.sellerSku,
          name: sku?.name || line.productName,
          variation: sku?.variation || line.variation,
          bin: sku?.bin ?? null,
          quantity: 0,
          orders: [],
        };
        rows.set(line.skuId, row);
      }
      row.quantity += toPick;
      const existing = row.orders.find((o) => o.orderId === order.id);
      if (existing) existing.quantity += toPick;
      else row.orders.push({ orderId: order.id, quantity: toPick });
    }
  }
  return [...rows.values()].sort((a, b) => compareBins(a.bin, b.bin) || compareNatural(a.sellerSku, b.sellerSku));
}

/** What to pick for a set of orders: units still to pack, summed per SKU, in walking order. */
export function buildPickList(orders: readonly Order[], skus: ReadonlyMap<string, Sku>, opts: PickListOptions = {}): PickList {
  const sections: PickListSection[] = opts.singleItemFirst
    ? [
        { kind: 'SINGLE_ITEM', rows: rowsFor(orders.filter(isSingleItem), skus) },
        {
          kind: 'MULTI_ITEM',
          rows: rowsFor(
            orders.filter((o) => !isSingleItem(o)),
            skus,
          ),
        },
      ]
    : [{ kind: 'ALL', rows: rowsFor(orders, skus) }];
  const totalUnits = sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.quantity, 0), 0);
  return { orderIds: orders.map((o) => o.id), sections, totalUnits };
}

/**
 * Splits orders into waves of at most `size` (default 50, the platform's batch print size).
 * With singleItemFirst, single-item orders fill the first waves.
 */
export function planWaves<T extends Pick<Order, 'lines'>>(orders: readonly T[], size = 50, singleItemFirst = false): T[][] {
  // A size below 1 never advances the loop below (the main process would hang); NaN would drop
  // every order. Infinity is allowed: one wave with everything.
  if (!(size >= 1) || (size !== Infinity && !Number.isInteger(size))) {
    fail('INVALID_INPUT', `A wave holds a whole number of orders, at least 1 (got ${size}).`, { size });
  }
  const ordered = singleItemFirst ? [...orders.filter(isSingleItem), ...orders.filter((o) => !isSingleItem(o))] : [...orders];
  const waves: T[][] = [];
  for (let i = 0; i < ordered.length; i += size) waves.push(ordered.slice(i, i + size));
  return waves;
}
