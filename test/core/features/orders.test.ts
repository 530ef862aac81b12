import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../core/domain/clock.js';
import type { Order, Sku } from '../../../core/domain/types.js';
import { updateOrder } from '../../../core/store/orders-repo.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest, outboxRows, scanner, snapshot, stored } from './support.js';

const core = freshCoreEachTest();

function skus(c: TestCore): { a: Sku; b: Sku; c: Sku } {
  return {
    a: seedSku(c, makeSku('A', { sellerSku: 'Tee-White-M', bin: 'A-2', barcodes: ['4006381333931'] })),
    b: seedSku(c, makeSku('B', { sellerSku: 'MUG-BLUE', bin: 'A-10' })),
    c: seedSku(c, makeSku('C', { sellerSku: 'CAP-RED', bin: 'B-1' })),
  };
}

/** An order awaiting shipment that was paid `paidAgo` before now. */
function paid(c: TestCore, id: string, lines: Order['lines'], paidAgo: number, over: Partial<Order> = {}): Order {
  const now = c.clock.now();
  return seedOrder(c, makeOrder(id, lines, now, { paidAt: now - paidAgo, createdAt: now - paidAgo - MINUTE, ...over }));
}

describe('orders.queue', () => {
  it('lists orders awaiting shipment, most urgent deadline first, with that deadline', async () => {
    const c = core();
    const { a } = skus(c);
    const now = c.clock.now();
    paid(c, 'Q-FRESH', [line(a)], 1 * HOUR); // ship by now + 47 h
    paid(c, 'Q-OLD', [line(a)], 30 * HOUR); // ship by now + 18 h
    paid(c, 'Q-OVERDUE', [line(a)], 50 * HOUR); // ship by now - 2 h
    paid(c, 'Q-PLATFORM', [line(a)], 1 * HOUR, { platformDeadlines: { shipBy: now + 5 * HOUR, collectBy: null } });
    paid(c, 'Q-ASKED', [line(a)], 1 * HOUR, { cancelRequestedAt: now - 46 * HOUR }); // answer by now + 2 h
    paid(c, 'X-HOLD', [line(a)], 60 * HOUR, { status: 'ON_HOLD' });
    paid(c, 'X-SHIPPED', [line(a)], 60 * HOUR, { status: 'AWAITING_COLLECTION', rtsAt: now - HOUR });
    paid(c, 'X-UNPAID', [line(a)], 0, { status: 'UNPAID', paidAt: null });

    const page = await c.call('orders.queue', {});
    expect(page.total).toBe(5);
    expect(page.orders.map((o) => o.id)).toEqual(['Q-OVERDUE', 'Q-ASKED', 'Q-PLATFORM', 'Q-OLD', 'Q-FRESH']);
    const byId = new Map(page.orders.map((o) => [o.id, o]));
    expect(byId.get('Q-OVERDUE')).toMatchObject({ urgency: 'OVERDUE', nextDeadline: { kind: 'SHIP_BY', at: now - 2 * HOUR } });
    expect(byId.get('Q-ASKED')).toMatchObject({ urgency: 'UNDER_6H', nextDeadline: { kind: 'ANSWER_CANCELLATION' } });
    expect(byId.get('Q-PLATFORM')!.nextDeadline).toEqual({ kind: 'SHIP_BY', at: now + 5 * HOUR, fromPlatform: true });
    expect(byId.get('Q-OLD')).toMatchObject({ urgency: 'UNDER_24H' });
    expect(byId.get('Q-FRESH')).toMatchObject({ urgency: 'LATER' });
    const ats = page.orders.map((o) => o.nextDeadline!.at);
    expect([...ats].sort((x, y) => x - y)).toEqual(ats);
  });

  it('filters by carrier, single item, SKU, bin and pending cancellation', async () => {
    const c = core();
    const { a, b, c: cap } = skus(c);
    const now = c.clock.now();
    paid(c, 'F1', [line(a)], 1 * HOUR, { carrier: 'USPS' });
    paid(c, 'F2', [line(a, 2)], 2 * HOUR, { carrier: 'Royal Mail' });
    paid(c, 'F3', [line(b), line(cap)], 3 * HOUR, { carrier: 'USPS' });
    paid(c, 'F4', [line(cap)], 4 * HOUR, { carrier: 'J&T Express', cancelRequestedAt: now - HOUR });
    const ids = async (filter: Parameters<TestCore['call']>[1]) => (await c.call('orders.queue', filter as object)).orders.map((o) => o.id).sort();

    expect(await ids({ carrier: 'USPS' })).toEqual(['F1', 'F3']);
    expect(await ids({ carrier: 'DHL' })).toEqual([]);
    expect(await ids({ singleItem: true })).toEqual(['F1', 'F4']);
    expect(await ids({ singleItem: false })).toEqual(['F2', 'F3']);
    expect(await ids({ sku: 'tee-white-m' })).toEqual(['F1', 'F2']);
    expect(await ids({ sku: 'C' })).toEqual(['F3', 'F4']);
    expect(await ids({ bin: 'a-10' })).toEqual(['F3']);
    expect(await ids({ cancelRequested: true })).toEqual(['F4']);
    expect(await ids({ cancelRequested: false })).toEqual(['F1', 'F2', 'F3']);
    expect(await ids({ carrier: 'USPS', singleItem: true })).toEqual(['F1']);
  });

  it('pages with a total that counts every match', async () => {
    const c = core();
    const { a } = skus(c);
    for (let i = 0; i < 7; i++) paid(c, `P${i}`, [line(a)], (10 - i) * HOUR);
    const all = await c.call('orders.queue', {});
    expect(all.total).toBe(7);
    const seen: string[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await c.call('orders.queue', { limit: 3, offset });
      expect(page.total).toBe(7);
      seen.push(...page.orders.map((o) => o.id));
    }
    expect(seen).toEqual(all.orders.map((o) => o.id));
    expect((await c.call('orders.queue', { limit: 3, offset: 6 })).orders).toHaveLength(1);
    expect((await c.call('orders.queue', { limit: 3, offset: 9 })).orders).toEqual([]);
  });
});

describe('automatic rules while offline', () => {
  it('an UNPAID order is cancelled, provisionally, once 48 h have passed (not at 48 h itself)', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    seedOrder(c, makeOrder('U1', [line(a)], t0, { status: 'UNPAID', paidAt: null, createdAt: t0 }));
    const changed: string[][] = [];
    c.events.on('orders.changed', (e) => changed.push(e.orderIds));

    c.clock.set(t0 + 48 * HOUR);
    await c.call('orders.list', {});
    expect(stored(c, 'U1').status).toBe('UNPAID');

    c.clock.set(t0 + 48 * HOUR + 1);
    const list = await c.call('orders.list', {});
    expect(list.find((o) => o.id === 'U1')).toMatchObject({ status: 'CANCELLED', provisional: true, cancelledAt: t0 + 48 * HOUR + 1 });
    expect(stored(c, 'U1').cancelReason).toMatch(/unpaid/i);
    expect(changed).toEqual([['U1']]);
    // The platform cancels on its own: nothing for the outbox.
    expect(outboxRows(c)).toHaveLength(0);
  });

  it('an unanswered cancellation request is cancelled, provisionally, after 48 h', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    paid(c, 'R1', [line(a)], HOUR, { cancelRequestedAt: t0 });
    paid(c, 'R2', [line(a)], HOUR, { cancelRequestedAt: t0 + HOUR });
    c.clock.set(t0 + 48 * HOUR + 1);
    expect(await c.call('orders.applyAutomaticRules', {})).toEqual({ cancelled: ['R1'] });
    expect(stored(c, 'R1')).toMatchObject({ status: 'CANCELLED', provisional: true });
    expect(stored(c, 'R1').cancelReason).toMatch(/48 hours/);
    expect(stored(c, 'R2')).toMatchObject({ status: 'AWAITING_SHIPMENT', provisional: false });
    expect(await c.call('orders.applyAutomaticRules', {})).toEqual({ cancelled: [] });
  });

  it('the pick queue and the scanner see the rules applied', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    paid(c, 'R1', [line(a)], HOUR, { cancelRequestedAt: t0 });
    seedOrder(c, makeOrder('U1', [line(a)], t0, { status: 'UNPAID', paidAt: null, createdAt: t0 }));
    c.clock.set(t0 + 49 * HOUR);
    expect((await scanner(c)('U1')).code).toBe('ORDER_CANCELLED');
    expect((await c.call('orders.queue', {})).orders.map((o) => o.id)).toEqual([]);
    expect(stored(c, 'R1').status).toBe('CANCELLED');
  });
});

describe('orders.answerCancellation', () => {
  it('accept: the order is cancelled and the platform is told', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'C1', [line(a)], HOUR, { cancelRequestedAt: c.clock.now() - HOUR });
    const view = await c.call('orders.answerCancellation', { orderId: 'C1', decision: 'accept' });
    expect(view).toMatchObject({ status: 'CANCELLED', cancelRequestedAt: null, cancelledAt: c.clock.now(), provisional: false, version: 2 });
    expect(outboxRows(c).map((r) => [r.kind, r.orderId])).toEqual([['order.cancellation_accepted', 'C1']]);
  });

  it('reject: the order stays to ship, becomes packable, and the platform is told', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'C1', [line(a)], HOUR, { cancelRequestedAt: c.clock.now() - HOUR });
    const view = await c.call('orders.answerCancellation', { orderId: 'C1', decision: 'reject' });
    expect(view).toMatchObject({ status: 'AWAITING_SHIPMENT', cancelRequestedAt: null, packRefusal: null });
    expect(outboxRows(c).map((r) => [r.kind, r.orderId])).toEqual([['order.cancellation_rejected', 'C1']]);
    expect((await scanner(c)('C1')).code).toBe('ORDER_OPENED');
  });

  it('NO_CANCEL_REQUEST when there is none to answer; ORDER_NOT_FOUND for an unknown order', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'C1', [line(a)], HOUR);
    expect(await errorCode(c.call('orders.answerCancellation', { orderId: 'C1', decision: 'reject' }))).toBe('NO_CANCEL_REQUEST');
    expect(await errorCode(c.call('orders.answerCancellation', { orderId: 'C1', decision: 'accept' }))).toBe('NO_CANCEL_REQUEST');
    expect(await errorCode(c.call('orders.answerCancellation', { orderId: 'NONE', decision: 'accept' }))).toBe('ORDER_NOT_FOUND');
    expect(outboxRows(c)).toHaveLength(0);
    expect(stored(c, 'C1').version).toBe(1);
  });

  it('a request left unanswered past 48 h can no longer be rejected: the platform has cancelled it', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    paid(c, 'C1', [line(a)], HOUR, { cancelRequestedAt: t0 });
    c.clock.set(t0 + 49 * HOUR);
    const res = await c.dispatch('orders.answerCancellation', { orderId: 'C1', decision: 'reject' });
    expect(res.ok).toBe(false);
    expect(stored(c, 'C1')).toMatchObject({ status: 'CANCELLED', provisional: true });
    expect(outboxRows(c, 'order.cancellation_rejected')).toHaveLength(0);
  });

  it('an order the rules already cancelled cannot have its request rejected or accepted', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    paid(c, 'C1', [line(a)], HOUR, { cancelRequestedAt: t0 });
    c.clock.set(t0 + 49 * HOUR);
    await c.call('orders.applyAutomaticRules', {});
    const before = snapshot(c);
    expect(await errorCode(c.call('orders.answerCancellation', { orderId: 'C1', decision: 'reject' }))).toBe('ILLEGAL_TRANSITION');
    expect(await errorCode(c.call('orders.answerCancellation', { orderId: 'C1', decision: 'accept' }))).toBe('ILLEGAL_TRANSITION');
    expect(snapshot(c)).toEqual(before);
  });
});

describe('orders.sellerCancel', () => {
  it('without confirmStockZero: CONFIRMATION_REQUIRED naming the SKUs, and nothing changes', async () => {
    const c = core();
    const { a, b } = skus(c);
    paid(c, 'S1', [line(a), line(b, 2)], HOUR);
    const before = snapshot(c);
    const res = await c.dispatch('orders.sellerCancel', { orderId: 'S1', reason: 'Out of stock' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED', details: { skuIds: ['A', 'B'] } } });
    if (!res.ok) expect(res.error.message).toContain('Tee-White-M');
    expect(snapshot(c)).toEqual(before);
  });

  it('with confirmStockZero: cancelled, its SKUs at stock 0, others untouched, outbox rows', async () => {
    const c = core();
    const { a, b } = skus(c);
    paid(c, 'S1', [line(a), line(b, 2)], HOUR);
    const view = await c.call('orders.sellerCancel', { orderId: 'S1', reason: 'Out of stock', confirmStockZero: true });
    expect(view).toMatchObject({ status: 'CANCELLED', cancelReason: 'Out of stock', cancelledAt: c.clock.now() });
    const stock = Object.fromEntries((await c.call('catalogue.list', {})).map((s) => [s.id, s.stockOnHand]));
    expect(stock).toEqual({ A: 0, B: 0, C: 10 });
    expect(outboxRows(c).map((r) => r.kind)).toEqual(['order.seller_cancelled', 'sku.stock_zeroed']);
    expect(outboxRows(c, 'sku.stock_zeroed')[0]!.payload).toEqual({ skuIds: ['A', 'B'] });
  });

  it('an order already in transit cannot be cancelled, and no stock is touched', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'S1', [line(a)], 60 * HOUR, { status: 'IN_TRANSIT' });
    const before = snapshot(c);
    expect(await errorCode(c.call('orders.sellerCancel', { orderId: 'S1', reason: 'x', confirmStockZero: true }))).toBe('ILLEGAL_TRANSITION');
    expect(snapshot(c)).toEqual(before);
  });

  it('does not zero stock for an order the platform has already cancelled by its 48 h rule', async () => {
    const c = core();
    const { a } = skus(c);
    const t0 = c.clock.now();
    paid(c, 'S1', [line(a)], HOUR, { cancelRequestedAt: t0 });
    c.clock.set(t0 + 49 * HOUR);
    expect(await errorCode(c.call('orders.sellerCancel', { orderId: 'S1', reason: 'x', confirmStockZero: true }))).toBe('ILLEGAL_TRANSITION');
    expect((await c.call('catalogue.list', {})).find((s) => s.id === 'A')!.stockOnHand).toBe(10);
    expect(stored(c, 'S1')).toMatchObject({ status: 'CANCELLED', provisional: true });
    expect(outboxRows(c)).toHaveLength(0);
  });

  it('a failure half-way (the outbox write) loses nothing: stock and order stay as they were', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'S1', [line(a)], HOUR);
    c.context.db.exec(`CREATE TRIGGER no_outbox BEFORE INSERT ON outbox WHEN NEW.kind = 'sku.stock_zeroed'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = snapshot(c);
    expect(await errorCode(c.call('orders.sellerCancel', { orderId: 'S1', reason: 'x', confirmStockZero: true }))).toBe('INTERNAL');
    expect(snapshot(c)).toEqual(before);
    expect(stored(c, 'S1').status).toBe('AWAITING_SHIPMENT');
  });
});

describe('optimistic concurrency', () => {
  it('every write bumps the version', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'V1', [line(a, 2)], HOUR, { cancelRequestedAt: c.clock.now() });
    await c.call('orders.answerCancellation', { orderId: 'V1', decision: 'reject' });
    expect(stored(c, 'V1').version).toBe(2);
    const scan = scanner(c);
    await scan('V1');
    await scan('4006381333931');
    expect(stored(c, 'V1').version).toBe(3);
  });

  it('writing over a stale version is a CONFLICT and keeps what is stored', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'V1', [line(a, 2)], HOUR);
    const stale = stored(c, 'V1');
    const scan = scanner(c);
    await scan('V1');
    await scan('4006381333931'); // someone else's write: version 2, one unit packed
    let code = '';
    try {
      c.context.db.transaction(() => updateOrder(c.context.db, stale, { ...stale, sellerNote: 'overwrite' }, c.clock.now()))();
    } catch (err) {
      code = (err as { code: string }).code;
    }
    expect(code).toBe('CONFLICT');
    expect(stored(c, 'V1')).toMatchObject({ version: 2, sellerNote: '' });
    expect(stored(c, 'V1').lines[0]!.packedQuantity).toBe(1);
  });
});

describe('orders.search, orders.get, orders.list', () => {
  function seedSearch(c: TestCore) {
    const { a, b } = skus(c);
    paid(c, '576400000000000001', [line(a)], HOUR, {
      trackingNumber: 'TT9400111899562537US',
      recipient: { ...makeOrder('x', [], 0).recipient, name: 'Grace Hopper' },
    });
    paid(c, '576400000000000002', [line(b)], 2 * HOUR, { trackingNumber: 'TT1111', recipient: { ...makeOrder('x', [], 0).recipient, name: 'Alan Turing' } });
  }

  it('finds by order id, tracking number, recipient name and seller SKU, case-insensitively', async () => {
    const c = core();
    seedSearch(c);
    const ids = async (text: string) => (await c.call('orders.search', { text })).map((o) => o.id);
    expect(await ids('576400000000000001')).toEqual(['576400000000000001']);
    expect(await ids('tt9400111899562537us')).toEqual(['576400000000000001']);
    expect(await ids('hopper')).toEqual(['576400000000000001']);
    expect(await ids('mug-blue')).toEqual(['576400000000000002']);
    expect(await ids('Nobody')).toEqual([]);
    // LIKE wildcards typed by the user are literal text.
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });

  it('orders.get gives lines with bins and barcodes, deadlines and why it may not be packed', async () => {
    const c = core();
    const { a } = skus(c);
    paid(c, 'G1', [line(a, 2, 1)], HOUR, { status: 'ON_HOLD' });
    const view = await c.call('orders.get', { orderId: 'G1' });
    expect(view.lines).toEqual([
      { skuId: 'A', sellerSku: 'Tee-White-M', name: 'Item A', variation: '', qty: 2, packedQty: 1, bin: 'A-2', barcodes: ['4006381333931'] },
    ]);
    expect(view).toMatchObject({ packRefusal: 'ORDER_ON_HOLD', singleItem: false, unitsPacked: 1, unitsOrdered: 2 });
    expect(view.nextDeadline?.kind).toBe('SHIP_BY');
    expect(await errorCode(c.call('orders.get', { orderId: 'NONE' }))).toBe('ORDER_NOT_FOUND');
  });

  it('orders.list filters by status and creation time and honours the limit', async () => {
    const c = core();
    const { a } = skus(c);
    const now = c.clock.now();
    paid(c, 'L1', [line(a)], 1 * HOUR);
    paid(c, 'L2', [line(a)], 10 * HOUR, { status: 'AWAITING_COLLECTION', rtsAt: now - HOUR });
    paid(c, 'L3', [line(a)], 20 * HOUR);
    const ids = async (input: object) => (await c.call('orders.list', input)).map((o) => o.id).sort();
    expect(await ids({})).toEqual(['L1', 'L2', 'L3']);
    expect(await ids({ status: ['AWAITING_COLLECTION'] })).toEqual(['L2']);
    expect(await ids({ from: now - 5 * HOUR })).toEqual(['L1']);
    expect(await ids({ to: now - 5 * HOUR })).toEqual(['L2', 'L3']);
    expect(await c.call('orders.list', { limit: 2 })).toHaveLength(2);
    expect(await errorCode(c.call('orders.list', { status: ['SHIPPED' as never] }))).toBe('INVALID_INPUT');
  });
});
