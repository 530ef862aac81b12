import type { OrderConflict, OrderView, PackageView } from '../api/views.js';
import { openDeadlines, urgencyOf } from '../domain/deadlines.js';
import { isPackDone, unitsOrdered, unitsPacked } from '../domain/packing.js';
import { packageContents, packageProgress, type PackageProgress } from '../domain/parcels.js';
import { isSingleItem } from '../domain/picklist.js';
import { packRefusal } from '../domain/status.js';
import type { Order, Sku } from '../domain/types.js';
import { skusByIds } from '../store/catalogue-repo.js';
import { openConflicts } from '../store/conflicts-repo.js';
import type { Db } from '../store/db.js';
import { labelsPrintedAt } from '../store/print-jobs-repo.js';
import { packagesOfOrders, type StoredPackage } from '../store/packages-repo.js';
import { lineItemsOf } from '../store/sync-orders-repo.js';
import { shipmentsArrangedHere } from '../store/sync-outbox-repo.js';

export interface SyncFacts {
  packages: PackageView[];
  conflicts: OrderConflict[];
  /** Shipment arranged here before packing (arrange-ahead): the order may still be packed. */
  arrangedAhead: boolean;
}

function packageView(p: StoredPackage, seq: number, of: number, progress: PackageProgress | undefined): PackageView {
  return {
    id: p.id,
    origin: p.origin,
    seq,
    of,
    status: p.status,
    trackingNumber: p.trackingNumber,
    carrier: p.carrier,
    shippingType: p.shippingType,
    shippedAt: p.shippedAt,
    label: p.label ? { source: p.label.source, kind: p.label.kind, fetchedAt: p.label.fetchedAt } : null,
    orderIds: p.orderIds,
    unitsPacked: progress?.packed ?? 0,
    unitsTotal: progress?.total ?? 0,
  };
}

/** Each order's packages (with their progress), open conflicts and arrange-ahead, in a few queries for any number of orders. */
function syncFactsOf(db: Db, orders: readonly Order[]): Map<string, SyncFacts> {
  const ids = orders.map((o) => o.id);
  const out = new Map<string, SyncFacts>(ids.map((id) => [id, { packages: [], conflicts: [], arrangedAhead: false }]));
  const packages = packagesOfOrders(db, ids);
  for (const order of orders) {
    const pkgs = packages.get(order.id) ?? [];
    const progress = packageProgress(
      order,
      packageContents(
        order,
        pkgs.map((p) => p.id),
        pkgs.length > 1 ? lineItemsOf(db, order.id) : [],
      ),
    );
    out.get(order.id)!.packages = pkgs.map((p, i) => packageView(p, i + 1, pkgs.length, progress[i]));
  }
  for (const c of openConflicts(db, { orderIds: ids, limit: 10_000 }))
    out.get(c.orderId)?.conflicts.push({ id: c.id, kind: c.kind, key: `sync.conflict.${c.kind}`, raisedAt: c.raisedAt });
  const waiting = orders.filter((o) => o.status === 'AWAITING_COLLECTION' && !isPackDone(o) && o.handedOverAt === null).map((o) => o.id);
  for (const id of shipmentsArrangedHere(db, waiting)) out.get(id)!.arrangedAhead = true;
  return out;
}

export function viewOf(order: Order, skus: ReadonlyMap<string, Sku>, now: number, labelPrintedAt: number | null = null, sync?: SyncFacts): OrderView {
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
    packRefusal: sync?.arrangedAhead ? null : packRefusal(order),
    singleItem: isSingleItem(order),
    unitsPacked: unitsPacked(order),
    unitsOrdered: unitsOrdered(order),
    labelPrintedAt,
    packages: sync?.packages ?? [],
    conflicts: sync?.conflicts ?? [],
  };
}

export function viewsOf(db: Db, orders: readonly Order[], now: number): OrderView[] {
  const skus = skusByIds(
    db,
    orders.flatMap((o) => o.lines.map((l) => l.skuId)),
  );
  const labels = labelsPrintedAt(
    db,
    orders.map((o) => o.id),
  );
  const sync = syncFactsOf(db, orders);
  return orders.map((o) => viewOf(o, skus, now, labels.get(o.id) ?? null, sync.get(o.id)));
}

export function viewOne(db: Db, order: Order, now: number): OrderView {
  return viewsOf(db, [order], now)[0]!;
}
