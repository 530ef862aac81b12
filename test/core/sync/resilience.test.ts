import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCredentialStore } from '../../../core/platform/credentials/open.js';
import { getConnection } from '../../../core/store/sync-state-repo.js';
import type { SimOrder } from '../../platform-sim/model.js';
import { simOrders, storedUpdateTimes, syncRig, type SyncRig } from './support.js';

const counters = (rig: SyncRig) => rig.sim.controls.observer.counters;

function single(rig: SyncRig, n: number): SimOrder[] {
  const found = [...rig.sim.state.orders.values()].filter(
    (o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && o.shippingType === 'TIKTOK' && !o.splitOrCombine,
  );
  expect(found.length).toBeGreaterThanOrEqual(n);
  return found.slice(0, n);
}

/** Opens the order at a bench and scans every unit by its seller SKU. */
async function pack(rig: SyncRig, orderId: string, station = 'bench-1'): Promise<number> {
  const scan = (code: string) => rig.call('packing.scan', { station, packer: 'ana', scanId: randomUUID(), code });
  let scans = 1;
  expect((await scan(orderId)).code).toBe('ORDER_OPENED');
  const order = await rig.call('orders.get', { orderId });
  for (const line of order.lines) {
    for (let i = 0; i < line.qty; i++, scans++) expect((await scan(line.sellerSku)).ok).toBe(true);
  }
  return scans;
}

describe('sync resilience against the simulator', () => {
  it('rides out a 429 storm: every call waits its Retry-After and is tried again, shipments still go once', async () => {
    const rig = await syncRig({ sim: { orders: 150, seed: 21 } });
    await rig.connect();
    await rig.call('sync.now', {});
    const orders = single(rig, 5);
    await rig.call('shipping.arrange', { orderIds: orders.map((o) => o.id), allowUnpacked: true });
    rig.sim.controls.addFaults('429=1@/**%60');
    rig.sim.controls.act(single(rig, 6)[5]!.id, 'edit-notes', { sellerNote: 'during the storm' });
    let completed = false;
    for (let i = 0; i < 6 && !completed; i++) {
      completed = await rig.call('sync.now', {}).then(
        () => true,
        (err: { code: string }) => {
          expect(err.code).toBe('PLATFORM_THROTTLED');
          return false;
        },
      );
    }
    expect(completed).toBe(true);
    rig.sim.controls.clearFaults();
    await rig.call('sync.now', {});
    const throttled = rig.sim.controls.observer.requests().filter((r) => r.fault === '429').length;
    expect(throttled).toBeGreaterThan(10);
    for (const id of orders.flatMap((o) => o.packageIds)) expect(counters(rig).shipCalls[id], id).toBe(1);
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
  });

  it('refreshes a token that expires in the middle of a cycle, keeps the new pair, and a fresh program can sync with it', async () => {
    const rig = await syncRig({ sim: { orders: 240, seed: 22 } });
    await rig.connect();
    let searches = 0;
    rig.sim.events.on('request', (r: { path: string }) => {
      if (r.path === '/order/202309/orders/search' && ++searches === 2) rig.sim.controls.expireAccessTokens();
    });
    const summary = await rig.call('sync.now', {});
    expect(summary.pulled).toBe(240);
    expect(counters(rig).tokenRefreshes).toBe(1);
    expect(rig.sim.controls.observer.requests().some((r) => r.code === 105002)).toBe(true);
    // The refreshed pair was saved: the refresh token rotates, so the old one no longer works.
    const info = getConnection(rig.core.context.db)!.info;
    const store = (await openCredentialStore({ dataDir: rig.dir, keychain: null })).store;
    const secrets = await store.load(info.account);
    expect(summary.tokenValidUntil).toBe(info.accessTokenExpiresAt);
    await rig.core.sync.stop();
    const other = rig.reopen();
    rig.sim.controls.expireAccessTokens();
    await other.sync.syncNow();
    expect(counters(rig).tokenRefreshes).toBe(2);
    const after = await store.load(info.account);
    expect(after!.refreshToken).not.toBe(secrets!.refreshToken);
  });

  it('after a day offline (300 scans, 100 shipments queued), sends each shipment exactly once', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 23 } });
    // 100 orders, 200 units: with the order scans, 300 scans.
    for (let i = 0; i < 100; i++)
      rig.sim.controls.addOrder({ items: [{ sellerSku: `SKU-${i % 9}`, qty: i === 99 ? 2 : 1 + (i % 3) }], shippingType: 'TIKTOK' });
    await rig.connect();
    await rig.call('sync.now', {});
    await rig.proxy.down();
    const ids = [...rig.sim.state.orders.keys()];
    let scans = 0;
    for (const id of ids) scans += await pack(rig, id);
    expect(scans).toBe(300);
    const arranged = await rig.call('shipping.arrange', { orderIds: ids });
    expect(arranged.arranged).toHaveLength(100);
    await expect(rig.call('sync.now', {})).rejects.toMatchObject({ code: 'PLATFORM_UNREACHABLE' });
    await expect(rig.call('sync.now', {})).rejects.toMatchObject({ code: 'PLATFORM_UNREACHABLE' });
    const offline = await rig.call('sync.status', {});
    // The 100 "packed" records need no platform call and are done even offline; the 100 shipments wait.
    expect(offline).toMatchObject({ state: 'OFFLINE', pending: 100, key: 'sync.state.offline' });
    expect(offline.text).toMatch(/^Offline since \d\d:\d\d — 100 waiting$/);

    await rig.proxy.up();
    const summary = await rig.call('sync.now', {});
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    const packages = ids.flatMap((id) => rig.sim.state.orders.get(id)!.packageIds);
    expect(packages.every((p) => counters(rig).shipCalls[p] === 1 && counters(rig).shipApplied[p] === 1)).toBe(true);
    expect(ids.every((id) => rig.sim.state.orders.get(id)!.status === 'AWAITING_COLLECTION')).toBe(true);
    expect((await rig.call('sync.status', {})).state).toBe('SYNCED');
  });

  it('shows an order cancelled on the platform while open at the bench: banner, and the next scan is refused', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 24 } });
    const order = rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 2 }] });
    await rig.connect();
    await rig.call('sync.now', {});
    const id = order.id as string;
    const scan = (code: string) => rig.call('packing.scan', { station: 'bench-2', packer: 'li', scanId: randomUUID(), code });
    expect((await scan(id)).code).toBe('ORDER_OPENED');
    expect((await scan('MUG-01')).code).toBe('ACCEPTED');
    rig.sim.controls.act(id, 'cancel', { reason: 'Buyer paid twice' });
    await rig.call('sync.now', {});
    const [conflict] = await rig.call('sync.conflicts', { orderId: id });
    expect(conflict).toMatchObject({
      kind: 'CANCELLED_WHILE_PACKING',
      orderId: id,
      key: 'sync.conflict.CANCELLED_WHILE_PACKING',
      details: { packedUnits: 1, openAtBench: true },
    });
    expect(conflict!.text).toMatch(/put the items back/);
    const refused = await scan('MUG-01');
    expect(refused).toMatchObject({ code: 'ORDER_CANCELLED', ok: false });
    expect((await rig.call('sync.status', {})).conflicts).toBe(1);
    // The packed count stays what the packer did: the pull never overwrites work done here.
    expect((await rig.call('orders.get', { orderId: id })).unitsPacked).toBe(1);
    await rig.call('sync.acknowledgeConflict', { conflictId: conflict!.id, resolution: 'items put back' });
    expect(await rig.call('sync.conflicts', { orderId: id })).toEqual([]);
  });

  it('raises "shipped elsewhere", "address changed after the label" and "on hold" for work started here, and settles hold on release', async () => {
    const rig = await syncRig({ sim: { orders: 0, seed: 25 } });
    const elsewhere = rig.sim.controls.addOrder({ items: [{ sellerSku: 'TEE-9', qty: 2 }] });
    // Seller-shipped: Packdesk prints its own label for it (a TikTok-shipped one waits for the platform's).
    const moved = rig.sim.controls.addOrder({ items: [{ sellerSku: 'CAP-7', qty: 1 }], shippingType: 'SELLER' });
    const held = rig.sim.controls.addOrder({ items: [{ sellerSku: 'LID-02', qty: 2 }] });
    await rig.connect();
    await rig.call('sync.now', {});
    const scan = (code: string) => rig.call('packing.scan', { station: 'bench-3', packer: 'li', scanId: randomUUID(), code });
    await scan(elsewhere.id as string);
    await scan('TEE-9');
    await scan(held.id as string);
    await scan('LID-02');
    await rig.call('printers.save', { name: 'Preview', uri: `preview:${rig.dir}/previews`, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    await rig.call('printing.print', { orderId: moved.id as string, station: 'bench-3', packer: 'li' });
    rig.sim.controls.act(elsewhere.id as string, 'ship-elsewhere');
    rig.sim.controls.act(moved.id as string, 'change-address', { address: { line1: '1 New Street', postalCode: 'N1 1AA' } });
    rig.sim.controls.act(held.id as string, 'hold');
    await rig.call('sync.now', {});
    const kinds = (await rig.call('sync.conflicts', {})).map((c) => [c.orderId, c.kind]).sort();
    expect(kinds).toEqual(
      [
        [elsewhere.id, 'SHIPPED_ELSEWHERE'],
        [moved.id, 'ADDRESS_CHANGED_AFTER_LABEL'],
        [held.id, 'ON_HOLD'],
      ].sort(),
    );
    expect((await scan('LID-02')).code).toBe('ORDER_ON_HOLD');
    rig.sim.controls.act(held.id as string, 'release');
    await rig.call('printing.reprint', { orderId: moved.id as string, station: 'bench-3', packer: 'li' });
    await rig.call('sync.now', {});
    expect((await rig.call('sync.conflicts', {})).map((c) => c.kind)).toEqual(['SHIPPED_ELSEWHERE']);
  });
});
