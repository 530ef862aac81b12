/**
 * A TikTok-shipped package never gets Packdesk's own label (the carrier cannot scan it): printing
 * one whose platform label is not stored yet is refused before any job is journaled, a batch skips
 * it with that reason, and seller-shipped orders still print Packdesk's label.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { syncRig, type SyncRig } from './support.js';

const printers: FakeTcpPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop();
});

export const WHO = { station: 'bench-1', packer: 'pat' } as const;

export async function zebra(rig: SyncRig): Promise<FakeTcpPrinter> {
  const printer = await FakeTcpPrinter.start({});
  printers.push(printer);
  await rig.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
  return printer;
}

const labelsIn = (bytes: Buffer): string[] => bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];

describe('a TikTok-shipped package without its platform label', () => {
  it('is refused by print, reprint, the label bytes and the preview, and no job is written', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 71 } });
    const id = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    await rig.connect();
    await rig.call('sync.now', {});
    const printer = await zebra(rig);
    for (const method of ['printing.print', 'printing.reprint'] as const) {
      await expect(rig.call(method, { orderId: id, ...WHO })).rejects.toMatchObject({ code: 'PLATFORM_LABEL_MISSING', message: expect.stringMatching(/TikTok label is not here yet/) });
    }
    await expect(rig.call('printing.label', { orderId: id, language: 'zpl', dpi: 203, station: 'bench-1' })).rejects.toMatchObject({ code: 'PLATFORM_LABEL_MISSING' });
    await expect(rig.call('printing.preview', { orderId: id, printer: 'Zebra' })).rejects.toMatchObject({ code: 'PLATFORM_LABEL_MISSING' });
    expect(await rig.call('printing.jobs', { orderId: id, limit: 10 })).toEqual([]);
    expect(printer.received().length).toBe(0);
  });

  it('is skipped by a batch with that reason, while a seller-shipped order in the same batch prints our label', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 72 } });
    const tiktok = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    const seller = rig.sim.controls.addOrder({ items: [{ sellerSku: 'TEE-9', qty: 1 }], shippingType: 'SELLER' }).id as string;
    await rig.connect();
    await rig.call('sync.now', {});
    const printer = await zebra(rig);
    const batch = await rig.call('printing.batch', { orderIds: [tiktok, seller], ...WHO });
    expect(batch.refused).toEqual([{ orderId: tiktok, code: 'PLATFORM_LABEL_MISSING', message: expect.stringMatching(/TikTok label is not here yet/) }]);
    expect(batch).toMatchObject({ total: 1, sent: 1 });
    expect(await rig.call('printing.jobs', { orderId: tiktok, limit: 10 })).toEqual([]);
    const [label] = labelsIn(printer.received());
    // Packdesk's own label (drawn, with the order id as text), not a platform bitmap.
    expect(label).toContain(seller);
    expect(label).not.toMatch(/:Z64:/);
    // And printing it alone works as ever.
    expect((await rig.call('printing.print', { orderId: seller, ...WHO })).state).toBe('SENT');
    expect((await rig.call('printing.preview', { orderId: seller, printer: 'Zebra' })).source).toBe('PACKDESK');
  });
});
