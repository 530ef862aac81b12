import { HOUR, MINUTE, DAY } from '../domain/clock.js';
import type { Order, OrderLine, OrderStatus, Recipient, Sku } from '../domain/types.js';
import type { Rng } from './rng.js';

const RECIPIENTS: Omit<Recipient, 'phone'>[] = [
  {
    name: 'Emily Johnson',
    country: 'United States',
    state: 'California',
    city: 'Los Angeles',
    district: '',
    address: '1234 Sunset Blvd Apt 5',
    postcode: '90026',
  },
  {
    name: "Liam O'Connor",
    country: 'United Kingdom',
    state: 'Greater London',
    city: 'London',
    district: 'Camden',
    address: '22 Baker Street, Flat 3',
    postcode: 'NW1 6XE',
  },
  { name: 'María García', country: 'United States', state: 'Texas', city: 'Houston', district: '', address: '880 Westheimer Rd', postcode: '77006' },
  { name: 'Nguyễn Văn An', country: 'Vietnam', state: 'Hồ Chí Minh', city: 'Quận 1', district: 'Bến Nghé', address: '45 Lê Lợi', postcode: '700000' },
  { name: 'Siti Nurhaliza', country: 'Malaysia', state: 'Selangor', city: 'Petaling Jaya', district: '', address: 'No. 12, Jalan SS2/24', postcode: '47300' },
  { name: 'Somchai Prasert', country: 'Thailand', state: 'Bangkok', city: 'Bang Rak', district: 'Si Lom', address: '99/1 Silom Road', postcode: '10500' },
  {
    name: 'Juan dela Cruz',
    country: 'Philippines',
    state: 'Metro Manila',
    city: 'Quezon City',
    district: 'Diliman',
    address: '17 Maginhawa St',
    postcode: '1101',
  },
  {
    name: 'Tan Wei Ming 陈伟明',
    country: 'Singapore',
    state: '',
    city: 'Singapore',
    district: '',
    address: 'Blk 302 Tampines St 32 #08-118',
    postcode: '520302',
  },
  { name: 'Jane ^XZ Doe', country: 'United States', state: 'New York', city: 'Brooklyn', district: '', address: '77 Bedford Ave ~ Unit 2', postcode: '11211' },
  {
    name: 'Oliver Smith',
    country: 'United Kingdom',
    state: 'Greater Manchester',
    city: 'Manchester',
    district: '',
    address: '5 Deansgate',
    postcode: 'M3 4LQ',
  },
];

const CARRIERS = ['USPS', 'J&T Express', 'Royal Mail', 'Ninja Van', 'Flash Express'];
const MESSAGES = ['', '', '', 'Please pack carefully, it is a gift!', 'No invoice in the box please', '请不要放发票'];

/** Share of each status in the demo shop; awaiting shipment dominates like a real bench. */
const MIX: [OrderStatus, number][] = [
  ['AWAITING_SHIPMENT', 50],
  ['UNPAID', 5],
  ['ON_HOLD', 5],
  ['AWAITING_COLLECTION', 10],
  ['IN_TRANSIT', 8],
  ['DELIVERY_FAILED', 4],
  ['DELIVERED', 6],
  ['COMPLETED', 6],
  ['CANCELLED', 6],
];

function pickStatus(rng: Rng, i: number): OrderStatus {
  // The first orders cover every status once, so even a small demo shows them all.
  if (i < MIX.length) return MIX[i]![0];
  let r = rng.int(0, 99);
  for (const [status, share] of MIX) {
    r -= share;
    if (r < 0) return status;
  }
  return 'AWAITING_SHIPMENT';
}

function linesFor(rng: Rng, skus: readonly Sku[], single: boolean): OrderLine[] {
  const line = (sku: Sku, quantity: number): OrderLine => ({
    skuId: sku.id,
    sellerSku: sku.sellerSku,
    productName: sku.name,
    variation: sku.variation,
    quantity,
    packedQuantity: 0,
  });
  if (single) return [line(rng.pick(skus), 1)];
  const chosen = new Set<Sku>();
  const n = rng.int(2, 4);
  while (chosen.size < n) chosen.add(rng.pick(skus));
  return [...chosen].map((s) => line(s, rng.int(1, 3)));
}

function digits(rng: Rng, n: number): string {
  let s = '';
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
}

/** A realistic order in the given status, with times placed relative to `now`. */
function demoOrder(rng: Rng, skus: readonly Sku[], now: number, i: number): Order {
  const status = pickStatus(rng, i);
  const r = rng.pick(RECIPIENTS);
  // Paid between 0 and 60 hours ago: some orders are past the 48 h preparation deadline.
  const paidAt = now - rng.int(5, 60 * 60) * MINUTE;
  const createdAt = status === 'UNPAID' ? now - rng.int(1, 40 * 60) * MINUTE : paidAt - rng.int(1, 30) * MINUTE;
  const late = ['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERY_FAILED', 'DELIVERED', 'COMPLETED'].includes(status);
  const lines = linesFor(rng, skus, rng.next() < 0.55);
  const rtsAt = late ? paidAt + rng.int(2, 40) * HOUR : null;
  return {
    id: `5764${String(1e13 + i * 7_777_777 + rng.int(0, 999)).padStart(14, '0')}`,
    status,
    cancelRequestedAt: status === 'AWAITING_SHIPMENT' && i % 12 === 3 ? now - rng.int(1, 40) * HOUR : null,
    lines,
    recipient: { ...r, phone: `+${rng.int(1, 99)} ${digits(rng, 9)}` },
    buyerUsername:
      r.name
        .toLowerCase()
        .replace(/[^a-z]+/g, '_')
        .slice(0, 16) + rng.int(1, 99),
    buyerMessage: rng.pick(MESSAGES),
    sellerNote: i % 17 === 0 ? 'VIP buyer: add a sample' : '',
    trackingNumber: status === 'UNPAID' || status === 'ON_HOLD' || rng.next() < 0.2 ? '' : `TT${digits(rng, 12)}${r.country === 'United States' ? 'US' : 'XX'}`,
    packageId: status === 'UNPAID' ? '' : `1152${digits(rng, 15)}`,
    carrier: rng.pick(CARRIERS),
    deliveryOption: 'Standard shipping',
    weightKg: Math.round(lines.reduce((w, l) => w + l.quantity * 0.2, 0.05) * 100) / 100,
    createdAt,
    paidAt: status === 'UNPAID' ? null : paidAt,
    rtsAt,
    shippedAt: late && status !== 'AWAITING_COLLECTION' ? (rtsAt ?? paidAt) + 20 * HOUR : null,
    deliveredAt: status === 'DELIVERED' || status === 'COMPLETED' ? paidAt + 5 * DAY : null,
    deliveryFailedAt: status === 'DELIVERY_FAILED' ? now - rng.int(1, 14) * DAY : null,
    cancelledAt: status === 'CANCELLED' ? paidAt + HOUR : null,
    cancelReason: status === 'CANCELLED' ? 'Buyer changed their mind' : '',
    platformDeadlines: { shipBy: null, collectBy: null },
    packedAt: late ? rtsAt : null,
    packedBy: late ? 'demo' : null,
    shortPackReason: '',
    redeliveryRequestedAt: null,
    handedOverAt: null,
    provisional: false,
    version: 1,
    updatedAt: now,
  };
}

export function demoOrders(rng: Rng, skus: readonly Sku[], now: number, count: number): Order[] {
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const o = demoOrder(rng, skus, now, i);
    // Shipped orders were packed: their lines are full.
    if (o.packedAt !== null) o.lines = o.lines.map((l) => ({ ...l, packedQuantity: l.quantity }));
    orders.push(o);
  }
  return orders;
}
