import { describe, expect, it } from 'vitest';
import { packagesOfOrder } from '../../../core/store/packages-repo.js';
import { lineItemsOf } from '../../../core/store/sync-orders-repo.js';
import { syncState } from '../../../core/store/sync-state-repo.js';
import { simOrders, storedUpdateTimes, syncRig } from './support.js';

describe('pull: orders down from the platform simulator, over HTTP', () => {
  it('backfills every order of the last days on the first sync, across pages, and moves the cursor to the window end', async () => {
    const rig = await syncRig({ sim: { orders: 260, seed: 3 } });
    await rig.connect();
    const summary = await rig.call('sync.now', {});
    expect(summary.pulled).toBe(260);
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
    const searches = rig.sim.controls.observer.counters.byRoute['POST /order/202309/orders/search'];
    expect(searches).toBe(3); // 100 + 100 + 60: every page read to the end
    const cursor = syncState(rig.core.context.db).ordersCursor!;
    expect(cursor).toBeGreaterThan(Math.max(...simOrders(rig.sim).values()));
    expect(rig.sim.errors).toEqual([]);
  });

  it('reads only what changed since the cursor (with the overlap), and stores the changes', async () => {
    const rig = await syncRig({ sim: { orders: 120, seed: 4 } });
    await rig.connect();
    await rig.call('sync.now', {});
    const before = rig.sim.controls.observer.counters.byRoute['POST /order/202309/orders/search']!;
    const open = [...rig.sim.state.orders.values()].filter((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId).slice(0, 2);
    rig.sim.controls.act(open[0]!.id, 'edit-notes', { sellerNote: 'fragile: glass' });
    rig.sim.controls.act(open[1]!.id, 'hold');
    const next = await rig.call('sync.now', {});
    expect(rig.sim.controls.observer.counters.byRoute['POST /order/202309/orders/search']! - before).toBe(1);
    expect(next.pulled).toBeLessThan(20);
    const a = await rig.call('orders.get', { orderId: open[0]!.id });
    const b = await rig.call('orders.get', { orderId: open[1]!.id });
    expect(a.sellerNote).toBe('fragile: glass');
    expect(b.status).toBe('ON_HOLD');
    // An ON_HOLD answer carries no address: the one we had is kept.
    expect(b.recipient.address).not.toBe('');
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
  });

  it('misses no order that changes while the window is being paged', async () => {
    const rig = await syncRig({ sim: { orders: 350, seed: 5 } });
    await rig.connect();
    const orders = [...rig.sim.state.orders.values()].sort((x, y) => x.updateTime - y.updateTime);
    const early = orders.find((o) => o.status === 'AWAITING_SHIPMENT')!; // served on page 1
    const late = [...orders].reverse().find((o) => o.status === 'AWAITING_SHIPMENT' && o.id !== early.id)!; // on the last page
    let searches = 0;
    rig.sim.events.on('request', (r: { path: string }) => {
      if (r.path !== '/order/202309/orders/search' || ++searches !== 2) return;
      rig.sim.controls.act(early.id, 'edit-notes', { sellerNote: 'changed after page 1' });
      rig.sim.controls.act(late.id, 'edit-notes', { sellerNote: 'changed before its page' });
    });
    await rig.call('sync.now', {});
    await rig.call('sync.now', {});
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
    expect((await rig.call('orders.get', { orderId: early.id })).sellerNote).toBe('changed after page 1');
    expect((await rig.call('orders.get', { orderId: late.id })).sellerNote).toBe('changed before its page');
  });

  it('keeps the cursor where it was when a page fails, and reads the window again next time', async () => {
    const rig = await syncRig({ sim: { orders: 250, seed: 6, settings: {} } });
    await rig.connect();
    rig.sim.controls.addFaults('malformed@/order/202309/orders/search+1#1');
    await expect(rig.call('sync.now', {})).rejects.toMatchObject({ code: 'PLATFORM_BAD_RESPONSE' });
    expect(syncState(rig.core.context.db).ordersCursor).toBeNull();
    expect((await rig.call('sync.status', {})).state).toBe('PROBLEM');
    await rig.call('sync.now', {});
    expect(storedUpdateTimes(rig.core)).toEqual(simOrders(rig.sim));
    expect((await rig.call('sync.status', {})).state).toBe('SYNCED');
  });

  it('maps unit line items to lines with quantities, keeps line item ids and the packages of split and combined orders', async () => {
    const rig = await syncRig({ sim: { orders: 0 } });
    const split = rig.sim.controls.addOrder({
      items: [
        { sellerSku: 'MUG-01', qty: 3 },
        { sellerSku: 'LID-02', qty: 1 },
      ],
      split: true,
    });
    const first = rig.sim.controls.addOrder({ items: [{ sellerSku: 'TEE-9', qty: 2 }] });
    const second = rig.sim.controls.addOrder({ items: [{ sellerSku: 'CAP-7', qty: 1 }], combineWith: first.id as string });
    await rig.connect();
    await rig.call('sync.now', {});
    const o = await rig.call('orders.get', { orderId: split.id as string });
    expect(o.lines.map((l) => [l.sellerSku, l.qty])).toEqual([
      ['MUG-01', 3],
      ['LID-02', 1],
    ]);
    const db = rig.core.context.db;
    const splitPackages = packagesOfOrder(db, split.id as string);
    expect(splitPackages.map((p) => p.id)).toEqual((split.packages as { id: string }[]).map((p) => p.id));
    expect(splitPackages.every((p) => p.origin === 'PLATFORM' && p.shippingType !== '')).toBe(true);
    const itemIds = lineItemsOf(db, split.id as string)
      .map((i) => i.id)
      .sort();
    expect(itemIds).toEqual((split.line_items as { id: string }[]).map((l) => l.id).sort());
    const combined = packagesOfOrder(db, second.id as string);
    expect(combined).toHaveLength(1);
    expect(combined[0]!.orderIds.sort()).toEqual([first.id, second.id].sort());
    // The platform's deadline wins over the computed one.
    expect(o.nextDeadline).toMatchObject({ kind: 'SHIP_BY', fromPlatform: true, at: (split.rts_sla_time as number) * 1000 });
  });

  it('pulls buyer cancellation requests with the platform deadline for the answer', async () => {
    const rig = await syncRig({ sim: { orders: 0 } });
    const asked = rig.sim.controls.addOrder({ buyerRequestCancel: true });
    await rig.connect();
    await rig.call('sync.now', {});
    const request = rig.sim.controls.cancellations(asked.id as string)[0]!;
    const deadline = (request.seller_next_action_response as { deadline: number }[])[0]!.deadline * 1000;
    const o = await rig.call('orders.get', { orderId: asked.id as string });
    expect(o.cancelRequestedAt).toBe((asked.request_cancel_time as number) * 1000);
    expect(o.packRefusal).toBe('ORDER_CANCEL_REQUESTED');
    expect(o.deadlines.find((d) => d.kind === 'ANSWER_CANCELLATION')).toEqual({ kind: 'ANSWER_CANCELLATION', at: deadline, fromPlatform: true });
  });
});
