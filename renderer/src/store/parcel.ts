import type { OrderView, PackageView } from '../../../core/api/views.js';

/**
 * The parcel on the bench is one of the order's packages. A split order fills package 1 first,
 * then 2: the one on the bench is the last that has something in it (a full package stays on the
 * bench, for its label, until the first unit of the next goes in), else the first.
 * Null for an order with one package and no other orders in it: nothing to tell the packer.
 */
export function packageOnBench(order: OrderView | null): PackageView | null {
  const packages = order?.packages ?? [];
  if (packages.length === 0) return null;
  const started = packages.filter((p) => p.unitsPacked > 0);
  return started[started.length - 1] ?? packages[0]!;
}

/** Whether the packer must be told which package this is: a split order, or a combined package. */
export function isParcelNews(order: OrderView | null, pkg: PackageView | null): boolean {
  return pkg !== null && ((order?.packages?.length ?? 0) > 1 || pkg.orderIds.length > 1);
}
