import type { Handlers } from '../api/dispatch.js';
import { decideCancellationAnswer, decideSellerCancel } from '../domain/orders.js';
import { setStockZero } from '../store/catalogue-repo.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrders, listOrders, requireOrder, searchOrderIds, updateOrder } from '../store/orders-repo.js';
import { viewOne, viewsOf } from './order-view.js';
import { queuePage } from './queue.js';

export const orderHandlers: Pick<
  Handlers,
  'orders.list' | 'orders.queue' | 'orders.get' | 'orders.search' | 'orders.answerCancellation' | 'orders.sellerCancel' | 'orders.applyAutomaticRules'
> = {
  // Reads first let the writer apply any automatic rule that came due, so they show it.
  'orders.list': async (input, ctx) => {
    await ctx.settleDue();
    return viewsOf(ctx.db, listOrders(ctx.db, input, input), ctx.clock.now());
  },
  'orders.queue': async (input, ctx) => {
    await ctx.settleDue();
    return queuePage(ctx.db, input, ctx.clock.now());
  },
  'orders.get': async (input, ctx) => {
    await ctx.settleDue();
    return viewOne(ctx.db, requireOrder(ctx.db, input.orderId), ctx.clock.now());
  },
  'orders.search': async (input, ctx) => {
    await ctx.settleDue();
    return viewsOf(ctx.db, getOrders(ctx.db, searchOrderIds(ctx.db, input.text, input.limit)), ctx.clock.now());
  },
  'orders.answerCancellation': async (input, ctx) => {
    const view = await ctx.write(() => {
      const now = ctx.clock.now();
      const order = requireOrder(ctx.db, input.orderId);
      const accept = input.decision === 'accept';
      const next = decideCancellationAnswer(order, accept, now);
      appendOutbox(ctx.db, now, accept ? 'order.cancellation_accepted' : 'order.cancellation_rejected', order.id, { orderId: order.id });
      return viewOne(ctx.db, updateOrder(ctx.db, order, next, now), now);
    });
    ctx.events.emit('orders.changed', { orderIds: [view.id] });
    return view;
  },
  // The due rules run before this write: an order the platform has already cancelled by its own
  // rule must not cost the seller their stock.
  'orders.sellerCancel': async (input, ctx) => {
    const view = await ctx.write(() => {
      const now = ctx.clock.now();
      const order = requireOrder(ctx.db, input.orderId);
      const { next, skuIds } = decideSellerCancel(order, input.reason, input.confirmStockZero, now);
      setStockZero(ctx.db, skuIds, now);
      appendOutbox(ctx.db, now, 'order.seller_cancelled', order.id, { orderId: order.id, reason: input.reason });
      appendOutbox(ctx.db, now, 'sku.stock_zeroed', order.id, { skuIds });
      return viewOne(ctx.db, updateOrder(ctx.db, order, next, now), now);
    });
    ctx.events.emit('orders.changed', { orderIds: [view.id] });
    return view;
  },
  'orders.applyAutomaticRules': async (_input, ctx) => ({ cancelled: await ctx.settleDue() }),
};
