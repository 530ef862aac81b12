/**
 * One write step of the pull: a few orders from a page, merged with the bench's work and saved
 * with their packages, line items, update_time and conflicts. Runs inside the writer's
 * transaction; small, so a scan never waits long behind it.
 */
import { mergePlatformOrder, type MergeFacts } from '../domain/sync-merge.js';
import { SkuResolver } from '../features/sku-resolver.js';
import { raiseConflict, settleConflicts } from '../store/conflicts-repo.js';
import type { Db } from '../store/db.js';
import { getOrder, insertOrder, updateOrder } from '../store/orders-repo.js';
import { linkPackages, upsertPlatformPackages } from '../store/packages-repo.js';
import { mergeFacts, pendingCancellation, savePlatformOrderFacts } from '../store/sync-orders-repo.js';
import type { PulledOrder } from './map-order.js';

export interface StoredPull {
  /** Orders taken from the list (stored, unchanged or stale). */
  stored: number;
  /** Orders inserted or changed. */
  changed: string[];
  /** Older than what the store holds: left alone. */
  stale: number;
  conflicts: number;
}

/** A new order has nothing at the bench yet: only the platform's own facts matter. */
function factsFor(db: Db, orderId: string, isNew: boolean): MergeFacts {
  if (!isNew) return mergeFacts(db, orderId);
  return {
    storedUpdateTime: null,
    cancelAnsweredAt: null,
    answerBy: pendingCancellation(db, orderId)?.answerBy ?? null,
    openAtBench: false,
    labelPrintedAt: null,
    shipmentArrangedHere: false,
    cancelledHere: false,
  };
}

/**
 * Stores pulled orders until `budgetMs` has passed (at least one): a write step that takes about
 * the same time on any machine, so a scan never waits behind more than one of them. Returns how
 * many of `pulled` were stored.
 */
export function storePulledOrders(
  db: Db,
  pulled: readonly PulledOrder[],
  now: number,
  budgetMs = Number.POSITIVE_INFINITY,
  resolver = new SkuResolver(db, now),
): StoredPull {
  const started = performance.now();
  const out: StoredPull = { stored: 0, changed: [], stale: 0, conflicts: 0 };
  for (const p of pulled) {
    if (out.stored > 0 && performance.now() - started >= budgetMs) break;
    out.stored++;
    const snap = p.snapshot;
    const local = getOrder(db, snap.id);
    const result = mergePlatformOrder(
      snap,
      local,
      snap.lines.map((l) => resolver.resolve(l)),
      factsFor(db, snap.id, local === null),
      now,
    );
    if (result.action === 'stale') {
      out.stale++;
      continue;
    }
    upsertPlatformPackages(db, snap.packages, now);
    if (result.action === 'insert') insertOrder(db, result.order);
    else if (result.action === 'update' && local) updateOrder(db, local, result.order, now);
    if (result.action !== 'unchanged') out.changed.push(snap.id);
    // A new order's insert linked its first package already (migration 006's trigger).
    if (local || snap.packages.length > 1)
      linkPackages(
        db,
        snap.id,
        snap.packages.map((pkg) => pkg.id),
      );
    savePlatformOrderFacts(
      db,
      snap.id,
      { updateTime: snap.updateTime, shippingType: p.shippingType, splitOrCombine: p.splitOrCombine, lineItems: p.lineItems },
      now,
    );
    for (const c of result.raise) if (raiseConflict(db, snap.id, c.kind, c.details, now)) out.conflicts++;
    if (local) settleConflicts(db, snap.id, result.settle, 'the platform moved on', now);
  }
  return out;
}
