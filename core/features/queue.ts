import type { Input } from '../api/contract.js';
import type { QueuePage, QueueRow } from '../api/views.js';
import { openDeadlines, urgencyOf } from '../domain/deadlines.js';
import { packRefusal } from '../domain/status.js';
import type { Db } from '../store/db.js';
import { queueLines, queueRows, type QueueOrderRow } from '../store/queue-repo.js';

function toRow(r: QueueOrderRow, lines: QueueRow['lines'], now: number): QueueRow {
  const next =
    openDeadlines({
      status: r.status,
      createdAt: r.created_at,
      paidAt: r.paid_at,
      rtsAt: r.rts_at,
      cancelRequestedAt: r.cancel_requested_at,
      deliveryFailedAt: r.delivery_failed_at,
      redeliveryRequestedAt: r.redelivery_requested_at,
      platformDeadlines: { shipBy: r.platform_ship_by, collectBy: r.platform_collect_by, answerBy: r.platform_answer_by },
    })[0] ?? null;
  return {
    id: r.id,
    status: r.status,
    cancelRequestedAt: r.cancel_requested_at,
    nextDeadline: next,
    urgency: urgencyOf(next, now),
    packRefusal: packRefusal({ status: r.status, cancelRequestedAt: r.cancel_requested_at }),
    recipientName: r.recipient_name,
    country: r.country,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    packedAt: r.packed_at,
    packedBy: r.packed_by,
    labelPrintedAt: r.label_printed_at,
    singleItem: r.is_single_item === 1,
    unitsOrdered: lines.reduce((n, l) => n + l.qty, 0),
    unitsPacked: lines.reduce((n, l) => n + l.packedQty, 0),
    lines,
  };
}

/**
 * The pick queue: orders awaiting shipment, most urgent deadline first, as list rows (the
 * order's detail comes from orders.get).
 */
export function queuePage(db: Db, input: Input<'orders.queue'>, now: number): QueuePage {
  const { total, rows } = queueRows(db, input, input);
  const lines = new Map<string, QueueRow['lines']>();
  for (const r of queueLines(
    db,
    rows.map((o) => o.id),
  )) {
    const line = { sellerSku: r.seller_sku, name: r.product_name, variation: r.variation, qty: r.quantity, packedQty: r.packed_quantity, bin: r.bin };
    const list = lines.get(r.order_id);
    if (list) list.push(line);
    else lines.set(r.order_id, [line]);
  }
  return { total, orders: rows.map((r) => toRow(r, lines.get(r.id) ?? [], now)) };
}
