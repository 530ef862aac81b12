import { describe, expect, it } from 'vitest';
import { labelsIn, printingBench, WHO } from '../printing/support.js';
import { errorCode, outboxRows, scanner } from './support.js';

const EAN = '4006381333931';

/** A bench with orders O1… (one unit each) and a loopback printer; O1 packed at bench-1 by pat. */
async function packedBench(n = 1, printerState = {}) {
  const bench = await printingBench(n, printerState);
  const scan = scanner(bench.core);
  await scan('O1');
  expect((await scan(EAN)).code).toBe('ORDER_COMPLETE');
  return bench;
}

describe('packing.finish: the label, then the shipment, as the shop is set up', () => {
  it('by default prints the label and leaves the shipment to the seller', async () => {
    const { core, printer } = await packedBench();
    expect(await core.call('settings.get', {})).toMatchObject({ packing: { autoPrint: true, autoShip: false } });
    const r = await core.call('packing.finish', { ...WHO, orderId: 'O1' });
    expect(r).toMatchObject({
      orderId: 'O1',
      label: { outcome: 'PRINTED', job: { state: 'SENT', kind: 'PRINT' }, error: null },
      shipment: { outcome: 'NOT_ASKED' },
    });
    expect(r.order).toMatchObject({ status: 'AWAITING_SHIPMENT', packedBy: 'pat' });
    expect(r.order.labelPrintedAt).toBe(r.label.job!.sentAt);
    expect(labelsIn(printer.received())).toHaveLength(1);
  });

  it('with autoShip: the label first, then shipment is arranged and the platform told', async () => {
    const { core, printer } = await packedBench();
    expect((await core.call('settings.set', { packing: { autoShip: true } })).packing).toEqual({ autoPrint: true, autoShip: true });
    const r = await core.call('packing.finish', { ...WHO, orderId: 'O1' });
    expect(r).toMatchObject({ label: { outcome: 'PRINTED' }, shipment: { outcome: 'ARRANGED' }, order: { status: 'AWAITING_COLLECTION' } });
    expect(outboxRows(core, 'order.shipment_arranged').map((o) => o.orderId)).toEqual(['O1']);
    expect(labelsIn(printer.received())).toHaveLength(1);
    // Finishing again prints nothing twice and arranges nothing twice.
    expect(await core.call('packing.finish', { ...WHO, orderId: 'O1' })).toMatchObject({
      label: { outcome: 'ALREADY_PRINTED' },
      shipment: { outcome: 'ALREADY_ARRANGED' },
    });
    expect(labelsIn(printer.received())).toHaveLength(1);
  });

  it('never announces a parcel without its label: a failed print leaves the shipment alone', async () => {
    const { core, printer } = await packedBench(1);
    await core.call('settings.set', { packing: { autoShip: true } });
    printer.state.paperOut = true;
    const r = await core.call('packing.finish', { ...WHO, orderId: 'O1' });
    expect(r).toMatchObject({
      label: { outcome: 'FAILED', error: { code: 'PAPER_OUT' } },
      shipment: { outcome: 'SKIPPED_NO_LABEL' },
      order: { status: 'AWAITING_SHIPMENT', labelPrintedAt: null },
    });
    expect(outboxRows(core, 'order.shipment_arranged')).toEqual([]);
  });

  it('with printing off, arranges only an order whose label went out before (a batch printed ahead)', async () => {
    const { core } = await packedBench(2);
    await core.call('settings.set', { packing: { autoPrint: false, autoShip: true } });
    expect(await core.call('packing.finish', { ...WHO, orderId: 'O1' })).toMatchObject({
      label: { outcome: 'NOT_ASKED' },
      shipment: { outcome: 'SKIPPED_NO_LABEL' },
    });
    await core.call('printing.batch', { orderIds: ['O2'], ...WHO });
    const scan = scanner(core, 'bench-2');
    await scan('O2');
    await scan(EAN);
    expect(await core.call('packing.finish', { ...WHO, orderId: 'O2' })).toMatchObject({ label: { outcome: 'NOT_ASKED' }, shipment: { outcome: 'ARRANGED' } });
  });

  it('refuses an order that is not complete yet', async () => {
    const { core } = await printingBench(2);
    expect(await errorCode(core.call('packing.finish', { ...WHO, orderId: 'O2' }))).toBe('ORDER_NOT_PACKED');
    expect(await errorCode(core.call('packing.finish', { ...WHO, orderId: 'NOPE' }))).toBe('ORDER_NOT_FOUND');
  });
});
