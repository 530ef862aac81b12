/**
 * How orders move on the platform: payment, hold, buyer cancel requests and their answers, seller
 * and platform cancels, shipping (by this API or elsewhere), collection and delivery. Each change
 * moves update_time. A change the platform would refuse to an API caller throws a PlatformError;
 * one a test asks for in the wrong state throws a ControlError.
 */
import { PlatformError, refuse } from './codes.js';
import { DAY, type Address, type OrderStatus, type SimCancellation, type SimOrder, type SimPackage } from './model.js';
import type { Store } from './store.js';

export class ControlError extends Error {}

function requireStatus(order: SimOrder, allowed: OrderStatus[], action: string): void {
  if (!allowed.includes(order.status)) throw new ControlError(`Cannot ${action} order ${order.id}: it is ${order.status}.`);
}

export function payOrder(store: Store, order: SimOrder): void {
  requireStatus(order, ['UNPAID'], 'pay');
  order.paidTime = store.now();
  order.status = store.settings.holdOnPay ? 'ON_HOLD' : 'AWAITING_SHIPMENT';
  store.touch(order);
}

export function holdOrder(store: Store, order: SimOrder): void {
  requireStatus(order, ['AWAITING_SHIPMENT'], 'put on hold');
  order.status = 'ON_HOLD';
  store.touch(order);
}

export function releaseOrder(store: Store, order: SimOrder): void {
  requireStatus(order, ['ON_HOLD'], 'release');
  order.status = 'AWAITING_SHIPMENT';
  store.deriveShippingStatus(order);
  store.touch(order);
}

/** The buyer asks to cancel; the seller has 48 h to answer (DESIGN.md), or the platform cancels. */
export function requestCancel(store: Store, order: SimOrder, reason = 'Buyer changed their mind'): SimCancellation {
  requireStatus(order, ['ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'], 'request a cancel of');
  if (store.pendingCancellation(order)) throw new ControlError(`Order ${order.id} already has a pending cancel request.`);
  const now = store.now();
  const request: SimCancellation = {
    id: store.ids.make('577', 18),
    orderId: order.id,
    shopCipher: order.shopCipher,
    type: 'BUYER_CANCEL',
    role: 'BUYER',
    status: 'CANCELLATION_REQUEST_PENDING',
    reason,
    createTime: now,
    updateTime: now,
    deadline: now + 2 * DAY,
    lineItemIds: order.lineItems.filter((l) => !l.cancelledBy).map((l) => l.id),
  };
  store.cancellations.set(request.id, request);
  order.pendingCancelId = request.id;
  store.touch(order);
  return request;
}

/** Cancelled by the platform, the buyer (request approved) or the seller. */
export function cancelOrder(store: Store, order: SimOrder, by: 'BUYER' | 'SELLER' | 'SYSTEM', reason: string): void {
  if (['DELIVERED', 'COMPLETED', 'CANCELLED'].includes(order.status)) throw new ControlError(`Order ${order.id} is ${order.status}.`);
  const pending = store.pendingCancellation(order);
  if (pending) closeCancellation(store, pending, 'CANCELLATION_REQUEST_SUCCESS');
  order.status = 'CANCELLED';
  order.cancelTime = store.now();
  order.cancelReason = reason;
  order.cancellationInitiator = by;
  for (const line of order.lineItems) line.cancelledBy ??= by;
  for (const pkg of store.packagesOf(order)) {
    const others = store.ordersOf(pkg).filter((o) => o.id !== order.id && o.status !== 'CANCELLED');
    if (others.length === 0) pkg.status = 'CANCELLED';
    store.touchPackage(pkg);
  }
  store.touch(order);
}

function closeCancellation(store: Store, c: SimCancellation, status: SimCancellation['status']): void {
  c.status = status;
  c.updateTime = store.now();
  const order = store.orders.get(c.orderId);
  if (order?.pendingCancelId === c.id) order.pendingCancelId = undefined;
}

export function requirePending(c: SimCancellation): void {
  if (c.status !== 'CANCELLATION_REQUEST_PENDING') refuse('cancellationNotPending', `Cancellation ${c.id} is ${c.status}.`);
}

export function approveCancellation(store: Store, c: SimCancellation): void {
  requirePending(c);
  closeCancellation(store, c, 'CANCELLATION_REQUEST_SUCCESS');
  cancelOrder(store, store.order(c.orderId), 'BUYER', c.reason);
}

export function rejectCancellation(store: Store, c: SimCancellation, rejectReason: string): void {
  requirePending(c);
  closeCancellation(store, c, 'CLOSED');
  c.rejectReason = rejectReason;
  store.touch(store.order(c.orderId));
}

/** Overdue buyer requests: the platform approves them itself. */
export function cancelOverdue(store: Store, c: SimCancellation): void {
  closeCancellation(store, c, 'CANCELLATION_REQUEST_SUCCESS');
  const order = store.orders.get(c.orderId);
  if (order && order.status !== 'CANCELLED') cancelOrder(store, order, 'SYSTEM', 'Seller did not respond in time');
}

/** A seller's own cancel, of the whole order or some of its line items. */
export function sellerCancel(store: Store, order: SimOrder, reason: string, lineItemIds?: string[]): SimCancellation {
  if (!['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT'].includes(order.status)) refuse('orderNotCancellable', `Order ${order.id} is ${order.status}.`);
  const open = order.lineItems.filter((l) => !l.cancelledBy);
  const chosen = lineItemIds ?? open.map((l) => l.id);
  for (const id of chosen) if (!open.some((l) => l.id === id)) refuse('invalidParam', `Line item ${id} is not an open line of order ${order.id}.`);
  const now = store.now();
  const c: SimCancellation = {
    id: store.ids.make('577', 18),
    orderId: order.id,
    shopCipher: order.shopCipher,
    type: 'CANCEL',
    role: 'SELLER',
    status: 'CANCELLATION_REQUEST_COMPLETE',
    reason,
    createTime: now,
    updateTime: now,
    lineItemIds: chosen,
  };
  store.cancellations.set(c.id, c);
  if (chosen.length === open.length) {
    cancelOrder(store, order, 'SELLER', reason);
  } else {
    for (const line of order.lineItems) if (chosen.includes(line.id)) line.cancelledBy = 'SELLER';
    store.touch(order);
  }
  return c;
}

export interface ShipRequest {
  handoverMethod?: 'PICKUP' | 'DROP_OFF';
  selfShipment?: { trackingNumber: string; shippingProviderId: string };
}

/** The platform's checks before it arranges a package, in the order it reports them. */
export function checkShippable(store: Store, pkg: SimPackage, request: ShipRequest): void {
  const orders = store.ordersOf(pkg);
  if (pkg.status === 'CANCELLED' || orders.every((o) => o.status === 'CANCELLED')) refuse('packageCancelled', `Package ${pkg.id}.`);
  if (pkg.status !== 'TO_FULFILL') {
    throw new PlatformError({ code: store.settings.alreadyShippedCode, http: 200, message: 'The package has already been shipped.' }, `Package ${pkg.id}.`);
  }
  if (orders.some((o) => o.status === 'UNPAID' || o.status === 'ON_HOLD')) refuse('orderNotReady', `Package ${pkg.id}.`);
  if (orders.some((o) => store.pendingCancellation(o))) refuse('afterSaleRequest', `Package ${pkg.id}.`);
  const sellerShipped = orders[0]!.shippingType === 'SELLER';
  if (sellerShipped && !request.selfShipment) refuse('invalidParam', 'A seller-shipped package needs self_shipment { tracking_number, shipping_provider_id }.');
  if (!sellerShipped && request.selfShipment) refuse('invalidParam', 'self_shipment is only for seller-shipped delivery options.');
}

export function applyShip(store: Store, pkg: SimPackage, request: ShipRequest, via: 'api' | 'elsewhere'): void {
  const sellerShipped = store.ordersOf(pkg)[0]!.shippingType === 'SELLER';
  pkg.status = 'PROCESSING';
  pkg.shippedTime = store.now();
  pkg.shippedVia = via;
  pkg.handoverMethod = request.handoverMethod ?? 'DROP_OFF';
  pkg.trackingNumber = request.selfShipment?.trackingNumber ?? (sellerShipped ? `SELF${store.ids.make('', 12)}` : `JT${store.ids.make('5', 13)}`);
  pkg.labelGeneratingLeft = via === 'api' ? store.settings.labelGeneratingCalls : 0;
  store.touchPackage(pkg);
  for (const order of store.ordersOf(pkg)) store.deriveShippingStatus(order);
}

/** Arranged in Seller Center or by another tool: the package is shipped, this API never saw it. */
export function shipElsewhere(store: Store, order: SimOrder): void {
  requireStatus(order, ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'], 'ship elsewhere');
  const seller = order.shippingType === 'SELLER';
  for (const pkg of store.packagesOf(order)) {
    if (pkg.status !== 'TO_FULFILL') continue;
    const selfShipment = seller ? { trackingNumber: `SC${store.ids.make('', 12)}`, shippingProviderId: order.shippingProviderId } : undefined;
    applyShip(store, pkg, { selfShipment }, 'elsewhere');
  }
}

export function changeAddress(store: Store, order: SimOrder, patch: Partial<Address>): void {
  if (['IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'].includes(order.status)) throw new ControlError(`Order ${order.id} is ${order.status}.`);
  Object.assign(order.address, patch);
  store.touch(order);
}

export function markInTransit(store: Store, order: SimOrder): void {
  requireStatus(order, ['AWAITING_COLLECTION'], 'move to IN_TRANSIT');
  for (const pkg of store.packagesOf(order)) {
    if (pkg.status === 'PROCESSING') pkg.status = 'FULFILLING';
    store.touchPackage(pkg);
  }
  for (const o of store.packagesOf(order).flatMap((p) => store.ordersOf(p))) {
    if (o.status === 'AWAITING_COLLECTION') o.status = 'IN_TRANSIT';
  }
  store.touch(order);
}

export function markDelivered(store: Store, order: SimOrder): void {
  requireStatus(order, ['IN_TRANSIT'], 'deliver');
  order.status = 'DELIVERED';
  for (const pkg of store.packagesOf(order)) {
    if (pkg.status === 'FULFILLING') pkg.status = 'COMPLETED';
    store.touchPackage(pkg);
  }
}

export function markCompleted(store: Store, order: SimOrder): void {
  requireStatus(order, ['DELIVERED'], 'complete');
  order.status = 'COMPLETED';
  store.touch(order);
}

export function editNotes(store: Store, order: SimOrder, notes: { buyerMessage?: string; sellerNote?: string }): void {
  if (notes.buyerMessage !== undefined) order.buyerMessage = notes.buyerMessage;
  if (notes.sellerNote !== undefined) order.sellerNote = notes.sellerNote;
  store.touch(order);
}
