/**
 * Drains the outbox, each entry exactly once: entries left `sending` by a cycle that died are
 * read back first; then every due entry by kind — Packdesk's own records are done at once,
 * shipments go in batches (push-shipments.ts), answers to cancellation requests carry the entry's
 * idempotency key, a seller's cancel is read back when its answer is lost, and redelivery, which
 * the API cannot do, is handed to the seller with a Seller Center link. A refusal is kept, never
 * retried by itself and never dropped.
 */
import { PackdeskError } from '../domain/errors.js';
import { dueEntries, entriesInState, markDone, markRefused, markSending, markWaiting, type SyncEntry } from '../store/sync-outbox-repo.js';
import { pendingCancellation, saveCancellation } from '../store/sync-orders-repo.js';
import { recordPush } from '../store/sync-state-repo.js';
import type { PlatformGateway } from './gateway.js';
import { pushShipments, recoverShipments, type ShipSettings } from './push-shipments.js';
import { chooseRejectReason, failureKind, idempotencyKey, LOCAL_ONLY, MAX_ODD_FAILURES, refusalOf, retryDelay, sellerCenterOnly } from './push-rules.js';
import type { SyncSteps } from './steps.js';

export interface PushSettings extends ShipSettings {
  /** A reject reason name from the platform's list; null picks "already packed" or the first. */
  rejectReason: string | null;
}

export interface PushContext {
  steps: SyncSteps;
  gateway: PlatformGateway;
  instanceId: string;
  region: string | null;
  settings: PushSettings;
}

export interface PushResult {
  /** Entries the platform accepted (or that needed no call) in this push. */
  done: number;
  refused: number;
  waiting: number;
  /** Packages shipped in this push: their labels can be fetched now. */
  shipped: string[];
}

/** How many due entries one push takes on; the rest wait for the next cycle. */
const PUSH_LIMIT = 5_000;

type Verdict = 'done' | 'refused' | 'waiting';

/** After a failed call; `entry.attempts` counts this one. */
async function settle(steps: SyncSteps, entry: SyncEntry, err: unknown): Promise<Verdict> {
  const kind = failureKind(err);
  return steps.write(() => {
    const now = steps.clock.now();
    if (kind === 'refused' || entry.attempts >= MAX_ODD_FAILURES) {
      markRefused(steps.db, entry.id, refusalOf(err), now);
      return 'refused';
    }
    markWaiting(steps.db, entry.id, err instanceof Error ? err.message : String(err), now + retryDelay(entry.attempts), now);
    return 'waiting';
  });
}

function stopsCycle(err: unknown): boolean {
  const kind = failureKind(err);
  return kind === 'offline' || kind === 'auth';
}

/** The pending cancellation request's id: from the store, else asked of the platform. */
async function cancelIdOf(c: PushContext, orderId: string): Promise<{ id: string | null; latest: string | null }> {
  const known = pendingCancellation(c.steps.db, orderId);
  if (known) return { id: known.id, latest: 'CANCELLATION_REQUEST_PENDING' };
  const page = await c.gateway.cancellationPage({ order_ids: [orderId] });
  await c.steps.write(() => {
    for (const item of page.items) saveCancellation(c.steps.db, item);
  });
  const pending = page.items.find((i) => i.status === 'CANCELLATION_REQUEST_PENDING');
  const latest = [...page.items].sort((a, b) => b.updateTime - a.updateTime)[0];
  return { id: pending?.id ?? null, latest: latest?.status ?? null };
}

const APPROVED = ['CANCELLATION_REQUEST_SUCCESS', 'CANCELLATION_REQUEST_COMPLETE'];
// The closed state is spelled both `…_CANCEL` and `…_CANCELLED` in the wild: both count.
const CLOSED = ['CANCELLATION_REQUEST_CANCEL', 'CANCELLATION_REQUEST_CANCELLED'];

async function pushAnswer(c: PushContext, entry: SyncEntry, rejectReason: () => Promise<string | null>): Promise<Verdict> {
  const { steps } = c;
  const accept = entry.kind === 'order.cancellation_accepted';
  const orderId = entry.orderId!;
  const found = await cancelIdOf(c, orderId);
  if (!found.id) {
    const reached = accept ? APPROVED.includes(found.latest ?? '') : CLOSED.includes(found.latest ?? '');
    return steps.write(() => {
      const now = steps.clock.now();
      if (reached) markDone(steps.db, entry.id, accept ? 'the platform shows it cancelled' : 'the platform shows the request closed', now);
      else
        markRefused(
          steps.db,
          entry.id,
          { code: 'NO_CANCEL_REQUEST', platformCode: null, message: `TikTok Shop has no pending cancellation request for order ${orderId}.`, link: null },
          now,
        );
      return reached ? 'done' : 'refused';
    });
  }
  const reason = accept ? null : await rejectReason();
  await steps.write(() => markSending(steps.db, [entry.id], steps.clock.now()));
  const key = idempotencyKey(c.instanceId, entry.id);
  try {
    if (accept) await c.gateway.approveCancellation(found.id, key);
    else await c.gateway.rejectCancellation(found.id, key, { reject_reason: reason ?? '', comment: 'The order is packed and ready to ship.' });
  } catch (err) {
    if (stopsCycle(err)) {
      await steps.write(() => markWaiting(steps.db, entry.id, (err as Error).message, steps.clock.now(), steps.clock.now()));
      throw err;
    }
    if (failureKind(err) === 'refused') {
      // Answered already (by this key from a run that died, or in Seller Center)? Then it is done.
      const after = await cancelIdOf(c, orderId);
      if (!after.id && (accept ? APPROVED : CLOSED).includes(after.latest ?? '')) {
        await steps.write(() => markDone(steps.db, entry.id, 'the platform shows it answered', steps.clock.now()));
        return 'done';
      }
    }
    return settle(steps, { ...entry, attempts: entry.attempts + 1 }, err);
  }
  await steps.write(() => markDone(steps.db, entry.id, accept ? 'cancellation approved' : 'cancellation rejected', steps.clock.now()));
  return 'done';
}

async function pushSellerCancel(c: PushContext, entry: SyncEntry): Promise<Verdict> {
  const { steps } = c;
  const orderId = entry.orderId!;
  const reason = typeof entry.payload.reason === 'string' && entry.payload.reason ? entry.payload.reason : 'Seller cancelled';
  await steps.write(() => markSending(steps.db, [entry.id], steps.clock.now()));
  try {
    await c.gateway.sellerCancel({ order_id: orderId, cancel_reason: reason });
  } catch (err) {
    if (failureKind(err) === 'unknown' || failureKind(err) === 'refused') {
      // Read back: cancelled already (this call applied, or done elsewhere) counts as done.
      const [order] = await c.gateway.ordersById([orderId]).catch(() => []);
      if (order?.snapshot.status === 'CANCELLED') {
        await steps.write(() => markDone(steps.db, entry.id, 'the platform shows it cancelled', steps.clock.now()));
        return 'done';
      }
      if (failureKind(err) === 'unknown') {
        await steps.write(() => markWaiting(steps.db, entry.id, (err as Error).message, steps.clock.now(), steps.clock.now()));
        return 'waiting';
      }
    }
    if (stopsCycle(err)) {
      await steps.write(() => markWaiting(steps.db, entry.id, (err as Error).message, steps.clock.now(), steps.clock.now()));
      throw err;
    }
    return settle(steps, { ...entry, attempts: entry.attempts + 1 }, err);
  }
  await steps.write(() => markDone(steps.db, entry.id, 'cancelled on the platform', steps.clock.now()));
  return 'done';
}

/** Entries a dead cycle left `sending`: read back before anything is sent again. */
async function recover(c: PushContext, result: PushResult): Promise<void> {
  const sending = entriesInState(c.steps.db, 'sending');
  if (sending.length === 0) return;
  const ships = sending.filter((e) => e.kind === 'order.shipment_arranged');
  const tally = await recoverShipments(c.steps, c.gateway, ships);
  result.done += tally.done;
  result.refused += tally.refused;
  result.shipped.push(...tally.shipped);
  // Answers carry an idempotency key and a seller cancel is read back when sent again: both can simply wait their turn.
  const others = sending.filter((e) => e.kind !== 'order.shipment_arranged');
  if (others.length) {
    await c.steps.write(() => {
      for (const e of others) markWaiting(c.steps.db, e.id, 'interrupted while sending', c.steps.clock.now(), c.steps.clock.now());
    });
  }
}

export async function pushOutbox(c: PushContext): Promise<PushResult> {
  const { steps } = c;
  const result: PushResult = { done: 0, refused: 0, waiting: 0, shipped: [] };
  await recover(c, result);
  const due = dueEntries(steps.db, steps.clock.now(), PUSH_LIMIT);
  const local = due.filter((e) => LOCAL_ONLY[e.kind] !== undefined);
  if (local.length) {
    await steps.write(() => {
      for (const e of local) markDone(steps.db, e.id, LOCAL_ONLY[e.kind]!, steps.clock.now());
    });
    result.done += local.length;
  }
  const ships = due.filter((e) => e.kind === 'order.shipment_arranged' && e.orderId);
  const tally = await pushShipments(steps, c.gateway, ships, c.settings);
  result.done += tally.done;
  result.refused += tally.refused;
  result.waiting += tally.waiting;
  result.shipped.push(...tally.shipped);
  let reasons: string[] | null = null;
  const rejectReason = async () => {
    reasons ??= await c.gateway.rejectReasons();
    return chooseRejectReason(reasons, c.settings.rejectReason);
  };
  for (const entry of due) {
    if (LOCAL_ONLY[entry.kind] !== undefined || entry.kind === 'order.shipment_arranged') continue;
    let verdict: Verdict;
    if (!entry.orderId) {
      await steps.write(() => markDone(steps.db, entry.id, 'nothing to tell the platform', steps.clock.now()));
      verdict = 'done';
    } else if (entry.kind === 'order.cancellation_accepted' || entry.kind === 'order.cancellation_rejected') verdict = await pushAnswer(c, entry, rejectReason);
    else if (entry.kind === 'order.seller_cancelled') verdict = await pushSellerCancel(c, entry);
    else if (entry.kind === 'order.redelivery_requested') {
      const refusal = sellerCenterOnly(entry.orderId, c.region);
      await steps.write(() => markRefused(steps.db, entry.id, refusal, steps.clock.now()));
      verdict = 'refused';
    } else throw new PackdeskError('INTERNAL', `No push rule for outbox kind ${entry.kind}.`);
    result[verdict]++;
  }
  await steps.write(() => recordPush(steps.db, steps.clock.now()));
  return result;
}
