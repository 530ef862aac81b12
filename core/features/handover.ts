import type { Handlers } from '../api/dispatch.js';
import type { HandoverBatchView, HandoverVerdict } from '../api/views.js';
import { normaliseScan } from '../domain/barcode.js';
import { fail } from '../domain/errors.js';
import { decideParcel } from '../domain/handover.js';
import type { Db } from '../store/db.js';
import { addParcel, batchOfParcel, closeHandover, getHandover, holdBackChanged, openHandover, parcelCount, parcelsOf } from '../store/handover-repo.js';
import { findOrderByCode } from '../store/orders-repo.js';
import { appendOutbox } from '../store/outbox.js';
import { scannerSettings } from '../store/settings-repo.js';

function batchView(db: Db, batchId: number, heldBack: HandoverBatchView['heldBack'] = []): HandoverBatchView {
  const b = getHandover(db, batchId) ?? fail('HANDOVER_NOT_FOUND', `No handover batch ${batchId}.`);
  return { ...b, parcels: parcelsOf(db, batchId), heldBack };
}

/** One parcel scanned at the handover: load → decide (core/domain/handover.ts) → save. */
function scanParcel(db: Db, batchId: number, raw: string, now: number): HandoverVerdict {
  const batch = getHandover(db, batchId) ?? fail('HANDOVER_NOT_FOUND', `No handover batch ${batchId}.`);
  if (batch.closedAt !== null) fail('HANDOVER_CLOSED', `Handover batch ${batchId} is closed.`);
  const code = normaliseScan(raw, scannerSettings(db));
  const order = findOrderByCode(db, code);
  const decided = decideParcel({ batch, order, inBatch: order ? batchOfParcel(db, order.id) : null }, code);
  if (decided.code === 'PARCEL_ADDED') addParcel(db, batchId, order!.id, now);
  return { ...decided, ok: decided.code === 'PARCEL_ADDED', orderId: order?.id ?? null, count: parcelCount(db, batchId) };
}

export const handoverHandlers: Pick<Handlers, 'handover.open' | 'handover.scan' | 'handover.get' | 'handover.close'> = {
  'handover.open': (input, ctx) => ctx.write(() => batchView(ctx.db, openHandover(ctx.db, input, ctx.clock.now()))),
  'handover.scan': (input, ctx) => ctx.write(() => scanParcel(ctx.db, input.batchId, input.code, ctx.clock.now())),
  'handover.get': (input, ctx) => batchView(ctx.db, input.batchId),
  'handover.close': async (input, ctx) => {
    const view = await ctx.write(() => {
      const now = ctx.clock.now();
      if (batchView(ctx.db, input.batchId).closedAt !== null) fail('HANDOVER_CLOSED', `Handover batch ${input.batchId} is already closed.`);
      const heldBack = holdBackChanged(ctx.db, input.batchId);
      const parcels = parcelsOf(ctx.db, input.batchId).map((p) => p.orderId);
      closeHandover(ctx.db, input.batchId, parcels, now);
      const batch = batchView(ctx.db, input.batchId, heldBack);
      appendOutbox(ctx.db, now, 'handover.closed', null, { batchId: batch.id, method: batch.method, carrier: batch.carrier, orderIds: parcels });
      return batch;
    });
    ctx.events.emit('orders.changed', { orderIds: view.parcels.map((p) => p.orderId) });
    return view;
  },
};
