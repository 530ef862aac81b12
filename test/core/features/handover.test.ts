import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../core/domain/clock.js';
import type { Order } from '../../../core/domain/types.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest, outboxRows, snapshot, stored } from './support.js';

const core = freshCoreEachTest();

/** Parcels awaiting collection (shipment arranged), plus one still awaiting shipment. */
function seedParcels(c: TestCore) {
  const a = seedSku(c, makeSku('A'));
  const now = c.clock.now();
  const ready = (id: string, over: Partial<Order> = {}) =>
    seedOrder(c, makeOrder(id, [line(a, 1, 1)], now, { status: 'AWAITING_COLLECTION', rtsAt: now - HOUR, packedAt: now - HOUR, ...over }));
  ready('R1', { trackingNumber: 'RM100000001GB' });
  ready('R2', { trackingNumber: 'RM100000002GB', packageId: '1152000000000000002' });
  ready('R3', { trackingNumber: 'RM100000003GB' });
  ready('U1', { trackingNumber: '9400111899562537', carrier: 'USPS' });
  seedOrder(c, makeOrder('W1', [line(a)], now, { trackingNumber: 'RM100000009GB' }));
}

async function openBatch(c: TestCore, carrier = 'Royal Mail') {
  return c.call('handover.open', { station: 'dock', method: 'PICKUP', carrier });
}

describe('handover', () => {
  it('opens an empty batch for a carrier', async () => {
    const c = core();
    const batch = await openBatch(c);
    expect(batch).toMatchObject({ station: 'dock', method: 'PICKUP', carrier: 'Royal Mail', openedAt: c.clock.now(), closedAt: null, parcels: [] });
    expect(await c.call('handover.get', { batchId: batch.id })).toEqual(batch);
  });

  it('adds parcels by tracking number (any case) or package id, each once', async () => {
    const c = core();
    seedParcels(c);
    const { id } = await openBatch(c);
    expect(await c.call('handover.scan', { batchId: id, code: 'rm100000001gb\r\n' })).toEqual({
      code: 'PARCEL_ADDED',
      ok: true,
      message: expect.any(String),
      orderId: 'R1',
      count: 1,
    });
    c.clock.advance(MINUTE);
    expect(await c.call('handover.scan', { batchId: id, code: '1152000000000000002' })).toMatchObject({ code: 'PARCEL_ADDED', orderId: 'R2', count: 2 });
    expect(await c.call('handover.scan', { batchId: id, code: 'RM100000001GB' })).toMatchObject({
      code: 'PARCEL_ALREADY_IN_BATCH',
      ok: false,
      orderId: 'R1',
      count: 2,
    });
    const view = await c.call('handover.get', { batchId: id });
    expect(view.parcels.map((p) => [p.orderId, p.trackingNumber])).toEqual([
      ['R1', 'RM100000001GB'],
      ['R2', 'RM100000002GB'],
    ]);
  });

  it('keeps back parcels that are not ready, for another carrier, or unknown', async () => {
    const c = core();
    seedParcels(c);
    const { id } = await openBatch(c, 'royal mail');
    expect(await c.call('handover.scan', { batchId: id, code: 'RM100000009GB' })).toMatchObject({ code: 'PARCEL_NOT_READY', ok: false, orderId: 'W1' });
    expect(await c.call('handover.scan', { batchId: id, code: '9400111899562537' })).toMatchObject({ code: 'PARCEL_WRONG_CARRIER', ok: false, orderId: 'U1' });
    expect(await c.call('handover.scan', { batchId: id, code: 'NOPE' })).toMatchObject({ code: 'UNKNOWN_PARCEL', ok: false, orderId: null });
    // The carrier comparison ignores case: "royal mail" takes a Royal Mail parcel.
    expect(await c.call('handover.scan', { batchId: id, code: 'RM100000003GB' })).toMatchObject({ code: 'PARCEL_ADDED', count: 1 });
    expect((await c.call('handover.get', { batchId: id })).parcels.map((p) => p.orderId)).toEqual(['R3']);
  });

  it('a batch without a carrier (drop-off) takes any carrier', async () => {
    const c = core();
    seedParcels(c);
    const { id } = await c.call('handover.open', { station: 'dock', method: 'DROP_OFF' });
    expect((await c.call('handover.scan', { batchId: id, code: '9400111899562537' })).code).toBe('PARCEL_ADDED');
    expect((await c.call('handover.scan', { batchId: id, code: 'RM100000001GB' })).code).toBe('PARCEL_ADDED');
  });

  it('a parcel in one batch is PARCEL_IN_OTHER_BATCH in another, open or closed', async () => {
    const c = core();
    seedParcels(c);
    const first = await openBatch(c);
    const second = await openBatch(c);
    await c.call('handover.scan', { batchId: first.id, code: 'RM100000001GB' });
    expect(await c.call('handover.scan', { batchId: second.id, code: 'RM100000001GB' })).toMatchObject({
      code: 'PARCEL_IN_OTHER_BATCH',
      ok: false,
      orderId: 'R1',
      count: 0,
    });
    await c.call('handover.close', { batchId: first.id });
    expect((await c.call('handover.scan', { batchId: second.id, code: 'RM100000001GB' })).code).toBe('PARCEL_IN_OTHER_BATCH');
  });

  it('close: stamps the batch and its orders, writes one outbox row, then refuses more', async () => {
    const c = core();
    seedParcels(c);
    const { id } = await openBatch(c);
    await c.call('handover.scan', { batchId: id, code: 'RM100000001GB' });
    await c.call('handover.scan', { batchId: id, code: 'RM100000002GB' });
    c.clock.advance(10 * MINUTE);
    const changed: string[][] = [];
    c.events.on('orders.changed', (e) => changed.push(e.orderIds));
    const closed = await c.call('handover.close', { batchId: id });
    expect(closed.closedAt).toBe(c.clock.now());
    expect(closed.parcels).toHaveLength(2);
    expect(stored(c, 'R1')).toMatchObject({ handedOverAt: c.clock.now(), version: 2, status: 'AWAITING_COLLECTION' });
    expect(stored(c, 'R3').handedOverAt).toBeNull();
    const rows = outboxRows(c, 'handover.closed');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ batchId: id, method: 'PICKUP', carrier: 'Royal Mail', orderIds: ['R1', 'R2'] });
    expect(changed).toEqual([['R1', 'R2']]);

    const before = snapshot(c);
    expect(await errorCode(c.call('handover.scan', { batchId: id, code: 'RM100000003GB' }))).toBe('HANDOVER_CLOSED');
    expect(await errorCode(c.call('handover.close', { batchId: id }))).toBe('HANDOVER_CLOSED');
    expect(snapshot(c)).toEqual(before);
  });

  it('unknown batches and unreadable scans get codes, not crashes', async () => {
    const c = core();
    seedParcels(c);
    expect(await errorCode(c.call('handover.get', { batchId: 99 }))).toBe('HANDOVER_NOT_FOUND');
    expect(await errorCode(c.call('handover.scan', { batchId: 99, code: 'RM100000001GB' }))).toBe('HANDOVER_NOT_FOUND');
    expect(await errorCode(c.call('handover.close', { batchId: 99 }))).toBe('HANDOVER_NOT_FOUND');
    const { id } = await openBatch(c);
    expect(await errorCode(c.call('handover.scan', { batchId: id, code: 'RM1000\u000700001GB' }))).toBe('SCAN_INVALID_CHARACTERS');
    expect(await errorCode(c.call('handover.scan', { batchId: 0, code: 'x' }))).toBe('INVALID_INPUT');
    expect((await c.call('handover.get', { batchId: id })).parcels).toEqual([]);
  });
});
