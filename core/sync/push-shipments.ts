/**
 * Shipments up to the platform, exactly once. Ship Package has no idempotency key, so:
 * entries are committed as `sending` before the call; a call whose answer is lost (or a crash
 * while `sending`) is followed by reading each package back, and a package the platform already
 * shows as shipped counts as done; only a package read back as not shipped is sent again.
 * Packages go in batch calls of at most 500; per-package errors are read one by one.
 */
import { PackdeskError } from '../domain/errors.js';
import type { BatchShipResult } from '../platform/client.js';
import type { BatchShipPackage } from '../platform/schemas/fulfillment.js';
import type { HandoverMethod } from '../shared/vocabulary.js';
import { getOrder } from '../store/orders-repo.js';
import { isShippedPackageStatus, markPackageShipped, packagesOfOrder, type StoredPackage } from '../store/packages-repo.js';
import { markDone, markRefused, markSending, markWaiting, type Refusal, type SyncEntry } from '../store/sync-outbox-repo.js';
import type { PlatformGateway } from './gateway.js';
import { failureKind, refusalOf, retryDelay, TRANSIENT_PLATFORM_CODES } from './push-rules.js';
import type { SyncSteps } from './steps.js';
import { storePulledOrders } from './store-pulled.js';

/** Platform rule: at most 500 packages in one batch ship. */
export const SHIP_CHUNK = 500;

export type PackageOutcome =
  | { kind: 'shipped'; trackingNumber: string; status: string }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'waiting'; error: string }
  | { kind: 'unknown' };

export interface ShipmentTally {
  done: number;
  refused: number;
  waiting: number;
  /** Still `sending`: the platform could not be asked how it went; the next cycle reads them back. */
  unknown: number;
  /** Packages the platform took in this push (their labels can be fetched now). */
  shipped: string[];
}

export interface ShipSettings {
  handoverMethod: HandoverMethod;
}

interface Plan {
  entry: SyncEntry;
  packages: string[];
}

const shippedAlready = (p: StoredPackage) => p.shippedAt !== null || isShippedPackageStatus(p.status);

/** Orders known only from an export or made here: ask the platform for them, so their real packages are known. */
async function learnPackages(steps: SyncSteps, gateway: PlatformGateway, entries: readonly SyncEntry[]): Promise<void> {
  const unknown = [...new Set(entries.map((e) => e.orderId!).filter((id) => packagesOfOrder(steps.db, id).some((p) => p.origin !== 'PLATFORM')))];
  if (unknown.length === 0) return;
  const pulled = await gateway.ordersById(unknown);
  const stored = await steps.write(() => storePulledOrders(steps.db, pulled, steps.clock.now()));
  if (stored.changed.length) steps.ordersChanged(stored.changed);
}

function requestFor(steps: SyncSteps, pkg: StoredPackage, orderId: string, settings: ShipSettings): BatchShipPackage | Refusal {
  if (pkg.shippingType !== 'SELLER') return { id: pkg.id, handover_method: settings.handoverMethod };
  const tracking = getOrder(steps.db, orderId)?.trackingNumber ?? '';
  if (!tracking || !pkg.carrierId) {
    return {
      code: 'TRACKING_NUMBER_NEEDED',
      platformCode: null,
      message: `Order ${orderId} ships with the seller's own carrier: TikTok Shop needs its tracking number and carrier. Arrange it in Seller Center, then discard this entry.`,
      link: null,
    };
  }
  return { id: pkg.id, handover_method: settings.handoverMethod, self_shipment: { tracking_number: tracking, shipping_provider_id: pkg.carrierId } };
}

/** Reads packages back after an unknown outcome: shipped, or not (then it may be sent again). */
async function readBack(
  gateway: PlatformGateway,
  ids: readonly string[],
  outcomes: Map<string, PackageOutcome>,
  refusals: Map<string, Refusal>,
): Promise<PackdeskError | null> {
  for (const id of ids) {
    try {
      const pkg = await gateway.getPackage(id);
      if (isShippedPackageStatus(pkg.package_status))
        outcomes.set(id, { kind: 'shipped', trackingNumber: pkg.tracking_number ?? '', status: pkg.package_status });
      else if (pkg.package_status === 'CANCELLED')
        outcomes.set(id, {
          kind: 'refused',
          refusal: { code: 'ORDER_CANCELLED', platformCode: null, message: `Package ${id} is cancelled on TikTok Shop.`, link: null },
        });
      else {
        const refusal = refusals.get(id);
        outcomes.set(id, refusal ? { kind: 'refused', refusal } : { kind: 'waiting', error: 'read back as not shipped' });
      }
    } catch (err) {
      const kind = failureKind(err);
      if (kind === 'offline' || kind === 'auth' || kind === 'unknown')
        return err instanceof PackdeskError ? err : new PackdeskError('PLATFORM_UNREACHABLE', String(err));
      outcomes.set(id, { kind: 'refused', refusal: refusalOf(err) });
    }
  }
  return null;
}

/** Ships one chunk; fills `outcomes`. Returns the error that should stop the cycle, if any. */
async function shipChunk(gateway: PlatformGateway, chunk: readonly BatchShipPackage[], outcomes: Map<string, PackageOutcome>): Promise<PackdeskError | null> {
  const ids = chunk.map((p) => p.id);
  let result: BatchShipResult;
  try {
    result = await gateway.batchShip(chunk);
  } catch (err) {
    const kind = failureKind(err);
    if (kind === 'unknown') {
      for (const id of ids) outcomes.set(id, { kind: 'unknown' });
      return readBack(gateway, ids, outcomes, new Map());
    }
    if (kind === 'refused' && chunk.length > 1) {
      // The whole batch was refused: one package may be to blame; send each alone to know which.
      for (const one of chunk) {
        const stop = await shipChunk(gateway, [one], outcomes);
        if (stop) return stop;
      }
      return null;
    }
    if (kind === 'refused') {
      // Refused for good — unless it is "already shipped" (no confirmed code): read it back to know.
      return readBack(gateway, ids, outcomes, new Map(ids.map((id) => [id, refusalOf(err)])));
    }
    const error = err instanceof PackdeskError ? err : new PackdeskError('PLATFORM_UNREACHABLE', String(err));
    for (const id of ids) outcomes.set(id, { kind: 'waiting', error: error.message });
    return error;
  }
  for (const id of result.shipped) outcomes.set(id, { kind: 'shipped', trackingNumber: '', status: 'PROCESSING' });
  const refusals = new Map<string, Refusal>();
  const check: string[] = [...result.unknown];
  for (const f of result.failed) {
    if (TRANSIENT_PLATFORM_CODES.includes(f.code)) outcomes.set(f.packageId, { kind: 'waiting', error: `[${f.code}] ${f.message}` });
    else {
      // "Already shipped" has no confirmed code: any refusal is read back, and a shipped package counts as done.
      refusals.set(f.packageId, { code: 'PLATFORM_REJECTED', platformCode: f.code, message: f.message, link: null });
      check.push(f.packageId);
    }
  }
  for (const id of result.unknown) outcomes.set(id, { kind: 'unknown' });
  return readBack(gateway, check, outcomes, refusals);
}

/** Writes what the platform answered: each shipped package, then each entry's outcome, counted in `tally`. */
function recordOutcomes(
  steps: SyncSteps,
  now: number,
  plans: readonly Plan[],
  outcomes: Map<string, PackageOutcome>,
  tally: ShipmentTally,
  how: { doneReason: string; retryAt: (plan: Plan) => number },
): void {
  for (const [id, o] of outcomes) {
    if (o.kind !== 'shipped') continue;
    markPackageShipped(steps.db, id, now, { status: o.status, trackingNumber: o.trackingNumber });
    tally.shipped.push(id);
  }
  for (const plan of plans) {
    const o = entryOutcome(plan, outcomes);
    if (o.kind === 'shipped') markDone(steps.db, plan.entry.id, how.doneReason, now);
    else if (o.kind === 'refused') markRefused(steps.db, plan.entry.id, o.refusal, now);
    else if (o.kind === 'waiting') markWaiting(steps.db, plan.entry.id, o.error, how.retryAt(plan), now);
    tally[o.kind === 'shipped' ? 'done' : o.kind]++;
  }
}

function entryOutcome(plan: Plan, outcomes: Map<string, PackageOutcome>): PackageOutcome {
  if (plan.packages.length === 0) return { kind: 'waiting', error: 'no platform package to read back' };
  const all = plan.packages.map((id) => outcomes.get(id) ?? { kind: 'unknown' as const });
  return (
    all.find((o) => o.kind === 'refused') ??
    all.find((o) => o.kind === 'unknown') ??
    all.find((o) => o.kind === 'waiting') ?? { kind: 'shipped', trackingNumber: '', status: '' }
  );
}

/** Pushes due shipment entries; throws the error that stopped it (offline, sign-in) after saving what is known. */
export async function pushShipments(steps: SyncSteps, gateway: PlatformGateway, entries: readonly SyncEntry[], settings: ShipSettings): Promise<ShipmentTally> {
  const tally: ShipmentTally = { done: 0, refused: 0, waiting: 0, unknown: 0, shipped: [] };
  if (entries.length === 0) return tally;
  await learnPackages(steps, gateway, entries);
  const plans: Plan[] = [];
  const requests = new Map<string, BatchShipPackage>();
  await steps.write(() => {
    const now = steps.clock.now();
    for (const entry of entries) {
      const pkgs = packagesOfOrder(steps.db, entry.orderId!);
      if (pkgs.length === 0 || pkgs.some((p) => p.origin !== 'PLATFORM')) {
        markRefused(
          steps.db,
          entry.id,
          { code: 'ORDER_NOT_FOUND', platformCode: null, message: `TikTok Shop does not list order ${entry.orderId} or its packages.`, link: null },
          now,
        );
        tally.refused++;
        continue;
      }
      const todo = pkgs.filter((p) => !shippedAlready(p) && p.status !== 'CANCELLED');
      if (todo.length === 0) {
        const cancelled = pkgs.every((p) => p.status === 'CANCELLED');
        if (cancelled)
          markRefused(
            steps.db,
            entry.id,
            { code: 'ORDER_CANCELLED', platformCode: null, message: `Order ${entry.orderId} is cancelled on TikTok Shop.`, link: null },
            now,
          );
        else markDone(steps.db, entry.id, 'the platform shows it shipped', now);
        if (cancelled) tally.refused++;
        else tally.done++;
        continue;
      }
      const built = todo.map((p) => requestFor(steps, p, entry.orderId!, settings));
      const refusal = built.find((b): b is Refusal => 'code' in b);
      if (refusal) {
        markRefused(steps.db, entry.id, refusal, now);
        tally.refused++;
        continue;
      }
      for (const b of built as BatchShipPackage[]) requests.set(b.id, b);
      plans.push({ entry, packages: todo.map((p) => p.id) });
    }
    markSending(
      steps.db,
      plans.map((p) => p.entry.id),
      now,
    );
  });
  const outcomes = new Map<string, PackageOutcome>();
  const all = [...requests.values()];
  let stop: PackdeskError | null = null;
  for (let i = 0; i < all.length && !stop; i += SHIP_CHUNK) stop = await shipChunk(gateway, all.slice(i, i + SHIP_CHUNK), outcomes);
  await steps.write(() => {
    const now = steps.clock.now();
    recordOutcomes(steps, now, plans, outcomes, tally, { doneReason: 'shipped', retryAt: (plan) => now + retryDelay(plan.entry.attempts + 1) });
  });
  if (stop) throw stop;
  return tally;
}

/** Entries left `sending` by a cycle that died: each package is read back before anything is sent again. */
export async function recoverShipments(steps: SyncSteps, gateway: PlatformGateway, entries: readonly SyncEntry[]): Promise<ShipmentTally> {
  const tally: ShipmentTally = { done: 0, refused: 0, waiting: 0, unknown: 0, shipped: [] };
  const outcomes = new Map<string, PackageOutcome>();
  const plans = entries.map((entry) => ({
    entry,
    packages: packagesOfOrder(steps.db, entry.orderId!)
      .filter((p) => p.origin === 'PLATFORM')
      .map((p) => p.id),
  }));
  const stop = await readBack(gateway, [...new Set(plans.flatMap((p) => p.packages))], outcomes, new Map());
  await steps.write(() => {
    const now = steps.clock.now();
    // Read back as not shipped: safe to send again, now.
    recordOutcomes(steps, now, plans, outcomes, tally, { doneReason: 'read back: the platform shows it shipped', retryAt: () => now });
  });
  if (stop) throw stop;
  return tally;
}
