import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syncRig, type SyncRig } from './support.js';

function scanner(rig: SyncRig, station: string) {
  return (code: string) => rig.call('packing.scan', { station, packer: 'mei', scanId: randomUUID(), code });
}

describe('the parcel at the bench is the platform package', () => {
  it('packs a split order package by package ("package 1 of 2"), and opens it by either package id', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 101 } });
    // Units are split in order: package 1 holds MUG ×2, package 2 MUG ×1 and the LID.
    const order = rig.sim.controls.addOrder({
      items: [
        { sellerSku: 'MUG-01', qty: 3 },
        { sellerSku: 'LID-02', qty: 1 },
      ],
      split: true,
    });
    const [p1, p2] = (order.packages as { id: string }[]).map((p) => p.id);
    await rig.connect();
    await rig.call('sync.now', {});
    const scan = scanner(rig, 'bench-5');
    expect(await scan(p2!)).toMatchObject({ code: 'ORDER_OPENED', orderId: order.id });
    expect(await scan('LID-02')).toMatchObject({ code: 'WRONG_ITEM', ok: false, message: 'LID-02 goes in package 2 of 2: finish package 1 of 2 first.' });
    expect((await scan('MUG-01')).message).toBe('MUG-01: 1 of 3. Package 1 of 2: 1 of 2.');
    expect((await scan('MUG-01')).message).toBe('MUG-01: 2 of 3. Package 1 of 2 is complete: print its label, then pack package 2.');
    expect(await scan('LID-02')).toMatchObject({ code: 'ACCEPTED' });
    expect(await scan('MUG-01')).toMatchObject({ code: 'ORDER_COMPLETE', orderId: order.id });
    const view = await rig.call('orders.get', { orderId: order.id as string });
    expect(view.packages?.map((p) => [p.id, p.seq, p.of, p.unitsPacked, p.unitsTotal])).toEqual([
      [p1, 1, 2, 2, 2],
      [p2, 2, 2, 2, 2],
    ]);
    expect(await scanner(rig, 'bench-6')(p1!)).toMatchObject({ code: 'ORDER_ALREADY_PACKED', orderId: order.id });
  });

  it('packs a combined package as one parcel holding the lines of all its orders', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 102 } });
    const a = rig.sim.controls.addOrder({ items: [{ sellerSku: 'TEE-9', qty: 1 }] });
    const b = rig.sim.controls.addOrder({ items: [{ sellerSku: 'CAP-7', qty: 2 }], combineWith: a.id as string });
    const parcel = (a.packages as { id: string }[])[0]!.id;
    await rig.connect();
    await rig.call('sync.now', {});
    const scan = scanner(rig, 'bench-7');
    expect(await scan(parcel)).toMatchObject({ code: 'ORDER_OPENED' });
    const opened = (await rig.call('packing.current', { station: 'bench-7' }))!.id;
    const other = opened === a.id ? b.id : a.id;
    const otherSku = other === b.id ? 'CAP-7' : 'TEE-9';
    expect(await scan(otherSku)).toMatchObject({
      code: other === b.id ? 'ACCEPTED' : 'ORDER_COMPLETE',
      orderId: other,
      message: expect.stringMatching(/the same parcel/),
    });
    for (const code of ['TEE-9', 'CAP-7', 'CAP-7']) await scan(code);
    expect((await rig.call('orders.get', { orderId: a.id as string })).packedAt).not.toBeNull();
    expect((await rig.call('orders.get', { orderId: b.id as string })).packedAt).not.toBeNull();
    expect((await scan('CAP-7')).ok).toBe(false);
  });

  it('lets the bench pack an order whose shipment was arranged ahead, then finish it without arranging again', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 103 } });
    const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' });
    const id = order.id as string;
    await rig.connect();
    await rig.call('sync.now', {});
    await rig.call('sync.updateSettings', { arrangeAhead: true });
    expect((await rig.call('sync.arrangeAhead', { orderIds: [id] })).labelsReady).toEqual([id]);
    expect((await rig.call('orders.get', { orderId: id })).packRefusal).toBeNull();
    const scan = scanner(rig, 'bench-8');
    expect(await scan(id)).toMatchObject({ code: 'ORDER_OPENED' });
    expect(await scan('MUG-01')).toMatchObject({ code: 'ORDER_COMPLETE' });
    await rig.call('printers.save', { name: 'Preview', uri: `preview:${rig.dir}/previews`, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    await rig.call('settings.set', { packing: { autoPrint: true, autoShip: true } });
    const finished = await rig.call('packing.finish', { station: 'bench-8', packer: 'mei', orderId: id });
    expect(finished.label.outcome).toBe('PRINTED');
    expect(finished.shipment.outcome).toBe('ALREADY_ARRANGED');
    expect((await rig.call('printing.preview', { orderId: id })).source).toBe('PLATFORM');
    expect(rig.sim.controls.observer.counters.shipCalls[(order.packages as { id: string }[])[0]!.id]).toBe(1);
    expect((await rig.call('orders.get', { orderId: id })).packRefusal).toBe('ORDER_ALREADY_SHIPPED'); // packed now: it waits for collection
  });
});
