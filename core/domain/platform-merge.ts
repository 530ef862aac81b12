import type { Millis, Order, OrderLine, OrderStatus, PlatformDeadlines, Recipient } from './types.js';

/** An order as the platform describes it (an export file today, the Open API later). */
export interface PlatformOrder {
  id: string;
  status: OrderStatus;
  /** Substatus / cancellation columns tell of a pending buyer cancellation request. */
  cancelRequested: boolean;
  lines: Omit<OrderLine, 'packedQuantity'>[];
  recipient: Recipient;
  buyerUsername: string;
  buyerMessage: string;
  sellerNote: string;
  trackingNumber: string;
  packageId: string;
  carrier: string;
  deliveryOption: string;
  weightKg: number | null;
  createdAt: Millis;
  paidAt: Millis | null;
  rtsAt: Millis | null;
  shippedAt: Millis | null;
  deliveredAt: Millis | null;
  cancelledAt: Millis | null;
  cancelReason: string;
  platformDeadlines: PlatformDeadlines;
}

/** Keeps what was packed here: a line's packed count survives any platform refresh. */
function mergeLines(incoming: PlatformOrder['lines'], local: readonly OrderLine[], skuIds: readonly string[]): OrderLine[] {
  const packedBySku = new Map<string, number>();
  for (const l of local) packedBySku.set(l.skuId, (packedBySku.get(l.skuId) ?? 0) + l.packedQuantity);
  return incoming.map((l, i) => {
    const skuId = skuIds[i]!;
    const left = packedBySku.get(skuId) ?? 0;
    const packedQuantity = Math.min(left, l.quantity);
    packedBySku.set(skuId, left - packedQuantity);
    return { ...l, skuId, packedQuantity };
  });
}

/**
 * The order as the platform describes it, keeping everything that only happens at this station
 * (packing, short-packs, redelivery requests, handover). `skuIds` maps each line to the catalogue;
 * `cancelAnswered` says the seller already answered a cancellation request here.
 */
export function mergePlatformOrder(f: PlatformOrder, local: Order | null, skuIds: readonly string[], cancelAnswered: boolean, now: Millis): Order {
  // The export carries no request time: the first import that sees the request starts the clock.
  const requested = f.cancelRequested && !(local && cancelAnswered);
  return {
    id: f.id,
    status: f.status,
    cancelRequestedAt: requested ? (local?.cancelRequestedAt ?? now) : null,
    lines: mergeLines(f.lines, local?.lines ?? [], skuIds),
    recipient: f.recipient,
    buyerUsername: f.buyerUsername,
    buyerMessage: f.buyerMessage,
    sellerNote: f.sellerNote,
    trackingNumber: f.trackingNumber || local?.trackingNumber || '',
    packageId: f.packageId || local?.packageId || '',
    carrier: f.carrier,
    deliveryOption: f.deliveryOption,
    weightKg: f.weightKg,
    createdAt: f.createdAt,
    paidAt: f.paidAt,
    rtsAt: f.rtsAt ?? local?.rtsAt ?? null,
    shippedAt: f.shippedAt,
    deliveredAt: f.deliveredAt,
    deliveryFailedAt: f.status === 'DELIVERY_FAILED' ? (local?.deliveryFailedAt ?? now) : (local?.deliveryFailedAt ?? null),
    cancelledAt: f.cancelledAt,
    cancelReason: f.cancelReason,
    platformDeadlines: f.platformDeadlines,
    packedAt: local?.packedAt ?? null,
    packedBy: local?.packedBy ?? null,
    shortPackReason: local?.shortPackReason ?? '',
    redeliveryRequestedAt: local?.redeliveryRequestedAt ?? null,
    handedOverAt: local?.handedOverAt ?? null,
    provisional: false,
    version: local?.version ?? 1,
    updatedAt: local?.updatedAt ?? now,
  };
}

export function sameOrder(a: Order, b: Order): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
