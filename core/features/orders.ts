import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import { automaticOutcome, RULES } from '../domain/deadlines.js';
import { fail } from '../domain/errors.js';
import { assertTransition, canTransition } from '../domain/status.js';
import type { Order } from '../domain/types.js';
import { setStockZero } from '../store/catalogue-repo.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrders, hydrate, requireOrder, updateOrder } from '../store/orders-repo.js';
import type { OrderRow } from '../store/order-rows.js';
import { viewOne, viewsOf } from './order-view.js';
import { queuePage } from './queue.js';
import { sql } from '../store/db.js';

/**
 * Applies the platform's automatic rules that came due while we were offline (unpaid 48 h,
 * unanswered cancellation 48 h). Provisional: the platform's next data replaces it.
 */
export function applyDueRules(ctx: CoreContext): string[] {
  const now = ctx.clock.now();
  const cutoff = now - RULES.answerCancellation;
  const rows = sql(ctx.db, 
      `SELECT * FROM orders WHERE status = 'UNPAID' AND next_deadline_at <= @now
       UNION SELECT * FROM orders WHERE (cancel_requested_at <= @cutoff OR (cancel_requested_at IS NOT NULL AND platform_answer_by <= @now))
         AND status NOT IN ('CANCELLED', 'COMPLETED')`,
    )
    .all({ now, cutoff }) as OrderRow[];
  const changed: string[] = [];
  ctx.db.transaction(() => {
    for (const order of hydrate(ctx.db, rows)) {
      const outcome = automaticOutcome(order, now);
      if (!outcome) continue;
      updateOrder(ctx.db, order, { ...order, status: outcome.status, cancelReason: outcome.reason, cancelledAt: now, provisional: true }, now);
      changed.push(order.id);
    }
  })();
  if (changed.length) ctx.events.emit('orders.changed', { orderIds: changed });
  return changed;
}

function answerCancellation(ctx: CoreContext, order: Order, accept: boolean): Order {
  const now = ctx.clock.now();
  if (order.cancelRequestedAt === null) fail('NO_CANCEL_REQUEST', `Order ${order.id} has no cancellation request to answer.`);
  // Rejecting is no answer once the order is cancelled (e.g. by the 48 h rule): the platform won't take it.
  if (!canTransition(order.status, 'CANCELLED')) {
    fail('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status}: its cancellation request can no longer be answered.`);
  }
  if (accept) {
    assertTransition(order.status, 'CANCELLED');
    const next = { ...order, status: 'CANCELLED' as const, cancelRequestedAt: null, cancelledAt: now, cancelReason: 'Buyer request accepted' };
    appendOutbox(ctx.db, now, 'order.cancellation_accepted', order.id, { orderId: order.id });
    return updateOrder(ctx.db, order, next, now);
  }
  appendOutbox(ctx.db, now, 'order.cancellation_rejected', order.id, { orderId: order.id });
  return updateOrder(ctx.db, order, { ...order, cancelRequestedAt: null }, now);
}

function sellerCancel(ctx: CoreContext, order: Order, reason: string, confirmed: boolean): Order {
  const now = ctx.clock.now();
  if (!canTransition(order.status, 'CANCELLED')) {
    fail('ILLEGAL_TRANSITION', `Order ${order.id} is ${order.status} and can no longer be cancelled.`);
  }
  const skuIds = [...new Set(order.lines.map((l) => l.skuId))];
  if (!confirmed) {
    fail(
      'CONFIRMATION_REQUIRED',
      `Cancelling as the seller sets the stock of ${order.lines.map((l) => l.sellerSku).join(', ')} to 0, which delists them. Confirm to go on.`,
      { skuIds },
    );
  }
  setStockZero(ctx.db, skuIds, now);
  appendOutbox(ctx.db, now, 'order.seller_cancelled', order.id, { orderId: order.id, reason });
  appendOutbox(ctx.db, now, 'sku.stock_zeroed', order.id, { skuIds });
  return updateOrder(ctx.db, order, { ...order, status: 'CANCELLED', cancelledAt: now, cancelReason: reason, cancelRequestedAt: null }, now);
}

export const orderHandlers: Pick<
  Handlers,
  | 'orders.list'
  | 'orders.queue'
  | 'orders.get'
  | 'orders.search'
  | 'orders.answerCancellation'
  | 'orders.sellerCancel'
  | 'orders.applyAutomaticRules'
> = {
  'orders.list': (input, ctx) => {
    applyDueRules(ctx);
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status?.length) {
      where.push(`status IN (${input.status.map(() => '?').join(',')})`);
      params.push(...input.status);
    }
    if (input.from !== undefined) (where.push('created_at >= ?'), params.push(input.from));
    if (input.to !== undefined) (where.push('created_at < ?'), params.push(input.to));
    const query = `SELECT * FROM orders ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY next_deadline_at IS NULL, next_deadline_at, id ${input.limit ? 'LIMIT ' + input.limit : ''}`;
    const rows = sql(ctx.db, query).all(...params) as OrderRow[];
    return viewsOf(ctx.db, hydrate(ctx.db, rows), ctx.clock.now());
  },
  'orders.queue': (input, ctx) => {
    applyDueRules(ctx);
    return queuePage(ctx, input);
  },
  'orders.get': (input, ctx) => {
    applyDueRules(ctx);
    return viewOne(ctx.db, requireOrder(ctx.db, input.orderId), ctx.clock.now());
  },
  'orders.search': (input, ctx) => {
    applyDueRules(ctx);
    const like = `%${input.text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const ids = sql(ctx.db, 
        `SELECT id FROM orders WHERE id = @text OR tracking_number = @text COLLATE NOCASE OR package_id = @text
           OR recipient_name LIKE @like ESCAPE '\\' OR buyer_username LIKE @like ESCAPE '\\'
           OR id IN (SELECT order_id FROM order_lines WHERE seller_sku = @text COLLATE NOCASE OR sku_id = @text)
         ORDER BY created_at DESC LIMIT @limit`,
      )
      .pluck()
      .all({ text: input.text, like, limit: input.limit }) as string[];
    return viewsOf(ctx.db, getOrders(ctx.db, ids), ctx.clock.now());
  },
  'orders.answerCancellation': (input, ctx) => {
    applyDueRules(ctx);
    const stored = ctx.db.transaction(() => answerCancellation(ctx, requireOrder(ctx.db, input.orderId), input.decision === 'accept'))();
    ctx.events.emit('orders.changed', { orderIds: [stored.id] });
    return viewOne(ctx.db, stored, ctx.clock.now());
  },
  'orders.sellerCancel': (input, ctx) => {
    // An order the platform has already cancelled by its own rule must not cost the seller their stock.
    applyDueRules(ctx);
    const stored = ctx.db.transaction(() =>
      sellerCancel(ctx, requireOrder(ctx.db, input.orderId), input.reason, input.confirmStockZero),
    )();
    ctx.events.emit('orders.changed', { orderIds: [stored.id] });
    return viewOne(ctx.db, stored, ctx.clock.now());
  },
  'orders.applyAutomaticRules': (_input, ctx) => ({ cancelled: applyDueRules(ctx) }),
};
