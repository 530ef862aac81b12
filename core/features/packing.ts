import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { decideShortPack, decideUndo } from '../domain/packing.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrder, requireOrder, updateOrder } from '../store/orders-repo.js';
import { lastPackingScan, markUndone, openOrderId } from '../store/scans-repo.js';
import { finishOrder } from './finish.js';
import { viewOne } from './order-view.js';
import { scan } from './scan.js';

export const packingHandlers: Pick<Handlers, 'packing.scan' | 'packing.current' | 'packing.undo' | 'packing.shortPack' | 'packing.finish'> = {
  'packing.scan': (input, ctx) => scan(ctx, input),
  'packing.current': async (input, ctx) => {
    await ctx.settleDue();
    const id = openOrderId(ctx.db, input.station);
    const order = id ? getOrder(ctx.db, id) : null;
    return order ? viewOne(ctx.db, order, ctx.clock.now()) : null;
  },
  'packing.undo': async (input, ctx) => {
    const result = await ctx.write(() => {
      const now = ctx.clock.now();
      const id = openOrderId(ctx.db, input.station) ?? fail('NO_OPEN_ORDER', 'No order is open at this station.');
      const order = requireOrder(ctx.db, id);
      const { next, undo, tellPlatform } = decideUndo(order, lastPackingScan(ctx.db, input.station, id));
      markUndone(ctx.db, undo.scanId, now);
      const stored = updateOrder(ctx.db, order, next, now);
      if (tellPlatform) appendOutbox(ctx.db, now, 'order.unpacked', id, { orderId: id, undoneScanId: undo.scanId, packer: input.packer });
      return { undoneScanId: undo.scanId, order: viewOne(ctx.db, stored, now) };
    });
    ctx.events.emit('orders.changed', { orderIds: [result.order.id] });
    return result;
  },
  'packing.shortPack': async (input, ctx) => {
    const view = await ctx.write(() => {
      const now = ctx.clock.now();
      const order = requireOrder(ctx.db, input.orderId);
      const { next, missing } = decideShortPack(order, input.reason, input.packer, now);
      appendOutbox(ctx.db, now, 'order.short_packed', order.id, {
        orderId: order.id,
        reason: input.reason,
        missing,
        packer: input.packer,
        station: input.station,
      });
      return viewOne(ctx.db, updateOrder(ctx.db, order, next, now), now);
    });
    ctx.events.emit('orders.changed', { orderIds: [view.id] });
    return view;
  },
  'packing.finish': (input, ctx) => finishOrder(ctx, input),
};
