import { DAY } from './clock.js';
import { automaticOutcome, RULES } from './deadlines.js';
import { fail } from './errors.js';
import { isPackDone } from './packing.js';
import { canTransition, packRefusal, REFUSAL_MESSAGES } from './status.js';
import type { Millis, Order, Recipient } from './types.js';

/**
 * The seller's own moves on an order, as pure decisions: each returns the order to save (or throws
 * the coded refusal). The store saves it with its outbox entry in one transaction.
 */

/** Arrange shipment: the parcel is announced to the carrier and awaits collection. */
export function decideArrange(order: Order, allowUnpacked: boolean, now: Millis): Order {
  const refusal = packRefusal(order);
  if (refusal) fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
  if (!allowUnpacked && !isPackDone(order)) fail('ORDER_NOT_PACKED', `Order ${order.id} is not packed yet.`);
  if (!canTransition(order.status, 'AWAITING_COLLECTION')) fail('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status}.`);
  return { ...order, status: 'AWAITING_COLLECTION', rtsAt: now };
}

/** The seller's answer to a buyer's cancellation request. */
export function decideCancellationAnswer(order: Order, accept: boolean, now: Millis): Order {
  if (order.cancelRequestedAt === null) fail('NO_CANCEL_REQUEST', `Order ${order.id} has no cancellation request to answer.`);
  // Rejecting is no answer once the order is cancelled (e.g. by the 48 h rule): the platform won't take it.
  if (!canTransition(order.status, 'CANCELLED')) {
    fail('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status}: its cancellation request can no longer be answered.`);
  }
  if (!accept) return { ...order, cancelRequestedAt: null };
  return { ...order, status: 'CANCELLED', cancelRequestedAt: null, cancelledAt: now, cancelReason: 'Buyer request accepted' };
}

/**
 * The seller cancels. Platform rule: that sets the stock of the order's SKUs to 0, which delists
 * them, so the caller must have confirmed it.
 */
export function decideSellerCancel(order: Order, reason: string, confirmed: boolean, now: Millis): { next: Order; skuIds: string[] } {
  if (!canTransition(order.status, 'CANCELLED')) {
    fail('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status} and can no longer be cancelled.`);
  }
  const skuIds = [...new Set(order.lines.map((l) => l.skuId))];
  if (!confirmed) {
    fail(
      'CONFIRMATION_REQUIRED',
      `Cancelling as the seller sets the stock of ${order.lines.map((l) => l.sellerSku).join(', ')} to 0, which delists them. Confirm to go on.`,
      { skuIds },
    );
  }
  return { next: { ...order, status: 'CANCELLED', cancelledAt: now, cancelReason: reason, cancelRequestedAt: null }, skuIds };
}

export type RedeliveryAddress = Pick<Recipient, 'name' | 'phone' | 'address' | 'postcode' | 'city' | 'state' | 'country'>;

/**
 * Platform rule: after "Delivery can't be completed" the seller may ask, once per order and
 * within 12 days, for redelivery to a new address with a house number and a postcode.
 */
export function decideRedelivery(order: Order, to: RedeliveryAddress, now: Millis): Order {
  if (order.status !== 'DELIVERY_FAILED') {
    fail('ILLEGAL_TRANSITION', `Redelivery is only for failed deliveries; order ${order.id} is ${order.status}.`);
  }
  if (order.redeliveryRequestedAt !== null) {
    fail('REDELIVERY_ALREADY_REQUESTED', `Redelivery was already requested for order ${order.id}; the platform allows it once.`);
  }
  const failedAt = order.deliveryFailedAt ?? order.updatedAt;
  if (now > failedAt + RULES.redeliveryWindow)
    fail('DEADLINE_PASSED', `The ${RULES.redeliveryWindow / DAY} days to request redelivery for order ${order.id} have passed.`);
  // Any decimal digit: a house number typed through a Chinese IME arrives as full-width digits.
  if (!/\p{Nd}/u.test(to.address)) fail('ADDRESS_INCOMPLETE', 'The new address needs a house number.');
  const recipient: Recipient = {
    ...order.recipient,
    name: to.name,
    phone: to.phone,
    address: to.address,
    postcode: to.postcode,
    city: to.city || order.recipient.city,
    state: to.state || order.recipient.state,
    country: to.country || order.recipient.country,
  };
  return { ...order, recipient, redeliveryRequestedAt: now };
}

/**
 * The platform's automatic rules applied locally while offline (unpaid 48 h, unanswered
 * cancellation 48 h): the order to save, marked provisional, or null when nothing is due.
 */
export function decideAutomatic(order: Order, now: Millis): Order | null {
  const outcome = automaticOutcome(order, now);
  if (!outcome) return null;
  return { ...order, status: outcome.status, cancelReason: outcome.reason, cancelledAt: now, provisional: true };
}
