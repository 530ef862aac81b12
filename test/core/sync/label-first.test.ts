/**
 * A TikTok-shipped package never gets Packdesk's own label (the carrier cannot scan it): printing
 * one whose platform label is not stored yet is refused before any job is journaled, a batch skips
 * it with that reason, and seller-shipped orders still print Packdesk's label.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { saveLabelWish, spendLabelWish } from '../../../core/store/label-wishes-repo.js';
import { queueJob } from '../../../core/store/print-jobs-repo.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { scanZpl } from '../../printer/oracles/scan.js';
import { syncRig, type SyncRig } from './support.js';

const printers: FakeTcpPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop();
});

const WHO = { station: 'bench-1', packer: 'pat' } as const;

async function zebra(rig: SyncRig): Promise<FakeTcpPrinter> {
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
      await expect(rig.call(method, { orderId: id, ...WHO })).rejects.toMatchObject({
        code: 'PLATFORM_LABEL_MISSING',
        message: expect.stringMatching(/TikTok label is not here yet/),
      });
    }
    await expect(rig.call('printing.label', { orderId: id, language: 'zpl', dpi: 203, station: 'bench-1' })).rejects.toMatchObject({
      code: 'PLATFORM_LABEL_MISSING',
    });
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

function sentJob(rig: SyncRig): Promise<number> {
  return new Promise((resolve) => {
    const off = rig.core.events.on('print.job', (e) => {
      if (e.state === 'SENT') {
        off();
        resolve(e.jobId);
      }
    });
  });
}

async function packed(rig: SyncRig, seed: number) {
  const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' });
  const id = order.id as string;
  const packageId = (order.packages as { id: string }[])[0]!.id;
  await rig.connect();
  await rig.call('sync.now', {});
  expect(await rig.call('packing.scan', { ...WHO, scanId: `s${seed}a`, code: packageId })).toMatchObject({ code: 'ORDER_OPENED' });
  expect(await rig.call('packing.scan', { ...WHO, scanId: `s${seed}b`, code: 'MUG-01' })).toMatchObject({ code: 'ORDER_COMPLETE' });
  return { id, packageId, tracking: () => rig.sim.state.packages.get(packageId)!.trackingNumber! };
}

describe('a TikTok-shipped parcel finished before its label exists', () => {
  it('is arranged at finish, and its platform label prints by itself once the sync downloads it — once', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 73, settings: { labelGeneratingCalls: 1 } } });
    const printer = await zebra(rig);
    const { id, tracking } = await packed(rig, 73);
    const events: string[] = [];
    rig.core.events.on('print.job', (e) => void events.push(e.state));

    const finished = await rig.call('packing.finish', { ...WHO, orderId: id, printer: 'Zebra' });
    expect(finished).toMatchObject({ label: { outcome: 'WHEN_IT_ARRIVES', job: null, error: null }, shipment: { outcome: 'ARRANGED', error: null } });
    expect(await rig.call('printing.jobs', { orderId: id, limit: 10 })).toEqual([]);
    expect(printer.received().length).toBe(0);

    const summary = await rig.call('sync.now', {});
    expect(summary.labels).toBe(1);
    const jobs = await rig.call('printing.jobs', { orderId: id, limit: 10 });
    expect(jobs.map((j) => [j.state, j.kind, j.printerName, j.station, j.packer])).toEqual([['SENT', 'PRINT', 'Zebra', 'bench-1', 'pat']]);
    expect(events).toEqual(['QUEUED', 'SENDING', 'SENT']);
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatch(/:Z64:/);
    const scan = await scanZpl(labels[0]!, { widthMm: 100, heightMm: 150 }, 203, 'label-first-arrival');
    expect(scan.code128).toContain(tracking());

    await rig.call('sync.now', {});
    expect(labelsIn(printer.received())).toHaveLength(1);
    expect(await rig.call('printing.jobs', { orderId: id, limit: 10 })).toHaveLength(1);
    expect(rig.core.context.db.prepare('SELECT count(*) FROM label_wishes').pluck().get()).toBe(0);
  });

  it('with autoPrint off: nothing printed, nothing wished for; the shipment follows autoShip and Reprint prints the label once it is here', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 74 } });
    const printer = await zebra(rig);
    const { id, tracking } = await packed(rig, 74);
    await rig.call('settings.set', { packing: { autoPrint: false, autoShip: false } });
    expect(await rig.call('packing.finish', { ...WHO, orderId: id })).toMatchObject({ label: { outcome: 'NOT_ASKED' }, shipment: { outcome: 'NOT_ASKED' } });
    await rig.call('settings.set', { packing: { autoPrint: false, autoShip: true } });
    expect(await rig.call('packing.finish', { ...WHO, orderId: id })).toMatchObject({ label: { outcome: 'NOT_ASKED' }, shipment: { outcome: 'ARRANGED' } });
    expect((await rig.call('sync.now', {})).labels).toBe(1);
    expect(printer.received().length).toBe(0);
    expect((await rig.call('printing.reprint', { orderId: id, ...WHO })).state).toBe('SENT');
    const scan = await scanZpl(labelsIn(printer.received())[0]!, { widthMm: 100, heightMm: 150 }, 203, 'label-first-reprint');
    expect(scan.code128).toContain(tracking());
  });

  it('after a crash: a journaled job its dead program never sent, and a wish whose label came but was not journaled, each print once at the next start', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 75 } });
    const printer = await zebra(rig);
    const first = await packed(rig, 75);
    await rig.call('settings.set', { packing: { autoPrint: false, autoShip: true } });
    await rig.call('packing.finish', { ...WHO, orderId: first.id });
    expect((await rig.call('sync.now', {})).labels).toBe(1);
    const db = rig.core.context.db;
    // What a program killed between the two steps leaves: the label stored and a wish (a), or a
    // wish spent with its job journaled QUEUED under that program's lease (b: the lease is gone).
    db.transaction(() => {
      saveLabelWish(db, { packageId: first.packageId, orderId: first.id, printerName: 'Zebra', station: 'bench-1', packer: 'pat', wishedAt: Date.now() });
      const jobId = queueJob(
        db,
        {
          batchId: null,
          seq: 0,
          orderId: first.id,
          document: 'SHIPPING_LABEL',
          printerName: 'Zebra',
          uri: printer.uri,
          language: 'zpl',
          kind: 'PRINT',
          resendOf: null,
          station: 'bench-1',
          packer: 'pat',
          ownerId: 'a-program-that-died',
        },
        Date.now(),
      );
      spendLabelWish(db, first.packageId, jobId);
    })();
    const sent = sentJob(rig);
    rig.core.sync.start();
    const jobId = await sent;
    await rig.call('sync.now', {});
    await rig.core.sync.stop();
    expect(labelsIn(printer.received())).toHaveLength(1);
    expect((await rig.call('printing.jobs', { orderId: first.id, limit: 10 })).map((j) => [j.id, j.state])).toEqual([[jobId, 'SENT']]);
    const scan = await scanZpl(labelsIn(printer.received())[0]!, { widthMm: 100, heightMm: 150 }, 203, 'label-first-recovered');
    expect(scan.code128).toContain(first.tracking());

    // (a): the wish alone, the label already here.
    saveLabelWish(db, { packageId: first.packageId, orderId: first.id, printerName: 'Zebra', station: 'bench-1', packer: 'pat', wishedAt: Date.now() + 1 });
    // Another program starting (the app after a crash) prints it.
    const other = rig.reopen();
    other.sync.start();
    await waitFor(() => labelsIn(printer.received()).length === 2);
    await other.sync.stop();
    await rig.call('sync.now', {});
    expect(labelsIn(printer.received())).toHaveLength(2);
    expect(db.prepare('SELECT count(*) FROM label_wishes').pluck().get()).toBe(0);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setImmediate(r));
}
