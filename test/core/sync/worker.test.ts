import { describe, expect, it } from 'vitest';
import { workerGateways } from '../../../core/sync/worker-gateway.js';
import { simOrders, storedUpdateTimes, syncRig } from './support.js';

describe('the platform calls in a worker thread (the app and the station)', () => {
  it('pulls, pushes exactly once, refreshes and keeps tokens, and downloads labels the same way', async () => {
    const rig = await syncRig({ sim: { orders: 230, seed: 81 }, sync: { gateways: workerGateways } });
    await rig.connect();
    let searches = 0;
    rig.sim.events.on('request', (r: { path: string }) => {
      if (r.path === '/order/202309/orders/search' && ++searches === 2) rig.sim.controls.expireAccessTokens();
    });
    expect((await rig.call('sync.now', {})).pulled).toBe(230);
    expect(rig.sim.controls.observer.counters.tokenRefreshes).toBe(1);
    const open = [...rig.sim.state.orders.values()]
      .filter((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && !o.splitOrCombine && o.shippingType === 'TIKTOK')
      .slice(0, 2);
    await rig.call('shipping.arrange', { orderIds: open.map((o) => o.id), allowUnpacked: true });
    rig.sim.controls.addFaults('lost@POST:/fulfillment/202309/packages/ship#1');
    const summary = await rig.call('sync.now', {});
    expect(summary).toMatchObject({ pending: 0, refused: 0 });
    for (const id of open.flatMap((o) => o.packageIds)) expect(rig.sim.controls.observer.counters.shipCalls[id]).toBe(1);
    expect(summary.labels).toBeGreaterThanOrEqual(2);
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
    // A failure inside the worker comes back as the same coded error.
    rig.sim.controls.addFaults('malformed@/order/202309/orders/search#1');
    rig.sim.controls.act(open[0]!.id, 'edit-notes', { sellerNote: 'x' });
    await expect(rig.call('sync.now', {})).rejects.toMatchObject({ code: 'PLATFORM_BAD_RESPONSE' });
  });
});
