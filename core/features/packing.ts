import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import type { ScanVerdict } from '../api/views.js';
import { fail } from '../domain/errors.js';
import { isFullyPacked, unpackUnit } from '../domain/packing.js';
import { packRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import { appendOutbox } from '../store/outbox.js';
import { getOrder, requireOrder, updateOrder } from '../store/orders-repo.js';
import { viewOne } from './order-view.js';
import { applyDueRules } from './orders.js';
import { decideScan, isOkVerdict, progressOf } from './scan.js';
import { lastPackingScan, markUndone, openOrderId, recordScan, storedVerdict } from './scan-store.js';

function scan(ctx: CoreContext, input: Parameters<Handlers['packing.scan']>[0]): ScanVerdict {
  const replay = storedVerdict(ctx.db, input.scanId);
  if (replay) {
    const order = replay.orderId ? getOrder(ctx.db, replay.orderId) : null;
    return { ...replay, order: order ? viewOne(ctx.db, order, ctx.clock.now()) : null };
  }
  const verdict = ctx.db.transaction(() => {
    const { decision, code } = decideScan(ctx, input);
    const verdict: ScanVerdict = {
      scanId: input.scanId,
      code: decision.code,
      ok: isOkVerdict(decision.code),
      message: decision.message,
      scannedCode: code,
      orderId: decision.order?.id ?? null,
      line: null,
      progress: progressOf(decision.order),
      order: null,
      at: ctx.clock.now(),
      replayed: false,
    };
    const line = decision.lineIndex !== null ? decision.order?.lines[decision.lineIndex] : undefined;
    if (line) verdict.line = { sellerSku: line.sellerSku, name: line.productName, packedQty: line.packedQuantity, qty: line.quantity };
    recordScan(ctx.db, { station: input.station, packer: input.packer, raw: input.code, skuId: decision.skuId, lineNo: decision.lineIndex === null ? null : decision.lineIndex + 1 }, verdict);
    return { ...verdict, order: decision.order ? viewOne(ctx.db, decision.order, ctx.clock.now()) : null };
  })();
  ctx.events.emit('scan.recorded', { station: input.station, verdict });
  if (verdict.orderId && (verdict.code === 'ACCEPTED' || verdict.code === 'ORDER_COMPLETE')) {
    ctx.events.emit('orders.changed', { orderIds: [verdict.orderId] });
  }
  return verdict;
}

export const packingHandlers: Pick<Handlers, 'packing.scan' | 'packing.current' | 'packing.undo' | 'packing.shortPack'> = {
  'packing.scan': (input, ctx) => {
    applyDueRules(ctx);
    return scan(ctx, input);
  },
  'packing.current': (input, ctx) => {
    const id = openOrderId(ctx.db, input.station);
    const order = id ? getOrder(ctx.db, id) : null;
    return order ? viewOne(ctx.db, order, ctx.clock.now()) : null;
  },
  'packing.undo': (input, ctx) => {
    const now = ctx.clock.now();
    const result = ctx.db.transaction(() => {
      const id = openOrderId(ctx.db, input.station) ?? fail('NO_OPEN_ORDER', 'No order is open at this station.');
      const order = requireOrder(ctx.db, id);
      const refusal = packRefusal(order);
      // Taking an item back out is always safe while the parcel is still here, also when the
      // buyer has just asked to cancel; once shipment is arranged the parcel has left.
      if (refusal && refusal !== 'ORDER_CANCEL_REQUESTED') fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
      const last = lastPackingScan(ctx.db, input.station, id) ?? fail('NOTHING_TO_UNDO', 'No scan of this order to undo.');
      const wasComplete = isFullyPacked(order);
      markUndone(ctx.db, last.scanId, now);
      // Undo reopens the parcel: a short-pack decided on the old contents no longer stands.
      const stored = updateOrder(ctx.db, order, { ...unpackUnit(order, last.lineNo - 1), shortPackReason: '' }, now);
      if (wasComplete || order.shortPackReason) appendOutbox(ctx.db, now, 'order.unpacked', id, { orderId: id, undoneScanId: last.scanId, packer: input.packer });
      return { undoneScanId: last.scanId, order: viewOne(ctx.db, stored, now) };
    })();
    ctx.events.emit('orders.changed', { orderIds: [result.order.id] });
    return result;
  },
  'packing.shortPack': (input, ctx) => {
    const now = ctx.clock.now();
    const stored = ctx.db.transaction(() => {
      const order = requireOrder(ctx.db, input.orderId);
      const refusal = packRefusal(order);
      if (refusal) fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal);
      const missing = order.lines
        .filter((l) => l.packedQuantity < l.quantity)
        .map((l) => ({ sellerSku: l.sellerSku, missing: l.quantity - l.packedQuantity }));
      if (missing.length === 0) fail('CONFLICT', `Order ${order.id} is fully packed; nothing is short.`);
      appendOutbox(ctx.db, now, 'order.short_packed', order.id, { orderId: order.id, reason: input.reason, missing, packer: input.packer, station: input.station });
      return updateOrder(ctx.db, order, { ...order, shortPackReason: input.reason, packedAt: now }, now);
    })();
    ctx.events.emit('orders.changed', { orderIds: [stored.id] });
    return viewOne(ctx.db, stored, now);
  },
};
