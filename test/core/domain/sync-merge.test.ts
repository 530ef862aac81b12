import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/domain/clock.js';
import { blankOrder } from '../../../core/domain/order.js';
import { mergePlatformOrder, syncedStatus, type MergeFacts, type PlatformSnapshot } from '../../../core/domain/sync-merge.js';
import type { Order } from '../../../core/domain/types.js';

const NOW = Date.UTC(2026, 10, 26, 9);
const ADDRESS = {
  name: 'Ada',
  phone: '(+44)77******23',
  country: 'United Kingdom',
  state: 'England',
  city: 'London',
  district: '',
  address: '12 St James Square',
  postcode: 'SW1Y 4JH',
};

function snap(over: Partial<PlatformSnapshot> = {}): PlatformSnapshot {
  return {
    id: 'O1',
    updateTime: NOW / 1000,
    status: 'AWAITING_SHIPMENT',
    cancelRequestAt: null,
    lines: [{ skuId: 'P-MUG', sellerSku: 'MUG-01', productName: 'Mug', variation: 'Blue', quantity: 2 }],
    recipient: ADDRESS,
    buyerMessage: '',
    sellerNote: '',
    trackingNumber: '',
    carrier: 'TikTok Shipping',
    deliveryOption: 'Standard shipping',
    createdAt: NOW - 3 * HOUR,
    paidAt: NOW - 2 * HOUR,
    rtsAt: null,
    cancelledAt: null,
    cancelReason: '',
    platformDeadlines: { shipBy: NOW + 46 * HOUR, collectBy: null },
    packages: [{ id: 'PK1', status: 'TO_FULFILL', trackingNumber: '', carrier: 'TikTok Shipping', carrierId: '1', shippingType: 'TIKTOK' }],
    ...over,
  };
}

const FACTS: MergeFacts = {
  storedUpdateTime: null,
  cancelAnsweredAt: null,
  answerBy: null,
  openAtBench: false,
  labelPrintedAt: null,
  shipmentArrangedHere: false,
  cancelledHere: false,
};

function first(over: Partial<PlatformSnapshot> = {}): Order {
  const r = mergePlatformOrder(snap(over), null, ['MUG'], FACTS, NOW);
  if (r.action !== 'insert') throw new Error(r.action);
  return r.order;
}

function merge(local: Order, over: Partial<PlatformSnapshot>, facts: Partial<MergeFacts> = {}) {
  return mergePlatformOrder(snap(over), local, ['MUG'], { ...FACTS, storedUpdateTime: NOW / 1000 - 60, ...facts }, NOW);
}

describe('merging a platform order into the bench', () => {
  it('inserts a new order with the catalogue SKU, the platform deadlines and its first package', () => {
    const o = first();
    expect(o).toMatchObject({ status: 'AWAITING_SHIPMENT', packageId: 'PK1', lines: [{ skuId: 'MUG', quantity: 2, packedQuantity: 0 }], provisional: false });
    expect(o.platformDeadlines).toEqual({ shipBy: NOW + 46 * HOUR, collectBy: null });
  });

  it('never takes older platform data over newer, and calls the same data unchanged', () => {
    const local = first();
    expect(mergePlatformOrder(snap({ updateTime: NOW / 1000 - 61 }), local, ['MUG'], { ...FACTS, storedUpdateTime: NOW / 1000 - 60 }, NOW)).toEqual({
      action: 'stale',
    });
    expect(merge(local, {}).action).toBe('unchanged');
  });

  it('keeps the work done here: packed units, short-pack, handover', () => {
    const local: Order = {
      ...first(),
      lines: [{ ...first().lines[0]!, packedQuantity: 1 }],
      shortPackReason: 'one broke',
      handedOverAt: NOW - HOUR,
      packedAt: NOW - HOUR,
    };
    const r = merge(local, { sellerNote: 'gift wrap', lines: [{ skuId: 'P-MUG', sellerSku: 'MUG-01', productName: 'Mug', variation: 'Blue', quantity: 3 }] });
    if (r.action !== 'update') throw new Error(r.action);
    expect(r.order).toMatchObject({
      sellerNote: 'gift wrap',
      lines: [{ quantity: 3, packedQuantity: 1 }],
      shortPackReason: 'one broke',
      handedOverAt: NOW - HOUR,
      packedAt: NOW - HOUR,
    });
  });

  it('never erases an address with the silence of an ON_HOLD answer; the platform tracking number replaces ours', () => {
    const local = { ...first(), trackingNumber: 'LOCAL-1' };
    const held = merge(local, { status: 'ON_HOLD', recipient: null });
    if (held.action === 'stale') throw new Error();
    expect(held.order.recipient).toEqual(ADDRESS);
    expect(held.order.status).toBe('ON_HOLD');
    const tracked = merge(local, { trackingNumber: 'JT123' });
    if (tracked.action === 'stale') throw new Error();
    expect(tracked.order.trackingNumber).toBe('JT123');
    const none = merge(local, { trackingNumber: '' });
    if (none.action === 'stale') throw new Error();
    expect(none.order.trackingNumber).toBe('LOCAL-1');
  });

  it('keeps a shipment arranged or a cancellation made here until the platform catches up; otherwise the platform wins, backwards too', () => {
    const arranged = { ...first(), status: 'AWAITING_COLLECTION' as const, rtsAt: NOW };
    expect(syncedStatus(arranged, 'AWAITING_SHIPMENT', { shipmentArrangedHere: true, cancelledHere: false })).toBe('AWAITING_COLLECTION');
    expect(syncedStatus(arranged, 'AWAITING_SHIPMENT', { shipmentArrangedHere: false, cancelledHere: false })).toBe('AWAITING_SHIPMENT');
    expect(syncedStatus(arranged, 'CANCELLED', { shipmentArrangedHere: true, cancelledHere: false })).toBe('CANCELLED');
    const cancelled = { ...first(), status: 'CANCELLED' as const };
    expect(syncedStatus(cancelled, 'AWAITING_SHIPMENT', { shipmentArrangedHere: false, cancelledHere: true })).toBe('CANCELLED');
    expect(syncedStatus({ ...cancelled, provisional: true }, 'AWAITING_SHIPMENT', { shipmentArrangedHere: false, cancelledHere: false })).toBe(
      'AWAITING_SHIPMENT',
    );
    expect(syncedStatus(first(), 'ON_HOLD', { shipmentArrangedHere: false, cancelledHere: false })).toBe('ON_HOLD');
    const failed = { ...first(), status: 'DELIVERY_FAILED' as const };
    expect(syncedStatus(failed, 'IN_TRANSIT', { shipmentArrangedHere: false, cancelledHere: false })).toBe('DELIVERY_FAILED');
    expect(syncedStatus({ ...failed, redeliveryRequestedAt: NOW }, 'IN_TRANSIT', { shipmentArrangedHere: false, cancelledHere: false })).toBe('IN_TRANSIT');
  });

  it('shows a buyer request until the seller answered it here, with the platform deadline for the answer', () => {
    const local = first();
    const asked = merge(local, { cancelRequestAt: NOW - HOUR }, { answerBy: NOW + 47 * HOUR });
    if (asked.action === 'stale') throw new Error();
    expect(asked.order.cancelRequestedAt).toBe(NOW - HOUR);
    expect(asked.order.platformDeadlines.answerBy).toBe(NOW + 47 * HOUR);
    const answered = merge(local, { cancelRequestAt: NOW - HOUR }, { cancelAnsweredAt: NOW - HOUR / 2 });
    if (answered.action === 'stale') throw new Error();
    expect(answered.order.cancelRequestedAt).toBeNull();
    // A new request after the answer shows again.
    const again = merge(local, { cancelRequestAt: NOW - HOUR / 4 }, { cancelAnsweredAt: NOW - HOUR / 2 });
    if (again.action === 'stale') throw new Error();
    expect(again.order.cancelRequestedAt).toBe(NOW - HOUR / 4);
  });

  it('raises conflicts only where work started here, and settles ON_HOLD when the hold ends', () => {
    const untouched = first();
    const started = { ...first(), lines: [{ ...first().lines[0]!, packedQuantity: 1 }] };
    const kinds = (r: ReturnType<typeof merge>) => (r.action === 'stale' ? [] : r.raise.map((c) => c.kind));
    expect(kinds(merge(untouched, { status: 'CANCELLED' }))).toEqual([]);
    expect(kinds(merge(started, { status: 'CANCELLED', cancelReason: 'Buyer paid twice' }))).toEqual(['CANCELLED_WHILE_PACKING']);
    expect(kinds(merge(untouched, { status: 'CANCELLED' }, { openAtBench: true }))).toEqual(['CANCELLED_WHILE_PACKING']);
    expect(kinds(merge(started, { status: 'AWAITING_COLLECTION' }))).toEqual(['SHIPPED_ELSEWHERE']);
    expect(kinds(merge(started, { status: 'AWAITING_COLLECTION' }, { shipmentArrangedHere: true }))).toEqual([]);
    expect(kinds(merge(untouched, { recipient: { ...ADDRESS, address: '1 New Street' } }))).toEqual([]);
    expect(kinds(merge(untouched, { recipient: { ...ADDRESS, address: '1 New Street' } }, { labelPrintedAt: NOW - HOUR }))).toEqual([
      'ADDRESS_CHANGED_AFTER_LABEL',
    ]);
    expect(kinds(merge(untouched, { recipient: { ...ADDRESS, phone: '(+44)77*****99' } }, { labelPrintedAt: NOW - HOUR }))).toEqual([]);
    expect(kinds(merge(started, { status: 'ON_HOLD', recipient: null }))).toEqual(['ON_HOLD']);
    const released = merge({ ...started, status: 'ON_HOLD' }, { status: 'AWAITING_SHIPMENT' });
    expect(released.action !== 'stale' && released.settle).toEqual(['ON_HOLD']);
  });

  it('starts from a blank order: nothing invented for fields the platform does not send', () => {
    const o = first({ recipient: null, status: 'UNPAID', paidAt: null });
    expect(o.recipient).toEqual(blankOrder('O1', NOW).recipient);
    expect(o.buyerUsername).toBe('');
  });
});
