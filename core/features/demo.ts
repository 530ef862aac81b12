import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import type { DemoResult } from '../api/views.js';
import { demoCatalogue } from '../demo/catalogue.js';
import { demoOrders } from '../demo/orders.js';
import { Rng } from '../demo/rng.js';
import { addBarcodes, upsertSku } from '../store/catalogue-repo.js';
import { getOrder, hasOrders, insertOrder } from '../store/orders-repo.js';
import { getSetting, setSetting } from '../store/settings-repo.js';

/** Set once the demo shop has been offered, so the question is asked on the first run only. */
export const DEMO_OFFERED = 'desktop.demoOffered';

async function loadDemo(ctx: CoreContext, size: { orders: number; seed: number }): Promise<DemoResult> {
  const now = ctx.clock.now();
  const rng = new Rng(size.seed);
  const skus = demoCatalogue(rng);
  const orders = demoOrders(rng, skus, now, size.orders);
  const added = await ctx.write(() => {
    let added = 0;
    for (const { barcodes, ...sku } of skus) {
      upsertSku(ctx.db, sku, now);
      addBarcodes(ctx.db, sku.id, barcodes);
    }
    for (const o of orders) {
      if (getOrder(ctx.db, o.id)) continue;
      insertOrder(ctx.db, o);
      added++;
    }
    return added;
  });
  ctx.events.emit('orders.changed', { orderIds: orders.map((o) => o.id) });
  return { orders: added, skus: skus.length };
}

export const demoHandlers: Pick<Handlers, 'demo.load' | 'demo.offer' | 'demo.answer'> = {
  /** A realistic shop to try Packdesk on: loading it twice adds nothing the second time. */
  'demo.load': (input, ctx) => loadDemo(ctx, input),
  'demo.offer': (_input, ctx) => {
    if (getSetting(ctx.db, DEMO_OFFERED) !== null) return { ask: false, reason: 'already-offered' };
    if (!hasOrders(ctx.db)) return { ask: true };
    // A shop that already has orders is not a newcomer: never ask it, also not later.
    setSetting(ctx.db, DEMO_OFFERED, 'not-empty');
    return { ask: false, reason: 'not-empty' };
  },
  'demo.answer': async (input, ctx) => {
    await ctx.write(() => setSetting(ctx.db, DEMO_OFFERED, input.load ? 'loaded' : 'declined'));
    return input.load ? loadDemo(ctx, { orders: 240, seed: 7 }) : null;
  },
};
