import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../core/sync/views.js';
import { syncRig, type SyncRig } from './support.js';

/** Resolves with the first sync.status event that passes `test` (no polling, no sleeps). */
function statusWhere(rig: SyncRig, test: (s: SyncStatusView) => boolean): Promise<SyncStatusView> {
  return new Promise((resolve) => {
    const off = rig.core.events.on('sync.status', (s) => {
      if (!test(s)) return;
      off();
      resolve(s);
    });
  });
}

describe('the sync engine', () => {
  it('syncs at start, pushes soon after an outbox write, and backs off while offline, then recovers', async () => {
    const rig = await syncRig({ sim: { orders: 40, seed: 91 } });
    await rig.connect();
    const synced = statusWhere(rig, (s) => s.state === 'SYNCED' && !s.running);
    rig.core.sync.start();
    expect((await synced).text).toMatch(/^Synced \d\d:\d\d$/);

    const order = [...rig.sim.state.orders.values()].find((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && !o.splitOrCombine)!;
    const shipped = new Promise<void>((resolve) =>
      rig.sim.events.on('request', (r: { path: string }) => r.path === '/fulfillment/202309/packages/ship' && resolve()),
    );
    const asked = Date.now();
    await rig.call('shipping.arrange', { orderIds: [order.id], allowUnpacked: true });
    await shipped;
    expect(Date.now() - asked).toBeLessThan(30_000); // well before the 60 s tick
    await statusWhere(rig, (s) => s.state === 'SYNCED' && s.pending === 0 && !s.running);

    await rig.proxy.down();
    const offline = statusWhere(rig, (s) => s.state === 'OFFLINE');
    await rig.call('shipping.arrange', {
      orderIds: [
        [...rig.sim.state.orders.values()].find((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && !o.splitOrCombine && o.id !== order.id)!.id,
      ],
      allowUnpacked: true,
    });
    expect((await offline).text).toMatch(/^Offline since \d\d:\d\d — 1 waiting$/);
    const back = statusWhere(rig, (s) => s.state === 'SYNCED' && s.pending === 0);
    await rig.proxy.up();
    await back;
    await rig.core.sync.stop();
  }, 60_000);
});
