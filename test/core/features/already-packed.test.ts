import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../core/domain/clock.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { printingBench, WHO } from '../printing/support.js';
import { freshCoreEachTest, scanner } from './support.js';

const core = freshCoreEachTest();

const EAN = '4006381333931';

/** What the screens need around a packed order: who packed it and when, and whether its label went out. */
describe('an order that is already packed', () => {
  it('scanning it again says when and by whom, shows it for a reprint, and does not reopen it', async () => {
    const { core } = await printingBench(2);
    const pat = scanner(core, 'bench-1', 'pat');
    await pat('O1');
    const done = await pat(EAN);
    expect(done.order).toMatchObject({ packedBy: 'pat', packedAt: core.clock.now(), labelPrintedAt: null });
    await core.call('printing.print', { orderId: 'O1', ...WHO });

    core.clock.advance(5 * MINUTE);
    const li = scanner(core, 'bench-2', 'li');
    await li('O2');
    const again = await li('O1');
    expect(again).toMatchObject({ code: 'ORDER_ALREADY_PACKED', ok: false, orderId: 'O1', packedAt: done.at, packedBy: 'pat' });
    expect(again.order).toMatchObject({ id: 'O1', packedBy: 'pat' });
    expect(again.order!.labelPrintedAt).toBeGreaterThan(0);
    // The order open at that bench is still the one it was packing.
    expect((await core.call('packing.current', { station: 'bench-2' }))?.id).toBe('O2');
    expect(await li(EAN)).toMatchObject({ code: 'ORDER_COMPLETE', orderId: 'O2' });
    // A replay of the scan answers the same.
    expect(await li('O1', { scanId: 'bench-2-2' })).toMatchObject({ code: 'ORDER_ALREADY_PACKED', replayed: true, packedBy: 'pat' });
  });

  it('the pick queue rows say who packed an order and when its label went out', async () => {
    const { core } = await printingBench(2);
    const pat = scanner(core, 'bench-1', 'pat');
    await pat('O1');
    await pat(EAN);
    const job = await core.call('printing.print', { orderId: 'O1', ...WHO });
    const rows = new Map((await core.call('orders.queue', {})).orders.map((r) => [r.id, r]));
    expect(rows.get('O1')).toMatchObject({ packedBy: 'pat', labelPrintedAt: job.sentAt, packedAt: core.clock.now() });
    expect(rows.get('O2')).toMatchObject({ packedBy: null, labelPrintedAt: null, packedAt: null });
    // Undo takes the parcel apart: nobody packed it any more.
    await core.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect(await core.call('orders.get', { orderId: 'O1' })).toMatchObject({ packedBy: null, packedAt: null, labelPrintedAt: job.sentAt });
  });

  it('a wrong item names what was scanned; one too many names the line', async () => {
    const c = core();
    const a = seedSku(c, makeSku('A', { barcodes: [EAN] }));
    seedSku(c, makeSku('B', { sellerSku: 'MUG-BLUE', name: 'Blue mug' }));
    const z = seedSku(c, makeSku('Z', { sellerSku: 'CAP-RED', name: 'Red cap' }));
    seedOrder(c, makeOrder('M1', [line(a, 1), line(z, 1)], c.clock.now()));
    const scan = scanner(c);
    await scan('M1');
    expect(await scan('mug-blue')).toMatchObject({ code: 'WRONG_ITEM', scannedItem: { sellerSku: 'MUG-BLUE', name: 'Blue mug' }, line: null });
    expect(await scan(EAN)).toMatchObject({ code: 'ACCEPTED', scannedItem: { sellerSku: 'SKU-A' }, line: { sellerSku: 'SKU-A', packedQty: 1, qty: 1 } });
    expect(await scan(EAN)).toMatchObject({ code: 'OVER_SCAN', line: { sellerSku: 'SKU-A', packedQty: 1, qty: 1 } });
    expect(await scan('NOPE')).toMatchObject({ code: 'UNKNOWN_BARCODE', scannedItem: null });
  });

  it('at the handover, a packed parcel whose shipment is not arranged is PARCEL_NOT_ARRANGED', async () => {
    const { core } = await printingBench(2);
    const scan = scanner(core);
    await scan('O1');
    await scan(EAN);
    const batch = await core.call('handover.open', { station: 'dock', method: 'PICKUP' });
    expect(await core.call('handover.scan', { batchId: batch.id, code: 'TTO1' })).toMatchObject({
      code: 'PARCEL_NOT_ARRANGED',
      ok: false,
      message: 'Shipment not arranged',
      orderId: 'O1',
    });
    expect(await core.call('handover.scan', { batchId: batch.id, code: 'TTO2' })).toMatchObject({ code: 'PARCEL_NOT_READY', orderId: 'O2' });
    await core.call('shipping.arrange', { orderIds: ['O1'] });
    expect(await core.call('handover.scan', { batchId: batch.id, code: 'TTO1' })).toMatchObject({ code: 'PARCEL_ADDED', count: 1 });
  });
});
