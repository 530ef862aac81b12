import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/domain/clock.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { freshCoreEachTest, outboxRows, packedQtys, scanner, stored } from './support.js';

/** What happens when an order changes while it is on the bench or in the courier's pile. */
const core = freshCoreEachTest();
const EAN_A = '4006381333931';

describe('an order that changes under the packer', () => {
  it('lets the packer take items back out after the buyer asks to cancel', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A', { barcodes: [EAN_A] }));
    seedOrder(c, makeOrder('O1', [line(a, 2)], c.clock.now()));
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    c.context.db.prepare('UPDATE orders SET cancel_requested_at = ? WHERE id = ?').run(c.clock.now(), 'O1');

    expect((await scan(EAN_A)).code).toBe('ORDER_CANCEL_REQUESTED');
    const undo = await c.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect(undo.order.unitsPacked).toBe(0);
    expect(packedQtys(c, 'O1')).toEqual([0]);
  });

  it('an undo after a short-pack reopens the parcel', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A', { barcodes: [EAN_A] }));
    seedOrder(c, makeOrder('O1', [line(a, 3)], c.clock.now()));
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    await c.call('packing.shortPack', { station: 'bench-1', packer: 'pat', orderId: 'O1', reason: 'Only one left on the shelf' });
    expect(stored(c, 'O1').packedAt).not.toBeNull();

    await c.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect(stored(c, 'O1')).toMatchObject({ shortPackReason: '', packedAt: null });
    expect(outboxRows(c, 'order.unpacked')).toHaveLength(1);
  });

  it('leaves orders with a pending cancellation out of the default pick list', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A'));
    seedOrder(c, makeOrder('KEEP', [line(a, 1)], c.clock.now()));
    seedOrder(c, makeOrder('ASKED', [line(a, 5)], c.clock.now(), { cancelRequestedAt: c.clock.now() - HOUR }));
    const { waves } = await c.call('picklist.build', {});
    expect(waves.flatMap((w) => w.orderIds)).toEqual(['KEEP']);
    expect(waves[0]!.totalUnits).toBe(1);
  });

  it('takes a parcel cancelled after its handover scan out of the batch at closing', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A'));
    const now = c.clock.now();
    for (const id of ['P1', 'P2']) {
      seedOrder(c, makeOrder(id, [line(a, 1, 1)], now, { status: 'AWAITING_COLLECTION', rtsAt: now, packedAt: now }));
    }
    const batch = await c.call('handover.open', { station: 'dock', method: 'PICKUP' });
    await c.call('handover.scan', { batchId: batch.id, code: 'TTP1' });
    await c.call('handover.scan', { batchId: batch.id, code: 'TTP2' });
    c.context.db.prepare("UPDATE orders SET status = 'CANCELLED' WHERE id = 'P2'").run();

    const closed = await c.call('handover.close', { batchId: batch.id });
    expect(closed.parcels.map((p) => p.orderId)).toEqual(['P1']);
    expect(closed.heldBack).toEqual([{ orderId: 'P2', status: 'CANCELLED' }]);
    expect(stored(c, 'P2').handedOverAt).toBeNull();
    expect(outboxRows(c, 'handover.closed')[0]!.payload).toMatchObject({ orderIds: ['P1'] });
  });

  it('announces the pending-sync count whenever a call queues platform events', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A', { barcodes: [EAN_A] }));
    seedOrder(c, makeOrder('O1', [line(a, 1)], c.clock.now()));
    const pending: number[] = [];
    c.events.on('outbox.changed', (e) => pending.push(e.pending));
    const scan = scanner(c);
    await scan('O1');
    expect(pending).toEqual([]);
    await scan(EAN_A); // completes the order: 'order.packed'
    await c.call('shipping.arrange', { orderIds: ['O1'] });
    expect(pending).toEqual([1, 2]);
  });

  it('shows an order auto-cancelled offline as cancelled when looked up directly', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A'));
    seedOrder(c, makeOrder('U1', [line(a)], c.clock.now(), { status: 'UNPAID', paidAt: null, createdAt: c.clock.now() }));
    c.clock.advance(49 * HOUR);
    expect(await c.call('orders.get', { orderId: 'U1' })).toMatchObject({ status: 'CANCELLED', provisional: true });
  });
});
