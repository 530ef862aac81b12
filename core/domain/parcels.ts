/**
 * The parcel at the bench is the platform's package. An order with one package is packed as it
 * always was. A split order's packages are packed one after the other ("package 1 of 2"): units
 * packed count towards package 1 first, and a unit that belongs only to a later package waits
 * until the earlier ones are full. A combined package holds the lines of several orders and is
 * packed as one parcel. Pure: the caller passes each package's contents (from the platform's line
 * items) and the orders' lines.
 */
import type { Order, OrderLine } from './types.js';

/** One of the order's packages with what it must hold: units per line of the order. */
export interface PackageContents {
  id: string;
  /** Units per order line index. */
  units: Map<number, number>;
}

/** A platform line item, enough to know which line and which package it belongs to. */
export interface UnitItem {
  skuId: string;
  sellerSku: string;
  packageId: string;
  cancelled: boolean;
}

/** The order line a unit item counts on: by seller SKU (how the catalogue maps lines), else by SKU id. */
export function lineOfItem(lines: readonly Pick<OrderLine, 'skuId' | 'sellerSku'>[], item: UnitItem): number {
  const bySeller = item.sellerSku ? lines.findIndex((l) => l.sellerSku.toLowerCase() === item.sellerSku.toLowerCase()) : -1;
  return bySeller >= 0 ? bySeller : lines.findIndex((l) => l.skuId === item.skuId);
}

/**
 * What each of the order's packages holds, in package order. Units the items do not place (an
 * order from an export, with one package and no line item ids) all go to the first package.
 */
export function packageContents(order: Pick<Order, 'lines'>, packageIds: readonly string[], items: readonly UnitItem[]): PackageContents[] {
  const out = packageIds.map((id) => ({ id, units: new Map<number, number>() }));
  if (out.length === 0) return out;
  const placed = order.lines.map(() => 0);
  for (const item of items) {
    if (item.cancelled) continue;
    const line = lineOfItem(order.lines, item);
    const pkg = out.find((p) => p.id === item.packageId);
    if (line < 0 || !pkg || placed[line]! >= order.lines[line]!.quantity) continue;
    pkg.units.set(line, (pkg.units.get(line) ?? 0) + 1);
    placed[line]!++;
  }
  order.lines.forEach((l, i) => {
    const rest = l.quantity - placed[i]!;
    if (rest > 0) out[0]!.units.set(i, (out[0]!.units.get(i) ?? 0) + rest);
  });
  return out;
}

export interface PackageProgress {
  id: string;
  /** 1-based: "package seq of of". */
  seq: number;
  of: number;
  packed: number;
  total: number;
}

/** Packed units fill the packages in order: package 1 first, then 2. */
export function packageProgress(order: Pick<Order, 'lines'>, contents: readonly PackageContents[]): PackageProgress[] {
  const left = order.lines.map((l) => l.packedQuantity);
  return contents.map((pkg, i) => {
    let packed = 0;
    let total = 0;
    for (const [line, units] of pkg.units) {
      const here = Math.min(units, left[line]!);
      left[line]! -= here;
      packed += here;
      total += units;
    }
    return { id: pkg.id, seq: i + 1, of: contents.length, packed, total };
  });
}

/** The package being packed now: the first not full yet, or null when every one is. */
export function currentPackage(progress: readonly PackageProgress[]): PackageProgress | null {
  return progress.find((p) => p.packed < p.total) ?? null;
}

export type PackageMatch =
  /** The unit goes in the package being packed. */
  | { kind: 'FITS'; package: PackageProgress | null }
  /** The order needs the unit, but only in a later package: finish this one first. */
  | { kind: 'LATER_PACKAGE'; current: PackageProgress; belongs: PackageProgress };

/**
 * Whether a unit for `lineIndex` may go into the parcel now. With one package (or none known)
 * anything the order needs fits, as ever.
 */
export function matchPackage(order: Pick<Order, 'lines'>, contents: readonly PackageContents[], lineIndex: number): PackageMatch {
  const progress = packageProgress(order, contents);
  const current = currentPackage(progress);
  if (contents.length <= 1 || !current) return { kind: 'FITS', package: current };
  const pkg = contents[current.seq - 1]!;
  const need = pkg.units.get(lineIndex) ?? 0;
  const packedHere = packedOnLineIn(order, contents, lineIndex, current.seq - 1);
  if (packedHere < need) return { kind: 'FITS', package: current };
  const later = progress.find((_, i) => i > current.seq - 1 && packedOnLineIn(order, contents, lineIndex, i) < (contents[i]!.units.get(lineIndex) ?? 0));
  return later ? { kind: 'LATER_PACKAGE', current, belongs: later } : { kind: 'FITS', package: current };
}

/** Units of a line already counted in package `index` (packed units fill packages in order). */
function packedOnLineIn(order: Pick<Order, 'lines'>, contents: readonly PackageContents[], line: number, index: number): number {
  let left = order.lines[line]?.packedQuantity ?? 0;
  for (let i = 0; i < index; i++) left -= Math.min(left, contents[i]!.units.get(line) ?? 0);
  return Math.min(left, contents[index]!.units.get(line) ?? 0);
}

/** Which of the parcel's orders a scanned SKU goes to: the open order first, then the others sharing its package. */
export function orderForUnit<T extends Pick<Order, 'id' | 'lines'>>(parcel: readonly T[], skuId: string): { order: T; lineIndex: number } | null {
  for (const order of parcel) {
    const lineIndex = order.lines.findIndex((l) => l.skuId === skuId && l.packedQuantity < l.quantity);
    if (lineIndex >= 0) return { order, lineIndex };
  }
  return null;
}
