import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/domain/clock.js';
import type { Order } from '../../../core/domain/types.js';
import { insertOrder } from '../../../core/store/orders-repo.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest, outboxRows, snapshot, stored } from './support.js';

const core = freshCoreEachTest();

function seed(c: TestCore) {
  const a = seedSku(c, makeSku('A'));
  const now = c.clock.now();
  const packed = (id: string, over: Partial<Order> = {}) => seedOrder(c, makeOrder(id, [line(a, 2, 2)], now, { packedAt: now - HOUR, ...over }));
  const unpacked = (id: string, over: Partial<Order> = {}) => seedOrder(c, makeOrder(id, [line(a, 2, 1)], now, over));
  return { a, packed, unpacked, now };
}

describe('shipping.arrange', () => {
  it('moves packed orders to AWAITING_COLLECTION with rtsAt, a collection deadline and outbox rows', async () => {
    const c = core();
    const { packed, now } = seed(c);
    packed('P1');
    packed('P2', { packageId: '1152000000000000002' });
    const changed: string[][] = [];
    c.events.on('orders.changed', (e) => changed.push(e.orderIds));
    const res = await c.call('shipping.arrange', { orderIds: ['P1', 'P2'] });
    expect(res).toEqual({ arranged: ['P1', 'P2'], failed: [], chunks: 1 });
    const view = await c.call('orders.get', { orderId: 'P2' });
    expect(view).toMatchObject({ status: 'AWAITING_COLLECTION', rtsAt: now, version: 2 });
    expect(view.nextDeadline).toMatchObject({ kind: 'COLLECT_BY', at: now + 72 * HOUR });
    const rows = outboxRows(c, 'order.shipment_arranged');
    expect(rows.map((r) => r.orderId)).toEqual(['P1', 'P2']);
    expect(rows[1]!.payload).toEqual({ orderId: 'P2', packageId: '1152000000000000002' });
    expect(changed).toEqual([['P1', 'P2']]);
    expect(await c.call('sync.status', {})).toMatchObject({ pendingOutbox: 2, pending: 2, state: 'NOT_CONNECTED' });
  });

  it('refuses an unpacked order with ORDER_NOT_PACKED unless allowUnpacked', async () => {
    const c = core();
    const { unpacked } = seed(c);
    unpacked('U1');
    const refused = await c.call('shipping.arrange', { orderIds: ['U1'] });
    expect(refused.arranged).toEqual([]);
    expect(refused.failed).toMatchObject([{ orderId: 'U1', code: 'ORDER_NOT_PACKED' }]);
    expect(stored(c, 'U1')).toMatchObject({ status: 'AWAITING_SHIPMENT', version: 1 });
    expect(outboxRows(c)).toHaveLength(0);

    const allowed = await c.call('shipping.arrange', { orderIds: ['U1'], allowUnpacked: true });
    expect(allowed.arranged).toEqual(['U1']);
    expect(stored(c, 'U1').status).toBe('AWAITING_COLLECTION');
  });

  it('reports each order that cannot ship while the rest go on', async () => {
    const c = core();
    const { packed, unpacked, now } = seed(c);
    packed('OK1');
    unpacked('NOTPACKED');
    packed('ASKED', { cancelRequestedAt: now - HOUR });
    packed('HOLD', { status: 'ON_HOLD' });
    packed('CANCELLED', { status: 'CANCELLED' });
    packed('SHIPPED', { status: 'AWAITING_COLLECTION', rtsAt: now - HOUR });
    packed('OK2');
    const res = await c.call('shipping.arrange', { orderIds: ['OK1', 'NOTPACKED', 'ASKED', 'HOLD', 'CANCELLED', 'SHIPPED', 'GHOST', 'OK2'] });
    expect(res.arranged).toEqual(['OK1', 'OK2']);
    expect(Object.fromEntries(res.failed.map((f) => [f.orderId, f.code]))).toEqual({
      NOTPACKED: 'ORDER_NOT_PACKED',
      ASKED: 'ORDER_CANCEL_REQUESTED',
      HOLD: 'ORDER_ON_HOLD',
      CANCELLED: 'ORDER_CANCELLED',
      SHIPPED: 'ORDER_ALREADY_SHIPPED',
      GHOST: 'ORDER_NOT_FOUND',
    });
    for (const f of res.failed) expect(f.message.length, f.orderId).toBeGreaterThan(0);
    expect(outboxRows(c).map((r) => r.orderId)).toEqual(['OK1', 'OK2']);
    expect(stored(c, 'ASKED').status).toBe('AWAITING_SHIPMENT');
  });

  it('only unknown ids: everything in failed, nothing written', async () => {
    const c = core();
    seed(c);
    const before = snapshot(c);
    const res = await c.call('shipping.arrange', { orderIds: ['X1', 'X2'] });
    expect(res.arranged).toEqual([]);
    expect(res.failed.map((f) => [f.orderId, f.code])).toEqual([
      ['X1', 'ORDER_NOT_FOUND'],
      ['X2', 'ORDER_NOT_FOUND'],
    ]);
    expect(snapshot(c)).toEqual(before);
  });

  it('an id listed twice is arranged once', async () => {
    const c = core();
    const { packed } = seed(c);
    packed('P1');
    const res = await c.call('shipping.arrange', { orderIds: ['P1', 'P1'] });
    expect(res).toEqual({ arranged: ['P1'], failed: [], chunks: 1 });
    expect(outboxRows(c)).toHaveLength(1);
  });

  it('1,200 orders go in 3 chunks of at most 500, with progress after each', async () => {
    const c = core();
    const { a, now } = seed(c);
    const ids: string[] = [];
    c.context.db.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        const id = `B${String(i).padStart(4, '0')}`;
        ids.push(id);
        insertOrder(c.context.db, makeOrder(id, [line(a, 1, 1)], now, { packedAt: now }));
      }
    })();
    const progress: { task: string; done: number; total: number }[] = [];
    const off = c.events.on('progress', (p) => progress.push(p));
    const res = await c.call('shipping.arrange', { orderIds: ids });
    off();
    expect(res.chunks).toBe(3);
    expect(res.arranged).toHaveLength(1200);
    expect(res.failed).toEqual([]);
    expect(progress).toEqual([
      { task: 'arrange', done: 500, total: 1200 },
      { task: 'arrange', done: 1000, total: 1200 },
      { task: 'arrange', done: 1200, total: 1200 },
    ]);
    expect(outboxRows(c, 'order.shipment_arranged')).toHaveLength(1200);
    const left = c.context.db.prepare("SELECT count(*) FROM orders WHERE status = 'AWAITING_SHIPMENT'").pluck().get();
    expect(left).toBe(0);
  });

  it('a store failure in a later chunk keeps the chunks already saved and leaves its own untouched', async () => {
    const c = core();
    const { a, now } = seed(c);
    const ids: string[] = [];
    c.context.db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const id = `B${String(i).padStart(4, '0')}`;
        ids.push(id);
        insertOrder(c.context.db, makeOrder(id, [line(a, 1, 1)], now, { packedAt: now }));
      }
    })();
    c.context.db.exec(`CREATE TRIGGER fail_one BEFORE INSERT ON outbox WHEN NEW.order_id = 'B0550'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(await errorCode(c.call('shipping.arrange', { orderIds: ids }))).toBe('INTERNAL');
    const count = (status: string) => c.context.db.prepare('SELECT count(*) FROM orders WHERE status = ?').pluck().get(status) as number;
    expect(count('AWAITING_COLLECTION')).toBe(500);
    expect(count('AWAITING_SHIPMENT')).toBe(100);
    expect(outboxRows(c).map((r) => r.orderId)).toEqual(ids.slice(0, 500));
    // Once the store works again, arranging everything again finishes the rest and skips the done.
    c.context.db.exec('DROP TRIGGER fail_one');
    const res = await c.call('shipping.arrange', { orderIds: ids });
    expect(res.arranged).toEqual(ids.slice(500));
    expect(new Set(res.failed.map((f) => f.code))).toEqual(new Set(['ORDER_ALREADY_SHIPPED']));
  });

  it('needs at least one id', async () => {
    const c = core();
    expect(await errorCode(c.call('shipping.arrange', { orderIds: [] }))).toBe('INVALID_INPUT');
  });
});
