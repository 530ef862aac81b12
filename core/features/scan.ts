import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { ScanVerdict } from '../api/views.js';
import { normaliseScan } from '../domain/barcode.js';
import { PackdeskError } from '../domain/errors.js';
import { isPackDone, matchItem, packUnit, unitsOrdered, unitsPacked, type ScanVerdictCode } from '../domain/packing.js';
import { packRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import type { Order } from '../domain/types.js';
import { findSkuIdByCode } from '../store/catalogue-repo.js';
import { appendOutbox } from '../store/outbox.js';
import { findOrderByCode, getOrder, hydrate, updatePackedLine } from '../store/orders-repo.js';
import type { OrderRow } from '../store/order-rows.js';
import { scannerSettings } from './settings.js';
import { openOrderId, setOpenOrder } from './scan-store.js';
import { sql } from '../store/db.js';

type ScanInput = Input<'packing.scan'>;

/** The decision for one scan, before it becomes a stored verdict. */
export interface Decision {
  code: ScanVerdictCode;
  message: string;
  order: Order | null;
  skuId: string | null;
  lineIndex: number | null;
}

const OK_CODES: readonly ScanVerdictCode[] = ['ORDER_OPENED', 'ACCEPTED', 'ORDER_COMPLETE'];

export function isOkVerdict(code: ScanVerdictCode): boolean {
  return OK_CODES.includes(code);
}

function openOrder(ctx: CoreContext, station: string, order: Order): Decision {
  const refusal = packRefusal(order);
  if (refusal) {
    return { code: refusal as ScanVerdictCode, message: REFUSAL_MESSAGES[refusal] ?? refusal, order, skuId: null, lineIndex: null };
  }
  setOpenOrder(ctx.db, station, order.id, ctx.clock.now());
  return { code: 'ORDER_OPENED', message: `Order ${order.id} opened: ${unitsOrdered(order)} item(s) to pack.`, order, skuId: null, lineIndex: null };
}

/** One unit of a SKU into the open order: accepted, complete, over-scanned or wrong. */
function packItem(ctx: CoreContext, order: Order, skuId: string): Decision {
  const refusal = packRefusal(order);
  if (refusal) {
    // The order changed under the packer (a cancellation request arrived): stop them here.
    return { code: refusal as ScanVerdictCode, message: REFUSAL_MESSAGES[refusal] ?? refusal, order, skuId, lineIndex: null };
  }
  const match = matchItem(order, skuId);
  if (match.kind === 'WRONG_ITEM') {
    return { code: 'WRONG_ITEM', message: 'This item is not in the order: put it back.', order, skuId, lineIndex: null };
  }
  const line = order.lines[match.lineIndex]!;
  if (match.kind === 'OVER_SCAN') {
    return { code: 'OVER_SCAN', message: `Already ${line.quantity} of ${line.sellerSku} packed: one too many.`, order, skuId, lineIndex: null };
  }
  const now = ctx.clock.now();
  const stored = updatePackedLine(ctx.db, order, packUnit(order, match.lineIndex, now), match.lineIndex, now);
  const done = stored.packedAt !== null;
  if (done) appendOutbox(ctx.db, now, 'order.packed', order.id, { orderId: order.id, packedAt: now });
  const packedLine = stored.lines[match.lineIndex]!;
  return done
    ? { code: 'ORDER_COMPLETE', message: `Order ${order.id} is complete.`, order: stored, skuId, lineIndex: match.lineIndex }
    : {
        code: 'ACCEPTED',
        message: `${packedLine.sellerSku}: ${packedLine.packedQuantity} of ${packedLine.quantity}.`,
        order: stored,
        skuId,
        lineIndex: match.lineIndex,
      };
}

/** The most urgent packable single-item order that needs exactly this SKU. */
function singleItemOrderFor(ctx: CoreContext, skuId: string): Order | null {
  const row = sql(ctx.db, 
      `SELECT o.* FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.sku_id = ? AND o.is_single_item = 1 AND o.status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING')
         AND o.cancel_requested_at IS NULL AND o.packed_at IS NULL AND o.short_pack_reason = ''
       ORDER BY o.next_deadline_at, o.id LIMIT 1`,
    )
    .get(skuId) as OrderRow | undefined;
  return row ? hydrate(ctx.db, [row])[0]! : null;
}

function decideWithoutOpenOrder(ctx: CoreContext, input: ScanInput, code: string): Decision {
  const order = findOrderByCode(ctx.db, code);
  if (order) return openOrder(ctx, input.station, order);
  const skuId = findSkuIdByCode(ctx.db, code);
  if (!skuId) return { code: 'UNKNOWN_BARCODE', message: `Nothing is known by the code ${code}.`, order: null, skuId: null, lineIndex: null };
  if (!input.singleItemMode) {
    return { code: 'NO_OPEN_ORDER', message: 'Scan an order (order id, tracking number or package) first.', order: null, skuId, lineIndex: null };
  }
  const single = singleItemOrderFor(ctx, skuId);
  if (!single) {
    return { code: 'NO_OPEN_ORDER', message: 'No single-item order waits for this item.', order: null, skuId, lineIndex: null };
  }
  setOpenOrder(ctx.db, input.station, single.id, ctx.clock.now());
  return packItem(ctx, single, skuId);
}

/** Decides what one scan means at this station and applies it (inside the caller's transaction). */
export function decideScan(ctx: CoreContext, input: ScanInput): { decision: Decision; code: string } {
  let code: string;
  try {
    code = normaliseScan(input.code, scannerSettings(ctx.db));
  } catch (err) {
    if (!(err instanceof PackdeskError)) throw err;
    const verdict = err.code as ScanVerdictCode;
    return { code: input.code, decision: { code: verdict, message: err.message, order: null, skuId: null, lineIndex: null } };
  }
  const openId = openOrderId(ctx.db, input.station);
  const open = openId ? getOrder(ctx.db, openId) : null;
  if (!open || isPackDone(open)) return { code, decision: decideWithoutOpenOrder(ctx, input, code) };
  const skuId = findSkuIdByCode(ctx.db, code);
  if (skuId) return { code, decision: packItem(ctx, open, skuId) };
  const other = findOrderByCode(ctx.db, code);
  if (other) return { code, decision: openOrder(ctx, input.station, other) };
  return { code, decision: { code: 'UNKNOWN_BARCODE', message: `Nothing is known by the code ${code}.`, order: open, skuId: null, lineIndex: null } };
}

export function progressOf(order: Order | null): ScanVerdict['progress'] {
  return order ? { packed: unitsPacked(order), total: unitsOrdered(order) } : null;
}
