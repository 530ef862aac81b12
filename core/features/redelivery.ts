import type { Handlers } from '../api/dispatch.js';
import { decideRedelivery } from '../domain/orders.js';
import { appendOutbox } from '../store/outbox.js';
import { requireOrder, updateOrder } from '../store/orders-repo.js';
import { viewOne } from './order-view.js';

export const redeliveryHandlers: Pick<Handlers, 'orders.requestRedelivery'> = {
  'orders.requestRedelivery': async (input, ctx) => {
    const view = await ctx.write(() => {
      const now = ctx.clock.now();
      const order = requireOrder(ctx.db, input.orderId);
      const next = decideRedelivery(order, input.recipient, now);
      appendOutbox(ctx.db, now, 'order.redelivery_requested', order.id, { orderId: order.id, recipient: next.recipient });
      return viewOne(ctx.db, updateOrder(ctx.db, order, next, now), now);
    });
    ctx.events.emit('orders.changed', { orderIds: [view.id] });
    return view;
  },
};
