/**
 * How an order pulled from the platform meets the order at the bench. The platform is the truth
 * about the order (status, address, deadlines, tracking, packages); the bench is the truth about
 * the work done here (scans, packed quantities, short-packs, handover, labels, answers and
 * shipments not yet pushed). Where the two disagree in a way the packer must see, a conflict is
 * raised: it becomes a banner on every screen and in the CLI until it is settled.
 */
import { blankOrder } from './order.js';
import { unitsPacked } from './packing.js';
import { isShippedOrLater } from './status.js';
import type { Millis, Order, OrderLine, OrderStatus, PlatformDeadlines, Recipient } from './types.js';

export const CONFLICT_KINDS = ['CANCELLED_WHILE_PACKING', 'SHIPPED_ELSEWHERE', 'ADDRESS_CHANGED_AFTER_LABEL', 'ON_HOLD'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One of the order's packages as the platform lists it; the first is the order's main package. */
export interface SnapshotPackage {
  id: string;
  /** TO_FULFILL, PROCESSING, FULFILLING, COMPLETED, CANCELLED, or '' when the platform did not say. */
  status: string;
  trackingNumber: string;
  carrier: string;
  carrierId: string;
  shippingType: '' | 'TIKTOK' | 'SELLER';
}

/** An order as the platform describes it, already in Packdesk's units (ms, grouped lines). */
export interface PlatformSnapshot {
  id: string;
  /** The platform's update_time, Unix seconds: the upsert guard. */
  updateTime: number;
  status: OrderStatus;
  /** When the buyer's pending cancellation request was made; null when none is pending. */
  cancelRequestAt: Millis | null;
  /** Unit line items grouped by SKU; `skuId` is the platform's SKU id until the catalogue maps it. */
  lines: Omit<OrderLine, 'packedQuantity'>[];
  /** null while the platform hides the address (UNPAID, ON_HOLD). */
  recipient: Recipient | null;
  buyerMessage: string;
  sellerNote: string;
  trackingNumber: string;
  carrier: string;
  deliveryOption: string;
  createdAt: Millis;
  paidAt: Millis | null;
  rtsAt: Millis | null;
  cancelledAt: Millis | null;
  cancelReason: string;
  platformDeadlines: Pick<PlatformDeadlines, 'shipBy' | 'collectBy'>;
  packages: SnapshotPackage[];
}

/** What the store knows around the order that the merge must respect. */
export interface MergeFacts {
  /** update_time of the last platform data stored for this order, or null. */
  storedUpdateTime: number | null;
  /** When the seller last answered a cancellation request here (an answer not discarded), or null. */
  cancelAnsweredAt: Millis | null;
  /** The platform's deadline for answering the pending request (from the cancellations search). */
  answerBy: Millis | null;
  /** A station has this order open for packing. */
  openAtBench: boolean;
  /** When this order's shipping label was last printed here, or null. */
  labelPrintedAt: Millis | null;
  /** Shipment was arranged here (an outbox entry not discarded): the platform will hear of it. */
  shipmentArrangedHere: boolean;
  /** The order was cancelled here (a request accepted, or the seller's cancel; not discarded). */
  cancelledHere: boolean;
}

export interface RaisedConflict {
  kind: ConflictKind;
  details: Record<string, unknown>;
}

export type MergeResult =
  /** Older than what is stored: nothing changes. */
  { action: 'stale' } | { action: 'insert' | 'update' | 'unchanged'; order: Order; raise: RaisedConflict[]; settle: ConflictKind[] };

/** Keeps what was packed here: a line's packed count survives any platform refresh. */
export function carryPacked(incoming: readonly Omit<OrderLine, 'packedQuantity'>[], local: readonly OrderLine[], skuIds: readonly string[]): OrderLine[] {
  const packedBySku = new Map<string, number>();
  for (const l of local) packedBySku.set(l.skuId, (packedBySku.get(l.skuId) ?? 0) + l.packedQuantity);
  return incoming.map((l, i) => {
    const skuId = skuIds[i] ?? l.skuId;
    const left = packedBySku.get(skuId) ?? 0;
    const packedQuantity = Math.min(left, l.quantity);
    packedBySku.set(skuId, left - packedQuantity);
    return { ...l, skuId, packedQuantity };
  });
}

const ADDRESS_FIELDS = ['name', 'address', 'postcode', 'city', 'state', 'district', 'country'] as const;

/** Address fields that differ; the phone is left out, since the platform masks it differently over time. */
export function changedAddressFields(before: Recipient, after: Recipient): string[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return ADDRESS_FIELDS.filter((f) => norm(before[f]) !== norm(after[f]));
}

function hasAddress(r: Recipient): boolean {
  return r.address.trim() !== '' || r.postcode.trim() !== '';
}

function workStarted(local: Order, facts: MergeFacts): boolean {
  return facts.openAtBench || unitsPacked(local) > 0 || local.packedAt !== null;
}

/** The packer must see these; each is settled by the packer (acknowledge) or by what happens next. */
function conflictsOf(local: Order | null, next: Order, snap: PlatformSnapshot, facts: MergeFacts): { raise: RaisedConflict[]; settle: ConflictKind[] } {
  const raise: RaisedConflict[] = [];
  const settle: ConflictKind[] = next.status === 'ON_HOLD' ? [] : ['ON_HOLD'];
  if (!local) return { raise, settle };
  const packed = unitsPacked(local);
  if (next.status === 'CANCELLED' && local.status !== 'CANCELLED' && local.handedOverAt === null && workStarted(local, facts)) {
    raise.push({ kind: 'CANCELLED_WHILE_PACKING', details: { packedUnits: packed, openAtBench: facts.openAtBench, reason: snap.cancelReason } });
  }
  const packable = local.status === 'AWAITING_SHIPMENT' || local.status === 'PARTIALLY_SHIPPING' || local.status === 'ON_HOLD';
  if (packable && isShippedOrLater(next.status) && !facts.shipmentArrangedHere && (workStarted(local, facts) || facts.labelPrintedAt !== null)) {
    raise.push({ kind: 'SHIPPED_ELSEWHERE', details: { packedUnits: packed, trackingNumber: next.trackingNumber } });
  }
  if (facts.labelPrintedAt !== null && snap.recipient && hasAddress(local.recipient)) {
    const fields = changedAddressFields(local.recipient, snap.recipient);
    if (fields.length > 0) raise.push({ kind: 'ADDRESS_CHANGED_AFTER_LABEL', details: { fields, labelPrintedAt: facts.labelPrintedAt } });
  }
  if (next.status === 'ON_HOLD' && local.status !== 'ON_HOLD' && workStarted(local, facts)) {
    raise.push({ kind: 'ON_HOLD', details: { packedUnits: packed } });
  }
  return { raise, settle };
}

/**
 * The status to keep. The platform's word wins — it may also move an order back, to ON_HOLD say —
 * except where the bench is ahead with work the platform has not heard of yet: a shipment arranged
 * or a cancellation made here, or a failed delivery (an export's state the API does not have)
 * before a redelivery was asked for.
 */
export function syncedStatus(local: Order | null, platform: OrderStatus, facts: Pick<MergeFacts, 'shipmentArrangedHere' | 'cancelledHere'>): OrderStatus {
  if (!local || local.provisional || local.status === platform) return platform;
  if (local.status === 'AWAITING_COLLECTION' && facts.shipmentArrangedHere && (platform === 'AWAITING_SHIPMENT' || platform === 'PARTIALLY_SHIPPING'))
    return local.status;
  if (local.status === 'CANCELLED' && facts.cancelledHere) return local.status;
  if (local.status === 'DELIVERY_FAILED' && platform === 'IN_TRANSIT' && local.redeliveryRequestedAt === null) return local.status;
  return platform;
}

/**
 * The order to store for this snapshot, or 'stale' when the store holds newer platform data.
 * `skuIds` maps each snapshot line to its catalogue SKU. Local work is carried over untouched;
 * a status the bench moved past is kept until the platform catches up (syncedStatus).
 */
export function mergePlatformOrder(snap: PlatformSnapshot, local: Order | null, skuIds: readonly string[], facts: MergeFacts, now: Millis): MergeResult {
  if (facts.storedUpdateTime !== null && snap.updateTime < facts.storedUpdateTime) return { action: 'stale' };
  const base = local ?? blankOrder(snap.id, now);
  const status = syncedStatus(local, snap.status, facts);
  const answered = facts.cancelAnsweredAt !== null && snap.cancelRequestAt !== null && facts.cancelAnsweredAt >= snap.cancelRequestAt;
  const cancelRequestedAt = snap.cancelRequestAt !== null && !answered ? snap.cancelRequestAt : null;
  const next: Order = {
    ...base,
    status,
    cancelRequestedAt,
    lines: carryPacked(snap.lines, local?.lines ?? [], skuIds),
    // An ON_HOLD or UNPAID answer has no address: never erase one we had with that silence.
    recipient: snap.recipient ?? base.recipient,
    buyerMessage: snap.buyerMessage,
    sellerNote: snap.sellerNote,
    // The platform's tracking number replaces a local one; none from the platform keeps ours.
    trackingNumber: snap.trackingNumber || base.trackingNumber,
    packageId: snap.packages[0]?.id || base.packageId,
    carrier: snap.carrier || base.carrier,
    deliveryOption: snap.deliveryOption || base.deliveryOption,
    createdAt: snap.createdAt,
    paidAt: snap.paidAt ?? base.paidAt,
    rtsAt: snap.rtsAt ?? base.rtsAt,
    cancelledAt: status === 'CANCELLED' ? (snap.cancelledAt ?? base.cancelledAt ?? now) : base.cancelledAt,
    cancelReason: snap.cancelReason || base.cancelReason,
    platformDeadlines: { ...snap.platformDeadlines, ...(cancelRequestedAt !== null && facts.answerBy !== null ? { answerBy: facts.answerBy } : {}) },
    provisional: false,
  };
  const { raise, settle } = conflictsOf(local, next, snap, facts);
  if (!local) return { action: 'insert', order: next, raise, settle };
  return { action: sameOrder(local, next) ? 'unchanged' : 'update', order: next, raise, settle };
}

export function sameOrder(a: Order, b: Order): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
