import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../core/domain/clock.js';
import type { Order } from '../../../core/domain/types.js';
import { insertOrder } from '../../../core/store/orders-repo.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest } from './support.js';

const core = freshCoreEachTest();

function seedCatalogue(c: TestCore) {
  return {
    a10: seedSku(c, makeSku('A10', { sellerSku: 'TEE-M', name: 'Tee', variation: 'M / White', bin: 'A-10' })),
    a2: seedSku(c, makeSku('A2', { sellerSku: 'TEE-S', name: 'Tee', variation: 'S / White', bin: 'A-2' })),
    b1: seedSku(c, makeSku('B1', { sellerSku: 'MUG', name: 'Mug', bin: 'b-1' })),
    nobin: seedSku(c, makeSku('NB', { sellerSku: 'NEW', name: 'New thing', bin: null })),
  };
}

function paid(c: TestCore, id: string, lines: Order['lines'], paidAgo: number, over: Partial<Order> = {}) {
  const now = c.clock.now();
  return seedOrder(c, makeOrder(id, lines, now, { paidAt: now - paidAgo, ...over }));
}

describe('picklist.build', () => {
  it('sums units per SKU, with the orders that need them, in bin order (A-2 before A-10, no bin last)', async () => {
    const c = core();
    const { a10, a2, b1, nobin } = seedCatalogue(c);
    paid(c, 'P1', [line(a10, 2), line(b1, 1)], HOUR);
    paid(c, 'P2', [line(a10, 1), line(nobin, 1)], HOUR);
    paid(c, 'P3', [line(a2, 3)], HOUR);
    paid(c, 'P4', [line(b1, 2, 1)], HOUR); // one of two already packed
    const { waves } = await c.call('picklist.build', {});
    expect(waves).toHaveLength(1);
    const wave = waves[0]!;
    expect(wave.sections).toHaveLength(1);
    expect(wave.sections[0]!.kind).toBe('ALL');
    const rows = wave.sections[0]!.rows;
    expect(rows.map((r) => [r.bin, r.sellerSku, r.quantity])).toEqual([
      ['A-2', 'TEE-S', 3],
      ['A-10', 'TEE-M', 3],
      ['b-1', 'MUG', 2],
      [null, 'NEW', 1],
    ]);
    expect(rows[1]).toMatchObject({
      name: 'Tee',
      variation: 'M / White',
      orders: [
        { orderId: 'P1', quantity: 2 },
        { orderId: 'P2', quantity: 1 },
      ],
    });
    expect(rows[2]!.orders).toEqual([
      { orderId: 'P1', quantity: 1 },
      { orderId: 'P4', quantity: 1 },
    ]);
    expect(wave.totalUnits).toBe(9);
    expect([...wave.orderIds].sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('by default takes only orders awaiting shipment', async () => {
    const c = core();
    const { a2 } = seedCatalogue(c);
    const now = c.clock.now();
    paid(c, 'IN', [line(a2)], HOUR);
    paid(c, 'HOLD', [line(a2)], HOUR, { status: 'ON_HOLD' });
    paid(c, 'UNPAID', [line(a2)], 0, { status: 'UNPAID', paidAt: null });
    paid(c, 'SHIPPED', [line(a2, 1, 1)], HOUR, { status: 'AWAITING_COLLECTION', rtsAt: now });
    paid(c, 'GONE', [line(a2)], HOUR, { status: 'CANCELLED' });
    const { waves } = await c.call('picklist.build', {});
    expect(waves.flatMap((w) => w.orderIds)).toEqual(['IN']);
  });

  it('builds for the orders asked for; an unknown one is ORDER_NOT_FOUND', async () => {
    const c = core();
    const { a2, b1 } = seedCatalogue(c);
    paid(c, 'P1', [line(a2)], HOUR);
    paid(c, 'P2', [line(b1, 4)], HOUR);
    const { waves } = await c.call('picklist.build', { orderIds: ['P2'] });
    expect(waves[0]!.sections[0]!.rows.map((r) => [r.sellerSku, r.quantity])).toEqual([['MUG', 4]]);
    const res = await c.dispatch('picklist.build', { orderIds: ['P1', 'NOPE'] });
    expect(res).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND', details: { orderIds: ['NOPE'] } } });
    expect((await c.call('picklist.build', { orderIds: [] })).waves).toEqual([]);
  });

  it('splits into waves of 50 orders by default, most urgent first', async () => {
    const c = core();
    const { a2 } = seedCatalogue(c);
    const now = c.clock.now();
    c.context.db.transaction(() => {
      for (let i = 0; i < 120; i++) {
        // W000 was paid longest ago: it is the most urgent.
        insertOrder(c.context.db, makeOrder(`W${String(i).padStart(3, '0')}`, [line(a2)], now, { paidAt: now - (200 - i) * MINUTE }));
      }
    })();
    const { waves } = await c.call('picklist.build', {});
    expect(waves.map((w) => w.orderIds.length)).toEqual([50, 50, 20]);
    expect(waves[0]!.orderIds[0]).toBe('W000');
    expect(waves[0]!.orderIds).toContain('W049');
    expect(waves[2]!.orderIds).toContain('W119');
    expect(waves.map((w) => w.totalUnits)).toEqual([50, 50, 20]);
    expect((await c.call('picklist.build', { waveSize: 40 })).waves.map((w) => w.orderIds.length)).toEqual([40, 40, 40]);
    expect(await errorCode(c.call('picklist.build', { waveSize: 0 }))).toBe('INVALID_INPUT');
  });

  it('singleItemFirst: single-item orders fill the first waves and get their own section', async () => {
    const c = core();
    const { a10, a2, b1 } = seedCatalogue(c);
    // Multi-item orders are the most urgent here; singles must still come first.
    paid(c, 'M1', [line(a10, 2)], 40 * HOUR);
    paid(c, 'M2', [line(a2), line(b1)], 39 * HOUR);
    paid(c, 'S1', [line(b1)], 2 * HOUR);
    paid(c, 'S2', [line(a10)], 1 * HOUR);
    const { waves } = await c.call('picklist.build', { singleItemFirst: true, waveSize: 2 });
    expect(waves.map((w) => [...w.orderIds].sort())).toEqual([
      ['S1', 'S2'],
      ['M1', 'M2'],
    ]);
    const first = waves[0]!;
    expect(first.sections.map((s) => s.kind)).toEqual(['SINGLE_ITEM', 'MULTI_ITEM']);
    expect(first.sections[0]!.rows.map((r) => r.sellerSku)).toEqual(['TEE-M', 'MUG']);
    expect(first.sections[1]!.rows).toEqual([]);

    const oneWave = await c.call('picklist.build', { singleItemFirst: true });
    const [single, multi] = oneWave.waves[0]!.sections;
    expect(single!.rows.flatMap((r) => r.orders.map((o) => o.orderId)).sort()).toEqual(['S1', 'S2']);
    expect(multi!.rows.map((r) => [r.sellerSku, r.orders.map((o) => o.orderId)])).toEqual([
      ['TEE-S', ['M2']],
      ['TEE-M', ['M1']],
      ['MUG', ['M2']],
    ]);
  });
});
