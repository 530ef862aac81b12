/**
 * Orders made to order (the control API's "add order") and a whole seeded shop of them in every
 * state: split orders (two packages), combined packages (two orders, one parcel), seller-shipped
 * ones, pending buyer cancel requests, created over the last few days.
 */
import { BUYER_MESSAGES, BUYERS, CATALOGUE, SELLER_PROVIDERS, TIKTOK_PROVIDER } from './catalogue.js';
import { ControlError, cancelOrder, holdOrder, markCompleted, markDelivered, markInTransit, payOrder, requestCancel, shipElsewhere } from './lifecycle.js';
import { DAY, HOUR, type Address, type LineItem, type OrderStatus, type ShippingType, type SimOrder, type SimPackage, type Sku } from './model.js';
import type { Store } from './store.js';

export interface OrderSpec {
  status?: Exclude<OrderStatus, 'PARTIALLY_SHIPPING'>;
  /** Units by seller SKU; SKUs not in the catalogue are made up. Default: a random basket. */
  items?: { sellerSku: string; qty: number }[];
  shippingType?: ShippingType;
  /** Two packages: the order's units are split between them. */
  split?: boolean;
  /** One package for this order and that (AWAITING_SHIPMENT) one: the platform combined them. */
  combineWith?: string;
  buyerRequestCancel?: boolean;
  address?: Partial<Address>;
  buyerMessage?: string;
  shopIndex?: number;
}

function skuFor(sellerSku: string): Sku {
  const known = CATALOGUE.find((s) => s.sellerSku === sellerSku);
  if (known) return known;
  const n = [...sellerSku].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 1e8;
  return {
    skuId: `17296599${String(n).padStart(11, '0')}`,
    productId: `172965990${String(n).padStart(10, '0')}`,
    sellerSku,
    productName: `Product ${sellerSku}`,
    skuName: 'Default',
    price: '9.99',
  };
}

function randomBasket(store: Store): Sku[] {
  const r = store.random;
  if (r.chance(0.55)) return [r.pick(CATALOGUE)];
  const units: Sku[] = [];
  const kinds = r.int(1, 3);
  for (let k = 0; k < kinds; k++) {
    const s = r.pick(CATALOGUE);
    for (let q = r.int(1, 2); q > 0; q--) units.push(s);
  }
  return units;
}

function newPackage(store: Store, order: SimOrder, lines: LineItem[]): SimPackage {
  const pkg: SimPackage = {
    id: store.ids.make('1153', 19),
    shopCipher: order.shopCipher,
    orderIds: [order.id],
    lineItemIds: lines.map((l) => l.id),
    status: 'TO_FULFILL',
    createTime: order.createTime,
    updateTime: order.createTime,
    labelGeneratingLeft: 0,
  };
  for (const line of lines) line.packageId = pkg.id;
  store.packages.set(pkg.id, pkg);
  order.packageIds.push(pkg.id);
  return pkg;
}

function combine(store: Store, order: SimOrder, otherId: string): void {
  const other = store.order(otherId);
  const pkg = store.packagesOf(other)[0];
  if (other.status !== 'AWAITING_SHIPMENT' || other.packageIds.length !== 1 || !pkg || pkg.status !== 'TO_FULFILL') {
    throw new ControlError(`Order ${otherId} cannot be combined: it must be AWAITING_SHIPMENT with one unshipped package.`);
  }
  order.userId = other.userId;
  order.address = { ...other.address };
  order.shippingType = other.shippingType;
  pkg.orderIds.push(order.id);
  for (const line of order.lineItems) {
    line.packageId = pkg.id;
    pkg.lineItemIds.push(line.id);
  }
  order.packageIds.push(pkg.id);
  order.splitOrCombine = other.splitOrCombine = 'COMBINED';
}

export function createOrder(store: Store, spec: OrderSpec = {}): SimOrder {
  const r = store.random;
  const shop = store.shops[spec.shopIndex ?? 0];
  if (!shop) throw new ControlError(`No shop ${spec.shopIndex}.`);
  const units = spec.items ? spec.items.flatMap((i) => Array.from({ length: i.qty }, () => skuFor(i.sellerSku))) : randomBasket(store);
  if (units.length === 0) throw new ControlError('An order needs at least one unit.');
  const shippingType = spec.shippingType ?? (r.chance(0.1) ? 'SELLER' : 'TIKTOK');
  const provider = shippingType === 'SELLER' ? SELLER_PROVIDERS[0] : TIKTOK_PROVIDER;
  const now = store.now();
  const order: SimOrder = {
    id: store.ids.make('5764', 18),
    shopCipher: shop.cipher,
    status: 'UNPAID',
    createTime: now,
    updateTime: now,
    buyerMessage: spec.buyerMessage ?? r.pick(BUYER_MESSAGES),
    sellerNote: '',
    userId: store.ids.make('7494', 19),
    shippingType,
    deliveryOptionName: shippingType === 'SELLER' ? 'Seller shipping' : 'Standard shipping',
    shippingProvider: provider.name,
    shippingProviderId: provider.id,
    warehouseId: '7068517275539719942',
    address: { ...r.pick(BUYERS), ...spec.address },
    lineItems: units.map((s) => ({ id: store.ids.make('5764', 18), sku: s })),
    packageIds: [],
  };
  store.orders.set(order.id, order);
  store.keysChanged();
  if (spec.combineWith) {
    combine(store, order, spec.combineWith);
  } else if (spec.split && units.length >= 2) {
    const half = Math.ceil(units.length / 2);
    newPackage(store, order, order.lineItems.slice(0, half));
    newPackage(store, order, order.lineItems.slice(half));
    order.splitOrCombine = 'SPLIT';
  } else {
    newPackage(store, order, order.lineItems);
  }
  advanceTo(store, order, spec.status ?? 'AWAITING_SHIPMENT');
  if (spec.buyerRequestCancel) requestCancel(store, order);
  return order;
}

/** Walks a new order through the states the platform would have taken it through. */
function advanceTo(store: Store, order: SimOrder, status: NonNullable<OrderSpec['status']>): void {
  if (status === 'UNPAID') return;
  if (status === 'CANCELLED') {
    cancelOrder(store, order, store.random.chance(0.5) ? 'BUYER' : 'SYSTEM', 'Buyer no longer needs the item');
    return;
  }
  payOrder(store, order);
  if (status === 'ON_HOLD') {
    if (order.status !== 'ON_HOLD') holdOrder(store, order);
    return;
  }
  if (order.status === 'ON_HOLD') order.status = 'AWAITING_SHIPMENT';
  if (status === 'AWAITING_SHIPMENT') return;
  shipElsewhere(store, order);
  if (status === 'AWAITING_COLLECTION') return;
  markInTransit(store, order);
  if (status === 'IN_TRANSIT') return;
  markDelivered(store, order);
  if (status === 'DELIVERED') return;
  markCompleted(store, order);
}

const STATUS_WEIGHTS = {
  AWAITING_SHIPMENT: 50,
  UNPAID: 6,
  ON_HOLD: 6,
  AWAITING_COLLECTION: 12,
  IN_TRANSIT: 8,
  DELIVERED: 5,
  COMPLETED: 5,
  CANCELLED: 8,
} as const;

/** `count` orders created over the last six days, their times spread as a real shop's would be. */
export function generateOrders(store: Store, count: number): void {
  const r = store.random;
  let previous: SimOrder | undefined;
  for (let i = 0; i < count; i++) {
    const status = r.weighted(STATUS_WEIGHTS);
    const combinable =
      status === 'AWAITING_SHIPMENT' && previous?.status === 'AWAITING_SHIPMENT' && previous.packageIds.length === 1 && !previous.splitOrCombine;
    const combineWith = combinable && r.chance(0.12) ? previous!.id : undefined;
    const order = createOrder(store, { status, combineWith, split: !combineWith && r.chance(0.08) });
    backdate(store, order, r.int(10 * 60, 6 * DAY));
    if (status === 'AWAITING_SHIPMENT' && !combineWith && r.chance(0.1)) {
      const since = order.updateTime;
      const request = requestCancel(store, order);
      // Requests still waiting are younger than their 48 h deadline.
      request.createTime = request.updateTime = order.updateTime = later(store, Math.max(since, store.now() - 40 * HOUR), 20 * HOUR);
      request.deadline = request.createTime + 2 * DAY;
    }
    previous = order;
  }
  store.keysChanged();
}

/** A moment after `from`, at most `maxGap` later and never more than half way to now. */
function later(store: Store, from: number, maxGap: number): number {
  return from + Math.floor(store.random.next() * Math.min(maxGap, (store.now() - from) / 2));
}

/** Moves a just-made order's history `age` seconds into the past, keeping its order of events. */
function backdate(store: Store, order: SimOrder, age: number): void {
  order.createTime = store.now() - age;
  let last = order.createTime;
  if (order.paidTime !== undefined) last = order.paidTime = later(store, last, 1800);
  for (const pkg of store.packagesOf(order)) {
    pkg.createTime = Math.min(pkg.createTime, last);
    if (pkg.shippedTime !== undefined) pkg.shippedTime = later(store, last, 40 * HOUR);
    pkg.updateTime = later(store, Math.max(pkg.createTime, pkg.shippedTime ?? 0), 30 * HOUR);
    last = Math.max(last, pkg.updateTime);
  }
  if (order.cancelTime !== undefined) last = order.cancelTime = later(store, last, 20 * HOUR);
  order.updateTime = last;
}
