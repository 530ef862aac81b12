import { fail, type ErrorCode } from './errors.js';
import type { Order, OrderStatus } from './types.js';

/**
 * Moves the seller (or the platform's automatic rules) can make locally. Platform data may
 * jump further ahead (see `platformMayMove`), but never backwards.
 */
const LOCAL_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  UNPAID: ['ON_HOLD', 'AWAITING_SHIPMENT', 'CANCELLED'],
  ON_HOLD: ['AWAITING_SHIPMENT', 'CANCELLED'],
  AWAITING_SHIPMENT: ['PARTIALLY_SHIPPING', 'AWAITING_COLLECTION', 'CANCELLED'],
  PARTIALLY_SHIPPING: ['AWAITING_COLLECTION', 'IN_TRANSIT', 'CANCELLED'],
  AWAITING_COLLECTION: ['IN_TRANSIT', 'CANCELLED'],
  IN_TRANSIT: ['DELIVERED', 'DELIVERY_FAILED'],
  // Redelivery puts the parcel back on the road.
  DELIVERY_FAILED: ['IN_TRANSIT', 'DELIVERED', 'CANCELLED'],
  DELIVERED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Position in the order's life, used to tell newer platform data from older. */
const LIFECYCLE_RANK: Record<OrderStatus, number> = {
  UNPAID: 0,
  ON_HOLD: 1,
  AWAITING_SHIPMENT: 2,
  PARTIALLY_SHIPPING: 3,
  AWAITING_COLLECTION: 4,
  IN_TRANSIT: 5,
  DELIVERY_FAILED: 6,
  DELIVERED: 7,
  COMPLETED: 8,
  CANCELLED: 9,
};

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['COMPLETED', 'CANCELLED'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return LOCAL_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    fail('ILLEGAL_TRANSITION', `An order cannot go from ${from} to ${to}.`, { from, to });
  }
}

/**
 * Whether data from the platform (an import or a sync) may replace the local status.
 * Same status: yes (fields may refresh). A later stage: yes. An earlier stage: only when the
 * local status was provisional, because then the platform knows better than our offline guess.
 * So re-importing an older file never undoes what happened locally since: an old file saying
 * IN_TRANSIT must not hide a delivery failure and its 12-day redelivery window. The one way back,
 * DELIVERY_FAILED → IN_TRANSIT, is taken only once a redelivery was requested (the parcel is then
 * back on the road); callers that pass a whole Order get this without doing anything.
 */
export function platformMayMove(order: Pick<Order, 'status' | 'provisional'> & Partial<Pick<Order, 'redeliveryRequestedAt'>>, to: OrderStatus): boolean {
  if (order.provisional) return true;
  if (order.status === to) return true;
  if (order.status === 'DELIVERY_FAILED' && to === 'IN_TRANSIT') return order.redeliveryRequestedAt != null;
  return LIFECYCLE_RANK[to] > LIFECYCLE_RANK[order.status] && !TERMINAL_STATUSES.includes(order.status);
}

export function isShippedOrLater(status: OrderStatus): boolean {
  return LIFECYCLE_RANK[status] >= LIFECYCLE_RANK.AWAITING_COLLECTION && status !== 'CANCELLED';
}

/**
 * Why an order must not be packed (or labelled) now, or null when it may.
 * Platform rule: never pack an order with a pending cancellation without the packer seeing it.
 */
export function packRefusal(order: Pick<Order, 'status' | 'cancelRequestedAt'>): ErrorCode | null {
  switch (order.status) {
    case 'UNPAID':
      return 'ORDER_UNPAID';
    case 'ON_HOLD':
      return 'ORDER_ON_HOLD';
    case 'CANCELLED':
      return 'ORDER_CANCELLED';
    case 'AWAITING_SHIPMENT':
    case 'PARTIALLY_SHIPPING':
      return order.cancelRequestedAt !== null ? 'ORDER_CANCEL_REQUESTED' : null;
    case 'AWAITING_COLLECTION':
    case 'IN_TRANSIT':
    case 'DELIVERY_FAILED':
    case 'DELIVERED':
    case 'COMPLETED':
      return 'ORDER_ALREADY_SHIPPED';
  }
}

export const REFUSAL_MESSAGES: Partial<Record<ErrorCode, string>> = {
  ORDER_UNPAID: 'The buyer has not paid yet: do not pack.',
  ORDER_ON_HOLD: 'The order is on hold (the platform holds new orders for about an hour): do not pack yet.',
  ORDER_CANCELLED: 'The order is cancelled: do not pack.',
  ORDER_ALREADY_SHIPPED: 'Shipment was already arranged for this order.',
  ORDER_CANCEL_REQUESTED: 'The buyer asked to cancel: answer the request before packing.',
};

/**
 * Why a shipping label must not be printed now, or null. Like packing, except that a parcel
 * awaiting collection may get its label again (a reprint for a torn or smudged label).
 */
export function labelRefusal(order: Pick<Order, 'status' | 'cancelRequestedAt'>): ErrorCode | null {
  if (order.status === 'AWAITING_COLLECTION') return order.cancelRequestedAt !== null ? 'ORDER_CANCEL_REQUESTED' : null;
  return packRefusal(order);
}
