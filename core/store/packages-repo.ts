/**
 * Packages: the parcels the platform ships and labels. An order has one or more (a split order
 * several); a combined package holds several orders. Every order has at least one (migration 006
 * makes one for orders from exports); the sync replaces those with the platform's own.
 */
import type { SnapshotPackage } from '../domain/sync-merge.js';
import { sql, type Db } from './db.js';

export type PackageOrigin = 'PLATFORM' | 'EXPORT' | 'LOCAL';

export interface PackageLabel {
  sha256: string;
  kind: 'pdf' | 'png';
  source: 'PLATFORM' | 'ATTACHED';
  fetchedAt: number;
}

export interface StoredPackage {
  id: string;
  origin: PackageOrigin;
  status: string;
  trackingNumber: string;
  carrier: string;
  carrierId: string;
  shippingType: '' | 'TIKTOK' | 'SELLER';
  shippedAt: number | null;
  label: PackageLabel | null;
  labelError: string | null;
  labelAttempts: number;
  /** Orders in this package (several for a combined package), in link order. */
  orderIds: string[];
}

interface PackageRow {
  id: string;
  origin: PackageOrigin;
  status: string;
  tracking_number: string;
  carrier: string;
  carrier_id: string;
  shipping_type: StoredPackage['shippingType'];
  shipped_at: number | null;
  label_sha256: string | null;
  label_kind: 'pdf' | 'png' | null;
  label_source: 'PLATFORM' | 'ATTACHED' | null;
  label_fetched_at: number | null;
  label_error: string | null;
  label_attempts: number;
}

/** Platform package states after shipment was arranged. */
export const SHIPPED_PACKAGE_STATUSES = ['PROCESSING', 'FULFILLING', 'COMPLETED'] as const;

export function isShippedPackageStatus(status: string): boolean {
  return (SHIPPED_PACKAGE_STATUSES as readonly string[]).includes(status);
}

function toPackage(r: PackageRow, orderIds: string[]): StoredPackage {
  return {
    id: r.id,
    origin: r.origin,
    status: r.status,
    trackingNumber: r.tracking_number,
    carrier: r.carrier,
    carrierId: r.carrier_id,
    shippingType: r.shipping_type,
    shippedAt: r.shipped_at,
    label:
      r.label_sha256 && r.label_kind
        ? { sha256: r.label_sha256, kind: r.label_kind, source: r.label_source ?? 'PLATFORM', fetchedAt: r.label_fetched_at ?? 0 }
        : null,
    labelError: r.label_error,
    labelAttempts: r.label_attempts,
    orderIds,
  };
}

function ordersOf(db: Db, packageIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < packageIds.length; i += 500) {
    const chunk = packageIds.slice(i, i + 500);
    const rows = sql(
      db,
      `SELECT package_id, order_id FROM package_orders WHERE package_id IN (${chunk.map(() => '?').join(',')}) ORDER BY package_id, seq, order_id`,
    ).all(...chunk) as {
      package_id: string;
      order_id: string;
    }[];
    for (const r of rows) out.set(r.package_id, [...(out.get(r.package_id) ?? []), r.order_id]);
  }
  return out;
}

/** Each order's packages, in the order's sequence (package 1 of N first). */
export function packagesOfOrders(db: Db, orderIds: readonly string[]): Map<string, StoredPackage[]> {
  const out = new Map<string, StoredPackage[]>();
  const rows: (PackageRow & { order_id: string })[] = [];
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500);
    rows.push(
      ...(sql(
        db,
        `SELECT p.*, po.order_id FROM package_orders po JOIN packages p ON p.id = po.package_id
         WHERE po.order_id IN (${chunk.map(() => '?').join(',')}) ORDER BY po.order_id, po.seq, p.id`,
      ).all(...chunk) as (PackageRow & { order_id: string })[]),
    );
  }
  const members = ordersOf(db, [...new Set(rows.map((r) => r.id))]);
  for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), toPackage(r, members.get(r.id) ?? [])]);
  return out;
}

export function packagesOfOrder(db: Db, orderId: string): StoredPackage[] {
  return packagesOfOrders(db, [orderId]).get(orderId) ?? [];
}

/**
 * The order's packages as the platform lists them: upserted (label and shipment facts already
 * known are kept). Done before a new order is inserted, so the insert links its first package
 * (migration 006's trigger) instead of making one of its own.
 */
export function upsertPlatformPackages(db: Db, packages: readonly SnapshotPackage[], now: number): void {
  const upsert = sql(
    db,
    `INSERT INTO packages (id, origin, status, tracking_number, carrier, carrier_id, shipping_type, shipped_at, updated_at)
     VALUES (@id, 'PLATFORM', @status, @trackingNumber, @carrier, @carrierId, @shippingType, @shippedAt, @now)
     ON CONFLICT(id) DO UPDATE SET origin = 'PLATFORM',
       status = CASE WHEN excluded.status <> '' THEN excluded.status ELSE packages.status END,
       tracking_number = CASE WHEN excluded.tracking_number <> '' THEN excluded.tracking_number ELSE packages.tracking_number END,
       carrier = CASE WHEN excluded.carrier <> '' THEN excluded.carrier ELSE packages.carrier END,
       carrier_id = CASE WHEN excluded.carrier_id <> '' THEN excluded.carrier_id ELSE packages.carrier_id END,
       shipping_type = CASE WHEN excluded.shipping_type <> '' THEN excluded.shipping_type ELSE packages.shipping_type END,
       shipped_at = coalesce(packages.shipped_at, excluded.shipped_at),
       updated_at = excluded.updated_at`,
  );
  for (const p of packages) upsert.run({ ...p, shippedAt: isShippedPackageStatus(p.status) ? now : null, now });
}

/**
 * Links the order to exactly these packages, in the platform's order: links to packages the
 * platform no longer lists for it (one made here, say) are removed, and a package made here that
 * nothing links any more is dropped.
 */
export function linkPackages(db: Db, orderId: string, packageIds: readonly string[]): void {
  if (packageIds.length === 0) return;
  const current = sql(db, 'SELECT package_id, seq FROM package_orders WHERE order_id = ?').all(orderId) as { package_id: string; seq: number }[];
  const wanted = new Map(packageIds.map((id, i) => [id, i + 1]));
  if (current.length === wanted.size && current.every((c) => wanted.get(c.package_id) === c.seq)) return;
  const drop = sql(db, 'DELETE FROM package_orders WHERE order_id = ? AND package_id = ?');
  for (const c of current) if (!wanted.has(c.package_id)) drop.run(orderId, c.package_id);
  const link = sql(
    db,
    'INSERT INTO package_orders (package_id, order_id, seq) VALUES (?, ?, ?) ON CONFLICT(package_id, order_id) DO UPDATE SET seq = excluded.seq',
  );
  for (const [id, seq] of wanted) link.run(id, orderId, seq);
  if (current.some((c) => c.package_id === `LOCAL-${orderId}` && !wanted.has(c.package_id))) {
    sql(db, "DELETE FROM packages WHERE origin = 'LOCAL' AND id = ? AND NOT EXISTS (SELECT 1 FROM package_orders WHERE package_id = packages.id)").run(
      `LOCAL-${orderId}`,
    );
  }
}

/** The platform took the shipment (or had it already): the label can be asked for from now on. */
export function markPackageShipped(db: Db, id: string, now: number, facts: { status?: string; trackingNumber?: string } = {}): void {
  sql(
    db,
    `UPDATE packages SET shipped_at = coalesce(shipped_at, @now), updated_at = @now,
       status = CASE WHEN @status <> '' THEN @status WHEN status IN ('', 'TO_FULFILL') THEN 'PROCESSING' ELSE status END,
       tracking_number = CASE WHEN @tracking <> '' THEN @tracking ELSE tracking_number END,
       label_next_at = NULL
     WHERE id = @id`,
  ).run({ id, now, status: facts.status ?? '', tracking: facts.trackingNumber ?? '' });
}

/** Shipped TikTok Shipping packages still waiting for collection without the platform's label. */
export function packagesNeedingLabels(db: Db, now: number, limit: number): StoredPackage[] {
  const rows = sql(
    db,
    `SELECT * FROM packages INDEXED BY packages_label_missing
     WHERE label_sha256 IS NULL AND shipped_at IS NOT NULL AND coalesce(label_next_at, 0) <= ?
       AND shipping_type <> 'SELLER' AND origin <> 'LOCAL' AND status NOT IN ('CANCELLED', 'FULFILLING', 'COMPLETED')
     ORDER BY shipped_at LIMIT ?`,
  ).all(now, limit) as PackageRow[];
  const members = ordersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPackage(r, members.get(r.id) ?? []));
}

export function attachPackageLabel(db: Db, id: string, label: PackageLabel, trackingNumber: string | null, now: number): void {
  sql(
    db,
    `UPDATE packages SET label_sha256 = @sha, label_kind = @kind, label_source = @source, label_fetched_at = @fetchedAt,
       label_error = NULL, label_next_at = NULL, updated_at = @now,
       tracking_number = CASE WHEN @tracking <> '' THEN @tracking ELSE tracking_number END
     WHERE id = @id`,
  ).run({ id, sha: label.sha256, kind: label.kind, source: label.source, fetchedAt: label.fetchedAt, tracking: trackingNumber ?? '', now });
}

/** Not this time (still generating, offline): asked again from `nextAt`; `stop` gives up on a package the platform has no label for. */
export function labelNotYet(db: Db, id: string, error: string, nextAt: number | null, now: number): void {
  sql(db, 'UPDATE packages SET label_error = ?, label_next_at = ?, label_attempts = label_attempts + 1, updated_at = ? WHERE id = ?').run(
    error,
    nextAt ?? Number.MAX_SAFE_INTEGER,
    now,
    id,
  );
}

/** The order's packages (in order) with how many orders each holds: enough to tell a plain parcel from a split or combined one. */
export function parcelLinks(db: Db, orderId: string): { packageId: string; orders: number }[] {
  return sql(
    db,
    `SELECT po.package_id AS packageId, (SELECT count(*) FROM package_orders x WHERE x.package_id = po.package_id) AS orders
     FROM package_orders po WHERE po.order_id = ? ORDER BY po.seq`,
  ).all(orderId) as { packageId: string; orders: number }[];
}

/** The other orders sharing any of these packages (a combined package). */
export function otherOrdersIn(db: Db, packageIds: readonly string[], orderId: string): string[] {
  if (packageIds.length === 0) return [];
  return sql(
    db,
    `SELECT DISTINCT order_id FROM package_orders WHERE package_id IN (${packageIds.map(() => '?').join(',')}) AND order_id <> ? ORDER BY order_id`,
  )
    .pluck()
    .all(...packageIds, orderId) as string[];
}
