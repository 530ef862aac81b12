import { DAY, HOUR } from './clock.js';
import { canTransition } from './status.js';
import type { Millis, Order } from './types.js';

/** Platform rules from the seller handbook (see shared/DESIGN.md). */
export const RULES = {
  preparation: 48 * HOUR, // awaiting shipment → awaiting collection
  collection: 72 * HOUR, // awaiting collection → in transit
  fulfillment: 120 * HOUR, // awaiting shipment → in transit
  unpaidAutoCancel: 48 * HOUR,
  answerCancellation: 48 * HOUR,
  redeliveryWindow: 12 * DAY,
} as const;

export const DEADLINE_KINDS = [
  'PAY_BY', // unpaid orders cancel automatically
  'ANSWER_CANCELLATION',
  'SHIP_BY', // label printed and shipment arranged
  'COLLECT_BY', // parcel scanned in at the consolidation warehouse
  'FULFIL_BY', // in transit
  'REQUEST_REDELIVERY',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  at: Millis;
  /** True when the platform sent this time; false when computed from the rules. */
  fromPlatform: boolean;
}

export type Urgency = 'OVERDUE' | 'UNDER_6H' | 'UNDER_24H' | 'LATER' | 'NONE';

type DeadlineFacts = Pick<
  Order,
  'status' | 'createdAt' | 'paidAt' | 'rtsAt' | 'cancelRequestedAt' | 'deliveryFailedAt' | 'redeliveryRequestedAt' | 'platformDeadlines'
>;

function answerDue(requestedAt: Millis): Millis {
  return requestedAt + RULES.answerCancellation;
}

function computed(kind: DeadlineKind, at: Millis): Deadline {
  return { kind, at, fromPlatform: false };
}

function platformOr(kind: DeadlineKind, platformAt: Millis | null, fallback: Millis | null): Deadline | null {
  if (platformAt !== null) return { kind, at: platformAt, fromPlatform: true };
  return fallback === null ? null : computed(kind, fallback);
}

/** Every deadline that currently binds the order, earliest first. */
export function openDeadlines(order: DeadlineFacts): Deadline[] {
  const out: Deadline[] = [];
  // An order past payment without a paid time (some exports leave it empty): count from creation.
  const paid = order.status === 'UNPAID' ? null : (order.paidAt ?? order.createdAt);
  if (order.cancelRequestedAt !== null && canTransition(order.status, 'CANCELLED')) {
    out.push(
      order.platformDeadlines.answerBy != null
        ? { kind: 'ANSWER_CANCELLATION', at: order.platformDeadlines.answerBy, fromPlatform: true }
        : computed('ANSWER_CANCELLATION', answerDue(order.cancelRequestedAt)),
    );
  }
  switch (order.status) {
    case 'UNPAID':
      out.push(computed('PAY_BY', order.createdAt + RULES.unpaidAutoCancel));
      break;
    case 'ON_HOLD':
    case 'AWAITING_SHIPMENT':
    case 'PARTIALLY_SHIPPING': {
      const shipBy = platformOr('SHIP_BY', order.platformDeadlines.shipBy, paid === null ? null : paid + RULES.preparation);
      if (shipBy) out.push(shipBy);
      if (paid !== null) out.push(computed('FULFIL_BY', paid + RULES.fulfillment));
      break;
    }
    case 'AWAITING_COLLECTION': {
      const rts = order.rtsAt;
      const collectBy = platformOr('COLLECT_BY', order.platformDeadlines.collectBy, rts === null ? null : rts + RULES.collection);
      if (collectBy) out.push(collectBy);
      if (paid !== null) out.push(computed('FULFIL_BY', paid + RULES.fulfillment));
      break;
    }
    case 'DELIVERY_FAILED':
      if (order.deliveryFailedAt !== null && order.redeliveryRequestedAt === null) {
        out.push(computed('REQUEST_REDELIVERY', order.deliveryFailedAt + RULES.redeliveryWindow));
      }
      break;
    case 'IN_TRANSIT':
    case 'DELIVERED':
    case 'COMPLETED':
    case 'CANCELLED':
      break;
  }
  return out.sort((a, b) => a.at - b.at);
}

export function nextDeadline(order: DeadlineFacts): Deadline | null {
  return openDeadlines(order)[0] ?? null;
}

export function urgencyOf(deadline: Deadline | null, now: Millis): Urgency {
  if (!deadline) return 'NONE';
  const left = deadline.at - now;
  if (left < 0) return 'OVERDUE';
  if (left < 6 * HOUR) return 'UNDER_6H';
  if (left < 24 * HOUR) return 'UNDER_24H';
  return 'LATER';
}

/**
 * The platform's automatic rules, applied locally while offline. Returns the provisional
 * change to make, or null. The platform's next word replaces it (see status.platformMayMove).
 * A rule fires only once its deadline has passed (when urgencyOf calls it OVERDUE): "within
 * 48 h" still includes the 48 h mark itself.
 */
export function automaticOutcome(order: DeadlineFacts, now: Millis): { status: 'CANCELLED'; reason: string } | null {
  if (order.status === 'UNPAID' && now > order.createdAt + RULES.unpaidAutoCancel) {
    return { status: 'CANCELLED', reason: 'Unpaid for 48 hours (cancelled automatically)' };
  }
  if (
    order.cancelRequestedAt !== null &&
    canTransition(order.status, 'CANCELLED') &&
    now > (order.platformDeadlines.answerBy ?? answerDue(order.cancelRequestedAt))
  ) {
    return { status: 'CANCELLED', reason: 'Cancellation request not answered within 48 hours' };
  }
  return null;
}
