import type { Handlers } from '../api/dispatch.js';
import { RULES } from '../domain/deadlines.js';
import { fail } from '../domain/errors.js';
import { appendOutbox } from '../store/outbox.js';
import { requireOrder, updateOrder } from '../store/orders-repo.js';
import { viewOne } from './order-view.js';

/**
 * Platform rule: after "Delivery can't be completed" the seller may ask, once per order and
 * within 12 days, for redelivery to a new address with a house number and a postcode.
 */
export const redeliveryHandlers: Pick<Handlers, 'orders.requestRedelivery'> = {
  'orders.requestRedelivery': (input, ctx) => {
    const now = ctx.clock.now();
    const stored = ctx.db.transaction(() => {
      const order = requireOrder(ctx.db, input.orderId);
      if (order.status !== 'DELIVERY_FAILED') {
        fail('ILLEGAL_TRANSITION', `Redelivery is only for failed deliveries; order ${order.id} is ${order.status}.`);
      }
      if (order.redeliveryRequestedAt !== null) {
        fail('REDELIVERY_ALREADY_REQUESTED', `Redelivery was already requested for order ${order.id}; the platform allows it once.`);
      }
      const failedAt = order.deliveryFailedAt ?? order.updatedAt;
      if (now > failedAt + RULES.redeliveryWindow) {
        fail('DEADLINE_PASSED', `The 12 days to request redelivery for order ${order.id} have passed.`);
      }
      // Any decimal digit: a house number typed through a Chinese IME arrives as full-width digits.
      if (!/\p{Nd}/u.test(input.recipient.address)) {
        fail('ADDRESS_INCOMPLETE', 'The new address needs a house number.');
      }
      const r = input.recipient;
      const recipient = {
        ...order.recipient,
        name: r.name,
        phone: r.phone,
        address: r.address,
        postcode: r.postcode,
        city: r.city || order.recipient.city,
        state: r.state || order.recipient.state,
        country: r.country || order.recipient.country,
      };
      appendOutbox(ctx.db, now, 'order.redelivery_requested', order.id, { orderId: order.id, recipient });
      return updateOrder(ctx.db, order, { ...order, recipient, redeliveryRequestedAt: now }, now);
    })();
    ctx.events.emit('orders.changed', { orderIds: [stored.id] });
    return viewOne(ctx.db, stored, now);
  },
};
