import { describe, expect, it } from 'vitest';
import { entriesInState } from '../../../core/store/sync-outbox-repo.js';
import type { SimOrder } from '../../platform-sim/model.js';
import { syncRig, type SyncRig } from './support.js';

function openOrders(rig: SyncRig, n: number, filter: (o: SimOrder) => boolean = () => true): SimOrder[] {
  // One order, one package: combined and split parcels have tests of their own.
  const found = [...rig.sim.state.orders.values()].filter(
    (o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && o.shippingType === 'TIKTOK' && !o.splitOrCombine && filter(o),
  );
  expect(found.length).toBeGreaterThanOrEqual(n);
  return found.slice(0, n);
}

function packagesOf(orders: readonly SimOrder[]): string[] {
  return [...new Set(orders.flatMap((o) => o.packageIds))];
}

const counters = (rig: SyncRig) => rig.sim.controls.observer.counters;

async function connectAndPull(rig: SyncRig): Promise<void> {
  await rig.connect();
  await rig.call('sync.now', {});
}

describe('push: the outbox up to the platform simulator, each entry exactly once', () => {
  it('ships once when the answer to the ship call is lost: the packages are read back, not shipped again', async () => {
    const rig = await syncRig({ sim: { orders: 40, seed: 11 } });
    await connectAndPull(rig);
    const orders = openOrders(rig, 3);
    await rig.call('shipping.arrange', { orderIds: orders.map((o) => o.id), allowUnpacked: true });
    rig.sim.controls.addFaults('lost@POST:/fulfillment/202309/packages/ship#1');
    const summary = await rig.call('sync.now', {});
    for (const id of packagesOf(orders)) {
      expect(counters(rig).shipCalls[id], id).toBe(1);
      expect(counters(rig).shipApplied[id], id).toBe(1);
    }
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    expect(summary.pushed).toBeGreaterThanOrEqual(3);
    // The labels came down in the same cycle once the platform had made them.
    expect(summary.labels).toBeGreaterThanOrEqual(packagesOf(orders).length);
    await rig.call('sync.now', {});
    for (const id of packagesOf(orders)) expect(counters(rig).shipCalls[id]).toBe(1);
  });

  it('reads back entries a dead cycle left sending, and sends only those the platform did not take', async () => {
    const rig = await syncRig({ sim: { orders: 40, seed: 12 } });
    await connectAndPull(rig);
    const [taken, lost] = openOrders(rig, 2);
    await rig.call('shipping.arrange', { orderIds: [taken!.id, lost!.id], allowUnpacked: true });
    // As if a cycle had marked both sending, shipped the first, and died before writing down the answer.
    const db = rig.core.context.db;
    db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE kind = 'order.shipment_arranged'").run();
    const sent = await fetch(`${rig.sim.apiBase}/__sim/orders/${taken!.id}/ship-elsewhere`, { method: 'POST', body: '{}' });
    expect(sent.ok).toBe(true);
    await rig.call('sync.now', {});
    expect(
      entriesInState(db, 'done')
        .map((e) => e.orderId)
        .sort(),
    ).toEqual([taken!.id, lost!.id].sort());
    for (const id of taken!.packageIds) expect(counters(rig).shipCalls[id] ?? 0).toBe(0);
    for (const id of lost!.packageIds) expect(counters(rig).shipCalls[id]).toBe(1);
  });

  it('counts "already shipped" (in Seller Center) as done', async () => {
    const rig = await syncRig({ sim: { orders: 30, seed: 13 } });
    await connectAndPull(rig);
    const [order] = openOrders(rig, 1);
    await rig.call('shipping.arrange', { orderIds: [order!.id], allowUnpacked: true });
    rig.sim.controls.act(order!.id, 'ship-elsewhere');
    const summary = await rig.call('sync.now', {});
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    expect(entriesInState(rig.core.context.db, 'done').find((e) => e.orderId === order!.id)?.doneReason).toMatch(/shipped/);
    expect((await rig.call('orders.get', { orderId: order!.id })).status).toBe('AWAITING_COLLECTION');
  });

  it('keeps an entry the platform refuses with its code and message, never retries it alone, and offers retry and discard', async () => {
    const rig = await syncRig({ sim: { orders: 30, seed: 14 } });
    await connectAndPull(rig);
    const [order] = openOrders(rig, 1);
    await rig.call('shipping.arrange', { orderIds: [order!.id], allowUnpacked: true });
    rig.sim.controls.act(order!.id, 'request-cancel'); // the platform refuses to ship with an after-sale request open
    const first = await rig.call('sync.now', {});
    expect(first.refused).toBe(1);
    const [refused] = await rig.call('sync.entries', { states: ['refused'] });
    expect(refused).toMatchObject({
      orderId: order!.id,
      kind: 'order.shipment_arranged',
      state: 'refused',
      refusal: { code: 'PLATFORM_REJECTED', platformCode: 21011007 },
    });
    expect(refused!.refusal!.message).not.toBe('');
    const calls = () => counters(rig).shipCalls[order!.packageIds[0]!] ?? 0;
    expect(calls()).toBe(1);
    await rig.call('sync.now', {});
    await rig.call('sync.now', {});
    expect(calls()).toBe(1); // never retried by itself

    await rig.call('sync.retryEntry', { entryId: refused!.id });
    await rig.call('sync.now', {});
    expect(calls()).toBe(2);
    expect((await rig.call('sync.entries', { states: ['refused'] }))[0]!.id).toBe(refused!.id);

    const discarded = await rig.call('sync.discardEntry', { entryId: refused!.id });
    expect(discarded.state).toBe('discarded');
    // Nobody will send that shipment: the order is back in the queue, as the platform has it.
    await rig.call('sync.now', {});
    const o = await rig.call('orders.get', { orderId: order!.id });
    expect(o.status).toBe('AWAITING_SHIPMENT');
    expect(o.cancelRequestedAt).not.toBeNull();
    expect((await rig.call('sync.status', {})).refused).toBe(0);
  });

  it('ships in batches of at most 500 packages', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 15 } });
    for (let i = 0; i < 520; i++) rig.sim.controls.addOrder({ items: [{ sellerSku: `SKU-${i % 7}`, qty: 1 }], shippingType: 'TIKTOK' });
    await connectAndPull(rig);
    const ids = [...rig.sim.state.orders.keys()];
    const arranged = await rig.call('shipping.arrange', { orderIds: ids, allowUnpacked: true });
    expect(arranged.arranged).toHaveLength(520);
    rig.sim.controls.updateSettings({ labelGeneratingCalls: 0 });
    const summary = await rig.call('sync.now', {});
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    expect(counters(rig).byRoute['POST /fulfillment/202309/packages/ship']).toBe(2); // 500 + 20; the platform refuses more than 500
    const packages = packagesOf([...rig.sim.state.orders.values()]);
    expect(packages.every((id) => counters(rig).shipCalls[id] === 1 && counters(rig).shipApplied[id] === 1)).toBe(true);
  });

  it('answers cancellation requests with the entry id as idempotency key, once even when an answer is lost', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 16 } });
    const approve = rig.sim.controls.addOrder({ buyerRequestCancel: true });
    const reject = rig.sim.controls.addOrder({ buyerRequestCancel: true });
    await connectAndPull(rig);
    await rig.call('orders.answerCancellation', { orderId: approve.id as string, decision: 'accept' });
    await rig.call('orders.answerCancellation', { orderId: reject.id as string, decision: 'reject' });
    rig.sim.controls.addFaults('lost@POST:/return_refund/202309/cancellations/*/approve#1');
    const summary = await rig.call('sync.now', {});
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    const [a] = rig.sim.controls.cancellations(approve.id as string);
    const [r] = rig.sim.controls.cancellations(reject.id as string);
    expect(a!.cancel_status).toBe('CANCELLATION_REQUEST_SUCCESS');
    expect(r!.cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
    expect(counters(rig).cancellationAnswers[a!.cancel_id as string]).toBe(1);
    expect(counters(rig).idempotentReplays).toBe(1); // the retry after the lost answer got the first answer again
    const keys = rig.sim.controls.observer
      .requests()
      .filter((q) => q.path.endsWith('/approve'))
      .map((q) => q.query.idempotency_key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^packdesk-[0-9a-f]{16}-\d+$/);
    expect((await rig.call('orders.get', { orderId: reject.id as string })).cancelRequestedAt).toBeNull();
  });

  it('marks Packdesk-only records done with a reason, and hands redelivery to Seller Center with a link', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 17 } });
    const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }] });
    await connectAndPull(rig);
    const db = rig.core.context.db;
    db.prepare("UPDATE orders SET status = 'DELIVERY_FAILED', delivery_failed_at = ? WHERE id = ?").run(Date.now(), order.id);
    await rig.call('orders.requestRedelivery', {
      orderId: order.id as string,
      recipient: { name: 'Ada', phone: '+44 20 7946 0000', address: '12 St James Square', postcode: 'SW1Y 4JH' },
    });
    db.prepare("INSERT INTO outbox (at, kind, order_id, payload) VALUES (?, 'order.packed', ?, '{}')").run(Date.now(), order.id);
    await rig.call('sync.now', {});
    const packed = entriesInState(db, 'done').find((e) => e.kind === 'order.packed');
    expect(packed?.doneReason).toMatch(/TikTok Shop has no call/);
    const [redelivery] = await rig.call('sync.entries', { states: ['refused'] });
    expect(redelivery).toMatchObject({ kind: 'order.redelivery_requested', refusal: { code: 'SELLER_CENTER_ONLY', platformCode: null } });
    expect(redelivery!.refusal!.link).toContain(`order_no=${order.id}`);
  });
});
