import type { OrderView } from '../api/views.js';
import { openDeadlines, urgencyOf } from '../domain/deadlines.js';
import { unitsOrdered, unitsPacked } from '../domain/packing.js';
import { isSingleItem } from '../domain/picklist.js';
import { packRefusal } from '../domain/status.js';
import type { Order, Sku } from '../domain/types.js';
import { skusByIds } from '../store/catalogue-repo.js';
import type { Db } from '../store/db.js';
import { labelsPrintedAt } from '../store/print-jobs-repo.js';

export function viewOf(order: Order, skus: ReadonlyMap<string, Sku>, now: number, labelPrintedAt: number | null = null): OrderView {
  const deadlines = openDeadlines(order);
  const next = deadlines[0] ?? null;
  return {
    ...order,
    lines: order.lines.map((l) => {
      const sku = skus.get(l.skuId);
      return {
        skuId: l.skuId,
        sellerSku: l.sellerSku,
        name: l.productName || sku?.name || '',
        variation: l.variation || sku?.variation || '',
        qty: l.quantity,
        packedQty: l.packedQuantity,
        bin: sku?.bin ?? null,
        barcodes: sku?.barcodes ?? [],
      };
    }),
    deadlines,
    nextDeadline: next,
    urgency: urgencyOf(next, now),
    packRefusal: packRefusal(order),
    singleItem: isSingleItem(order),
    unitsPacked: unitsPacked(order),
    unitsOrdered: unitsOrdered(order),
    labelPrintedAt,
  };
}

export function viewsOf(db: Db, orders: readonly Order[], now: number): OrderView[] {
  const skus = skusByIds(db, orders.flatMap((o) => o.lines.map((l) => l.skuId)));
  const labels = labelsPrintedAt(db, orders.map((o) => o.id));
  return orders.map((o) => viewOf(o, skus, now, labels.get(o.id) ?? null));
}

export function viewOne(db: Db, order: Order, now: number): OrderView {
  return viewsOf(db, [order], now)[0]!;
}
