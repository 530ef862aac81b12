/**
 * Ship one package, ship a batch (per-package errors with code 0 overall), package detail, and the
 * counters the exactly-once tests read: ship calls and ship applications per package.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../platform-sim/index.js';
import { simWithClient, type TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;
afterEach(async () => sim.close());

function newOrder(spec: Parameters<Simulator['controls']['addOrder']>[0] = {}): { orderId: string; packageIds: string[] } {
  const order = sim.controls.addOrder({ items: [{ sellerSku: 'CASE-CLR-15', qty: 1 }], shippingType: 'TIKTOK', ...spec });
  return { orderId: order.id as string, packageIds: (order.packages as { id: string }[]).map((p) => p.id) };
}

const ship = (packageId: string, body: object = { handover_method: 'DROP_OFF' }) =>
  client.call('POST', `/fulfillment/202309/packages/${packageId}/ship`, { body });
const detail = async (packageId: string) => (await client.call('GET', `/fulfillment/202309/packages/${packageId}`)).json.data;
const counters = () => sim.controls.observer.counters;

describe('ship one package', () => {
  it('arranges it: package PROCESSING with a tracking number, order AWAITING_COLLECTION, counted once', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const { orderId, packageIds } = newOrder();
    expect((await detail(packageIds[0]!)).package_status).toBe('TO_FULFILL');
    sim.controls.advance(30);
    const reply = await ship(packageIds[0]!);
    expect([reply.status, reply.json.code]).toEqual([200, 0]);
    const pkg = await detail(packageIds[0]!);
    expect(pkg).toMatchObject({ package_status: 'PROCESSING', handover_method: 'DROP_OFF', tracking_number: expect.stringMatching(/^JT\d+$/) });
    const order = sim.controls.order(orderId);
    expect(order).toMatchObject({ status: 'AWAITING_COLLECTION', tracking_number: pkg.tracking_number, update_time: sim.controls.clock.now() });
    expect(counters().shipCalls[packageIds[0]!]).toBe(1);
    expect(counters().shipApplied[packageIds[0]!]).toBe(1);
  });

  it('a second ship answers "already shipped" (code from settings) and is counted as a call, not applied', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { alreadyShippedCode: 21011099 } }));
    const { packageIds } = newOrder();
    await ship(packageIds[0]!);
    const again = await ship(packageIds[0]!);
    expect([again.status, again.json.code]).toEqual([200, 21011099]);
    expect([counters().shipCalls[packageIds[0]!], counters().shipApplied[packageIds[0]!]]).toEqual([2, 1]);
  });

  it('refuses packages of unknown ids, cancelled orders, orders on hold and orders with a pending cancel request', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    expect((await ship('1153999999999999999')).json.code).toBe(21011001);
    const cancelled = newOrder();
    sim.controls.act(cancelled.orderId, 'cancel');
    expect((await ship(cancelled.packageIds[0]!)).json.code).toBe(21023059);
    const held = newOrder({ status: 'ON_HOLD' });
    expect((await ship(held.packageIds[0]!)).json.code).toBe(21011010);
    const asked = newOrder({ buyerRequestCancel: true });
    expect((await ship(asked.packageIds[0]!)).json.code).toBe(21011007);
    expect(counters().shipApplied).toEqual({});
  });

  it('a seller-shipped package needs self_shipment and keeps its tracking number', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const { packageIds } = newOrder({ shippingType: 'SELLER' });
    expect((await ship(packageIds[0]!)).json.code).toBe(36009001);
    const ok = await ship(packageIds[0]!, {
      handover_method: 'PICKUP',
      self_shipment: { tracking_number: 'RM123456789GB', shipping_provider_id: '6617675021119438849' },
    });
    expect(ok.json.code).toBe(0);
    expect(await detail(packageIds[0]!)).toMatchObject({ tracking_number: 'RM123456789GB', handover_method: 'PICKUP', shipping_type: 'SELLER' });
  });

  it('a split order is PARTIALLY_SHIPPING after one package, AWAITING_COLLECTION after both', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const { orderId, packageIds } = newOrder({
      items: [
        { sellerSku: 'CASE-CLR-15', qty: 2 },
        { sellerSku: 'STRAP-BLK', qty: 1 },
      ],
      split: true,
    });
    await ship(packageIds[0]!);
    expect(sim.controls.order(orderId).status).toBe('PARTIALLY_SHIPPING');
    await ship(packageIds[1]!);
    expect(sim.controls.order(orderId).status).toBe('AWAITING_COLLECTION');
  });

  it('shipping a combined package ships both of its orders under one tracking number', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const first = newOrder();
    const second = newOrder({ combineWith: first.orderId });
    expect(second.packageIds).toEqual(first.packageIds);
    await ship(first.packageIds[0]!);
    const [a, b] = [sim.controls.order(first.orderId), sim.controls.order(second.orderId)];
    expect([a.status, b.status]).toEqual(['AWAITING_COLLECTION', 'AWAITING_COLLECTION']);
    expect(a.tracking_number).toBe(b.tracking_number);
  });

  it('an order shipped elsewhere (Seller Center) is shipped without an API call; shipping it again is refused', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const { orderId, packageIds } = newOrder();
    sim.controls.act(orderId, 'ship-elsewhere');
    expect(counters().shipApplied[packageIds[0]!]).toBeUndefined();
    expect((await ship(packageIds[0]!)).json.code).toBe(sim.controls.settings.alreadyShippedCode);
  });
});

describe('batch ship', () => {
  it('answers code 0 with one error per refused package and ships the rest', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const good = newOrder();
    const asked = newOrder({ buyerRequestCancel: true });
    const done = newOrder();
    await ship(done.packageIds[0]!);
    const ids = [good.packageIds[0]!, '1153999999999999999', asked.packageIds[0]!, done.packageIds[0]!];
    const reply = await client.call('POST', '/fulfillment/202309/packages/ship', {
      body: { packages: ids.map((id) => ({ id, handover_method: 'DROP_OFF' })) },
    });
    expect(reply.json.code).toBe(0);
    const errors = reply.json.data.errors as { code: number; message: string; detail: { package_id: string } }[];
    expect(errors.map((e) => [e.detail.package_id, e.code])).toEqual([
      [ids[1], 21011001],
      [ids[2], 21011007],
      [ids[3], sim.controls.settings.alreadyShippedCode],
    ]);
    for (const e of errors) expect(e.message).toEqual(expect.any(String));
    expect((await detail(ids[0]!)).package_status).toBe('PROCESSING');
    expect(counters().shipCalls).toEqual({ [ids[0]!]: 1, [ids[2]!]: 1, [ids[3]!]: 2 });
    expect(counters().shipApplied).toEqual({ [ids[0]!]: 1, [ids[3]!]: 1 });
  });

  it('refuses a batch above the limit as a whole', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { batchShipLimit: 2 } }));
    const ids = [newOrder(), newOrder(), newOrder()].map((o) => o.packageIds[0]!);
    const reply = await client.call('POST', '/fulfillment/202309/packages/ship', { body: { packages: ids.map((id) => ({ id })) } });
    expect(reply.json.code).toBe(36009001);
    expect(counters().shipCalls).toEqual({});
  });
});
