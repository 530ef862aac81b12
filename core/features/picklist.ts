import type { Handlers } from '../api/dispatch.js';
import { buildPickList, planWaves } from '../domain/picklist.js';
import { skusByIds } from '../store/catalogue-repo.js';
import { getOrders, packableOrderIds } from '../store/orders-repo.js';
import { fail } from '../domain/errors.js';

export const picklistHandlers: Pick<Handlers, 'picklist.build'> = {
  /**
   * Pick lists for the given orders (default: every order awaiting shipment, most urgent
   * first), in waves of `waveSize` orders — 50 by default, the platform's batch print size.
   */
  'picklist.build': (input, ctx) => {
    const ids = input.orderIds ?? packableOrderIds(ctx.db, input.limit);
    const found = new Map(getOrders(ctx.db, ids).map((o) => [o.id, o]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) fail('ORDER_NOT_FOUND', `No order ${missing.slice(0, 5).join(', ')}.`, { orderIds: missing });
    const orders = [...new Set(ids)].map((id) => found.get(id)!);
    const skus = skusByIds(
      ctx.db,
      orders.flatMap((o) => o.lines.map((l) => l.skuId)),
    );
    const waves = planWaves(orders, input.waveSize, input.singleItemFirst).map((wave) => buildPickList(wave, skus, { singleItemFirst: input.singleItemFirst }));
    return { waves };
  },
};
