import type { Handlers } from '../api/dispatch.js';
import { demoCatalogue } from '../demo/catalogue.js';
import { demoOrders } from '../demo/orders.js';
import { Rng } from '../demo/rng.js';
import { addBarcodes, upsertSku } from '../store/catalogue-repo.js';
import { getOrder, insertOrder } from '../store/orders-repo.js';

export const demoHandlers: Pick<Handlers, 'demo.load'> = {
  /** A realistic shop to try Packdesk on: loading it twice adds nothing the second time. */
  'demo.load': async (input, ctx) => {
    const now = ctx.clock.now();
    const rng = new Rng(input.seed);
    const skus = demoCatalogue(rng);
    const orders = demoOrders(rng, skus, now, input.orders);
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
  },
};
