import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import type { HandoverBatchView, HandoverVerdict } from '../api/views.js';
import { normaliseScan } from '../domain/barcode.js';
import { fail } from '../domain/errors.js';
import type { OrderStatus } from '../domain/types.js';
import { appendOutbox } from '../store/outbox.js';
import { findOrderByCode } from '../store/orders-repo.js';
import { scannerSettings } from './settings.js';
import { sql } from '../store/db.js';

interface BatchRow {
  id: number;
  station: string;
  carrier: string;
  method: 'PICKUP' | 'DROP_OFF';
  opened_at: number;
  closed_at: number | null;
}

function batchView(ctx: CoreContext, batchId: number, heldBack: HandoverBatchView['heldBack'] = []): HandoverBatchView {
  const b = sql(ctx.db, 'SELECT * FROM handover_batches WHERE id = ?').get(batchId) as BatchRow | undefined;
  if (!b) fail('HANDOVER_NOT_FOUND', `No handover batch ${batchId}.`);
  const parcels = sql(ctx.db, 
      `SELECT p.order_id, o.tracking_number, o.carrier, p.scanned_at FROM handover_parcels p
       JOIN orders o ON o.id = p.order_id WHERE p.batch_id = ? ORDER BY p.scanned_at, p.order_id`,
    )
    .all(batchId) as { order_id: string; tracking_number: string; carrier: string; scanned_at: number }[];
  return {
    id: b.id,
    station: b.station,
    carrier: b.carrier,
    method: b.method,
    openedAt: b.opened_at,
    closedAt: b.closed_at,
    parcels: parcels.map((p) => ({ orderId: p.order_id, trackingNumber: p.tracking_number, carrier: p.carrier, scannedAt: p.scanned_at })),
    heldBack,
  };
}

function parcelCount(ctx: CoreContext, batchId: number): number {
  return sql(ctx.db, 'SELECT count(*) FROM handover_parcels WHERE batch_id = ?').pluck().get(batchId) as number;
}

/** One parcel scanned at the handover: it must be ready for collection and belong to this batch. */
function scanParcel(ctx: CoreContext, batchId: number, raw: string): HandoverVerdict {
  const batch = batchView(ctx, batchId);
  if (batch.closedAt !== null) fail('HANDOVER_CLOSED', `Handover batch ${batchId} is closed.`);
  const verdict = (code: HandoverVerdict['code'], message: string, orderId: string | null): HandoverVerdict => ({
    code,
    ok: code === 'PARCEL_ADDED',
    message,
    orderId,
    count: parcelCount(ctx, batchId),
  });
  const code = normaliseScan(raw, scannerSettings(ctx.db));
  const order = findOrderByCode(ctx.db, code);
  if (!order) return verdict('UNKNOWN_PARCEL', `No parcel is known by ${code}.`, null);
  const inBatch = sql(ctx.db, 'SELECT batch_id FROM handover_parcels WHERE order_id = ?').pluck().get(order.id) as number | undefined;
  if (inBatch === batchId) return verdict('PARCEL_ALREADY_IN_BATCH', `Parcel ${order.id} is already in this batch.`, order.id);
  if (inBatch !== undefined) return verdict('PARCEL_IN_OTHER_BATCH', `Parcel ${order.id} was handed over in batch ${inBatch}.`, order.id);
  if (order.status !== 'AWAITING_COLLECTION') {
    return verdict('PARCEL_NOT_READY', `Parcel ${order.id} is ${order.status}, not awaiting collection: keep it back.`, order.id);
  }
  if (batch.carrier && order.carrier && batch.carrier.toLowerCase() !== order.carrier.toLowerCase()) {
    return verdict('PARCEL_WRONG_CARRIER', `Parcel ${order.id} goes with ${order.carrier}, not ${batch.carrier}.`, order.id);
  }
  sql(ctx.db, 'INSERT INTO handover_parcels (batch_id, order_id, scanned_at) VALUES (?, ?, ?)').run(batchId, order.id, ctx.clock.now());
  return verdict('PARCEL_ADDED', `Parcel ${order.id} added.`, order.id);
}

/**
 * A parcel scanned earlier may since have been cancelled (or moved on): it must not leave with
 * the courier. Such parcels come out of the batch at closing and are reported.
 */
function holdBackChanged(ctx: CoreContext, batchId: number): HandoverBatchView['heldBack'] {
  const changed = sql(
    ctx.db,
    `SELECT p.order_id, o.status FROM handover_parcels p JOIN orders o ON o.id = p.order_id
     WHERE p.batch_id = ? AND o.status <> 'AWAITING_COLLECTION' ORDER BY p.order_id`,
  ).all(batchId) as { order_id: string; status: OrderStatus }[];
  const remove = sql(ctx.db, 'DELETE FROM handover_parcels WHERE batch_id = ? AND order_id = ?');
  for (const c of changed) remove.run(batchId, c.order_id);
  return changed.map((c) => ({ orderId: c.order_id, status: c.status }));
}

export const handoverHandlers: Pick<Handlers, 'handover.open' | 'handover.scan' | 'handover.get' | 'handover.close'> = {
  'handover.open': (input, ctx) => {
    const info = sql(ctx.db, 'INSERT INTO handover_batches (station, carrier, method, opened_at) VALUES (?, ?, ?, ?)')
      .run(input.station, input.carrier, input.method, ctx.clock.now());
    return batchView(ctx, Number(info.lastInsertRowid));
  },
  'handover.scan': (input, ctx) => ctx.db.transaction(() => scanParcel(ctx, input.batchId, input.code))(),
  'handover.get': (input, ctx) => batchView(ctx, input.batchId),
  'handover.close': (input, ctx) => {
    const now = ctx.clock.now();
    const view = ctx.db.transaction(() => {
      if (batchView(ctx, input.batchId).closedAt !== null) fail('HANDOVER_CLOSED', `Handover batch ${input.batchId} is already closed.`);
      const heldBack = holdBackChanged(ctx, input.batchId);
      sql(ctx.db, 'UPDATE handover_batches SET closed_at = ? WHERE id = ?').run(now, input.batchId);
      const batch = batchView(ctx, input.batchId, heldBack);
      const mark = sql(ctx.db, 'UPDATE orders SET handed_over_at = ?, version = version + 1, updated_at = ? WHERE id = ?');
      for (const p of batch.parcels) mark.run(now, now, p.orderId);
      appendOutbox(ctx.db, now, 'handover.closed', null, {
        batchId: batch.id,
        method: batch.method,
        carrier: batch.carrier,
        orderIds: batch.parcels.map((p) => p.orderId),
      });
      return batch;
    })();
    ctx.events.emit('orders.changed', { orderIds: view.parcels.map((p) => p.orderId) });
    return view;
  },
};
