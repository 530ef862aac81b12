import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { packagesOfOrder } from '../../../core/store/packages-repo.js';
import { labelFile, sha256Of } from '../../../core/sync/label-files.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { scanZpl } from '../../printer/oracles/scan.js';
import { syncRig } from './support.js';

const printers: FakeTcpPrinter[] = [];
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop();
});

const WHO = { station: 'bench-1', packer: 'pat' } as const;
const labelsIn = (bytes: Buffer): string[] => bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];

/** A TikTok order split into two packages, shipped ahead so both labels are here, and a loopback Zebra. */
async function splitOrderWithLabels(seed: number) {
  const rig = await syncRig({ sim: { orders: 0, seed, settings: { labelGeneratingCalls: 0 } } });
  const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 2 }], split: true, shippingType: 'TIKTOK' });
  const id = order.id as string;
  await rig.connect();
  await rig.call('sync.now', {});
  await rig.call('shipping.arrange', { orderIds: [id], allowUnpacked: true });
  expect((await rig.call('sync.now', {})).labels).toBe(2);
  const printer = await FakeTcpPrinter.start({});
  printers.push(printer);
  await rig.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
  return { rig, id, printer };
}

describe('platform labels', () => {
  it('are fetched once the package is shipped (asked again while still generating), kept by content hash, and printed instead of our own', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 41, settings: { labelGeneratingCalls: 2 } } });
    const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' });
    const id = order.id as string;
    await rig.connect();
    await rig.call('sync.now', {});
    await rig.call('shipping.arrange', { orderIds: [id], allowUnpacked: true });
    const summary = await rig.call('sync.now', {});
    expect(summary.labels).toBe(1);

    const tracking = rig.sim.state.packages.get(rig.sim.state.orders.get(id)!.packageIds[0]!)!.trackingNumber!;
    const [pkg] = packagesOfOrder(rig.core.context.db, id);
    expect(pkg).toMatchObject({ trackingNumber: tracking, label: { source: 'PLATFORM', kind: 'pdf' } });
    const file = labelFile(rig.dir, pkg!.label!.sha256, 'pdf');
    expect(sha256Of(fs.readFileSync(file))).toBe(pkg!.label!.sha256);
    expect((await rig.call('orders.get', { orderId: id })).trackingNumber).toBe(tracking);
    const shipped = rig.sim.controls.observer.requests().filter((r) => r.path.endsWith('/shipping_documents'));
    expect(shipped.map((r) => r.code)).toEqual([11034037, 11034037, 0]);

    // Offline from here: the label prints from the data folder.
    await rig.proxy.down();
    const printer = await FakeTcpPrinter.start({});
    printers.push(printer);
    await rig.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    await rig.call('printing.print', { orderId: id, ...WHO });
    const [zpl] = labelsIn(printer.received());
    expect(zpl).toMatch(/\^GFA,[\d,]+:Z64:/);
    const scan = await scanZpl(zpl!, { widthMm: 100, heightMm: 150 }, 203, 'sync-platform-label');
    expect(scan.code128).toContain(tracking);
    const preview = await rig.call('printing.preview', { orderId: id, printer: 'Zebra' });
    expect(preview.source).toBe('PLATFORM');
  });

  it('prints the label of the package asked for: each package of a split order has its own', async () => {
    const { rig, id, printer } = await splitOrderWithLabels(44);
    const [, second] = rig.sim.state.orders.get(id)!.packageIds;
    await rig.call('printing.print', { orderId: id, packageId: second!, ...WHO });
    const scan = await scanZpl(labelsIn(printer.received())[0]!, { widthMm: 100, heightMm: 150 }, 203, 'sync-second-package');
    expect(scan.code128).toContain(rig.sim.state.packages.get(second!)!.trackingNumber);
    await expect(rig.call('printing.print', { orderId: id, packageId: 'NOT-ITS-PACKAGE', ...WHO })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("finishes a split order with the label of the package on the bench, and previews that package's label", async () => {
    const { rig, id, printer } = await splitOrderWithLabels(45);
    const [first, second] = rig.sim.state.orders.get(id)!.packageIds;
    const preview = (packageId: string) => rig.call('printing.preview', { orderId: id, packageId });
    expect((await preview(first!)).png).not.toBe((await preview(second!)).png);
    for (const code of [id, 'MUG-01', 'MUG-01']) await rig.call('packing.scan', { ...WHO, scanId: randomUUID(), code });
    const finished = await rig.call('packing.finish', { ...WHO, orderId: id, packageId: second! });
    expect(finished.label.outcome).toBe('PRINTED');
    const scan = await scanZpl(labelsIn(printer.received())[0]!, { widthMm: 100, heightMm: 150 }, 203, 'sync-finish-second-package');
    expect(scan.code128).toContain(rig.sim.state.packages.get(second!)!.trackingNumber);
    expect(scan.code128).not.toContain(rig.sim.state.packages.get(first!)!.trackingNumber);
  });

  it("finishes a split order's last package with its own label when package 1's label printed before (F8), and not package 1's again", async () => {
    const { rig, id, printer } = await splitOrderWithLabels(46);
    const [first, second] = rig.sim.state.orders.get(id)!.packageIds;
    const tracking = (packageId: string) => rig.sim.state.packages.get(packageId)!.trackingNumber!;
    const reads = async (zpl: string, name: string) => (await scanZpl(zpl, { widthMm: 100, heightMm: 150 }, 203, name)).code128;

    // Package 1 full: F8 prints its label.
    for (const code of [id, 'MUG-01']) await rig.call('packing.scan', { ...WHO, scanId: randomUUID(), code });
    const f8 = await rig.call('printing.reprint', { ...WHO, orderId: id, packageId: first! });
    expect(f8).toMatchObject({ state: 'SENT', packageId: first });
    expect(labelsIn(printer.received())).toHaveLength(1);

    // The last unit goes into package 2; finishing prints package 2's label, and only that.
    await rig.call('packing.scan', { ...WHO, scanId: randomUUID(), code: 'MUG-01' });
    const finished = await rig.call('packing.finish', { ...WHO, orderId: id, packageId: second! });
    expect(finished.label).toMatchObject({ outcome: 'PRINTED', job: { state: 'SENT', packageId: second, orderId: id } });
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(2);
    const read = await reads(labels[1]!, 'sync-finish-after-f8-package-2');
    expect(read).toContain(tracking(second!));
    expect(read).not.toContain(tracking(first!));

    // Finished again (a second client, say): both packages are labelled, nothing prints.
    const again = await rig.call('packing.finish', { ...WHO, orderId: id, packageId: second! });
    expect(again.label.outcome).toBe('ALREADY_PRINTED');
    expect(labelsIn(printer.received())).toHaveLength(2);
    const jobs = await rig.call('printing.jobs', { orderId: id, limit: 10 });
    expect(jobs.map((j) => ({ packageId: j.packageId, kind: j.kind, state: j.state }))).toEqual([
      { packageId: second, kind: 'PRINT', state: 'SENT' },
      { packageId: first, kind: 'REPRINT', state: 'SENT' },
    ]);
  });

  it("finishes a split order without a package named by printing its last package's label, then calls it printed", async () => {
    const { rig, id, printer } = await splitOrderWithLabels(47);
    const [, second] = rig.sim.state.orders.get(id)!.packageIds;
    for (const code of [id, 'MUG-01', 'MUG-01']) await rig.call('packing.scan', { ...WHO, scanId: randomUUID(), code });
    const finished = await rig.call('packing.finish', { ...WHO, orderId: id });
    expect(finished.label).toMatchObject({ outcome: 'PRINTED', job: { packageId: second } });
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(1);
    expect((await scanZpl(labels[0]!, { widthMm: 100, heightMm: 150 }, 203, 'sync-finish-unnamed-last-package')).code128).toContain(
      rig.sim.state.packages.get(second!)!.trackingNumber,
    );
    expect((await rig.call('packing.finish', { ...WHO, orderId: id })).label.outcome).toBe('ALREADY_PRINTED');
  });

  it('prints in a batch one label for each package of a split order, then finishing prints nothing more', async () => {
    const { rig, id, printer } = await splitOrderWithLabels(48);
    const packageIds = rig.sim.state.orders.get(id)!.packageIds;
    // The order named twice, as a wave put together by hand might: still one label per package.
    const batch = await rig.call('printing.batch', { ...WHO, orderIds: [id, id] });
    expect(batch).toMatchObject({ total: 2, sent: 2 });
    const jobs = await rig.call('printing.jobs', { batchId: batch.id, limit: 5 });
    expect(jobs.map((j) => j.packageId).sort()).toEqual([...packageIds].sort());
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(2);
    const reads = await Promise.all(labels.map(async (l, i) => (await scanZpl(l, { widthMm: 100, heightMm: 150 }, 203, `sync-batch-package-${i}`)).code128));
    expect(reads.map((r) => packageIds.find((p) => r.includes(rig.sim.state.packages.get(p)!.trackingNumber!))).sort()).toEqual([...packageIds].sort());
    for (const code of [id, 'MUG-01', 'MUG-01']) await rig.call('packing.scan', { ...WHO, scanId: randomUUID(), code });
    expect((await rig.call('packing.finish', { ...WHO, orderId: id })).label.outcome).toBe('ALREADY_PRINTED');
    expect(labelsIn(printer.received())).toHaveLength(2);
  });

  it('asks no label for a seller-shipped package, and Packdesk prints its own', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 42 } });
    const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'SELLER' });
    rig.sim.controls.act(order.id as string, 'ship-elsewhere');
    await rig.connect();
    const summary = await rig.call('sync.now', {});
    expect(summary.labels).toBe(0);
    expect(rig.sim.controls.observer.requests().some((r) => r.path.endsWith('/shipping_documents'))).toBe(false);
    const preview = await rig.call('printing.preview', { orderId: order.id as string });
    expect(preview.source).toBe('PACKDESK');
  });

  it('"Get labels now": arranges ahead while online so the bench prints offline, and says the 72 h clock started', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 43 } });
    const ids = [1, 2, 3].map(() => rig.sim.controls.addOrder({ items: [{ sellerSku: 'TEE-9', qty: 1 }], shippingType: 'TIKTOK' }).id as string);
    await rig.connect();
    await rig.call('sync.now', {});
    await expect(rig.call('sync.arrangeAhead', { orderIds: ids })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(rig.sim.controls.observer.counters.shipCalls).toEqual({});
    await rig.call('sync.updateSettings', { arrangeAhead: true });
    const r = await rig.call('sync.arrangeAhead', { orderIds: ids });
    expect(r).toMatchObject({ arranged: ids, failed: [], labelsReady: ids, labelsWaiting: [], error: null });
    expect(r.notice).toMatchObject({ key: 'sync.arrangeAhead.notice', fields: { hours: 72, orders: 3 } });
    expect(r.notice.text).toMatch(/72 h collection clock has started/);
    for (const id of ids) expect(packagesOfOrder(rig.core.context.db, id)[0]!.label).not.toBeNull();
  });
});
