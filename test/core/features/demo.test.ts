import { describe, expect, it } from 'vitest';
import { DAY } from '../../../core/domain/clock.js';
import { freshCoreEachTest, outboxRows, packedQtys, scanner, snapshot } from './support.js';

const core = freshCoreEachTest();

describe('demo.load', () => {
  it('loads at least 200 orders in mixed states and 40 SKUs with bins and barcodes', async () => {
    const c = core();
    const res = await c.call('demo.load', {});
    expect(res.orders).toBeGreaterThanOrEqual(200);
    expect(res.skus).toBe(40);

    const orders = await c.call('orders.list', { limit: 1000 });
    expect(orders).toHaveLength(res.orders);
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ['AWAITING_SHIPMENT', 'ON_HOLD', 'UNPAID', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERY_FAILED', 'CANCELLED']) {
      expect(statuses, s).toContain(s);
    }
    const packable = orders.filter((o) => o.status === 'AWAITING_SHIPMENT');
    expect(packable.filter((o) => o.cancelRequestedAt !== null).length).toBeGreaterThan(0);
    expect(packable.filter((o) => o.lines.length > 1).length).toBeGreaterThan(0);
    expect(packable.filter((o) => o.singleItem).length).toBeGreaterThan(0);
    // Mixed deadlines: some already late, some with time to spare.
    const urgencies = new Set(packable.map((o) => o.urgency));
    expect(urgencies).toContain('OVERDUE');
    expect(urgencies).toContain('LATER');
    // Delivery failures inside and outside the 12-day redelivery window.
    const failed = orders.filter((o) => o.status === 'DELIVERY_FAILED');
    expect(failed.length).toBeGreaterThan(0);
    for (const o of failed) expect(o.deliveryFailedAt).not.toBeNull();

    const skus = await c.call('catalogue.list', {});
    expect(skus).toHaveLength(40);
    expect(new Set(skus.map((s) => s.sellerSku.toUpperCase())).size).toBe(40);
    const withBin = skus.filter((s) => s.bin !== null);
    expect(withBin.length).toBeGreaterThanOrEqual(38);
    for (const s of withBin) expect(s.barcodes.length, s.sellerSku).toBeGreaterThan(0);
    // Every order line names a SKU of the catalogue.
    const ids = new Set(skus.map((s) => s.id));
    for (const o of orders) for (const l of o.lines) expect(ids.has(l.skuId), `${o.id} ${l.skuId}`).toBe(true);
  });

  it('loading twice adds nothing, even later, and keeps packing progress', async () => {
    const c = core();
    const first = await c.call('demo.load', {});
    const target = (await c.call('orders.queue', { cancelRequested: false, limit: 1 })).orders[0]!;
    const scan = scanner(c);
    await scan(target.id);
    await scan(target.lines[0]!.sellerSku);
    const progress = packedQtys(c, target.id);
    const rowsBefore = snapshot(c).orders!.length;
    const outboxBefore = outboxRows(c).length;

    c.clock.advance(2 * DAY);
    const second = await c.call('demo.load', {});
    expect(second.orders).toBe(0);
    expect(snapshot(c).orders).toHaveLength(rowsBefore);
    expect(rowsBefore).toBe(first.orders);
    expect((await c.call('catalogue.list', {})).length).toBe(40);
    expect(packedQtys(c, target.id)).toEqual(progress);
    expect(outboxRows(c)).toHaveLength(outboxBefore);
  });

  it('the demo shop can be packed and shipped end to end', async () => {
    const c = core();
    await c.call('demo.load', {});
    const multi = (await c.call('orders.list', { status: ['AWAITING_SHIPMENT'] })).find(
      (o) => o.cancelRequestedAt === null && o.lines.length > 1 && o.lines.every((l) => l.barcodes.length > 0),
    )!;
    expect(multi).toBeDefined();
    const scan = scanner(c);
    expect((await scan(multi.id)).code).toBe('ORDER_OPENED');
    let last = '';
    for (const l of multi.lines) for (let i = 0; i < l.qty; i++) last = (await scan(l.barcodes[0]!)).code;
    expect(last).toBe('ORDER_COMPLETE');
    expect((await c.call('shipping.arrange', { orderIds: [multi.id] })).arranged).toEqual([multi.id]);
    expect((await c.call('picklist.build', {})).waves.length).toBeGreaterThan(0);
  });

  it('a larger shop loads the number asked for', async () => {
    const c = core();
    expect((await c.call('demo.load', { orders: 500, seed: 11 })).orders).toBe(500);
    expect((await c.call('orders.list', { limit: 1000 })).length).toBe(500);
  });
});
