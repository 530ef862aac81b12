import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { ScanVerdict } from '../api/views.js';
import { isPackDone, unitsOrdered, unitsPacked } from '../domain/packing.js';
import { packageContents } from '../domain/parcels.js';
import { decideScan, isOkVerdict, readScanCode, type ParcelFacts, type ScanDecision, type ScanState } from '../domain/scan.js';
import type { Order } from '../domain/types.js';
import { findItemByCode } from '../store/catalogue-repo.js';
import type { Db } from '../store/db.js';
import { findOrderByCode, getOrder, getOrders, singleItemOrderFor } from '../store/orders-repo.js';
import { otherOrdersIn, parcelLinks } from '../store/packages-repo.js';
import { lineItemsOf } from '../store/sync-orders-repo.js';
import { shipmentArrangedHere } from '../store/sync-outbox-repo.js';
import { openOrderId, saveScan, storedVerdict } from '../store/scans-repo.js';
import { scannerSettings } from '../store/settings-repo.js';
import { viewOne } from './order-view.js';

type ScanInput = Input<'packing.scan'>;

/**
 * Loads what the decision needs, in the scan's own transaction. An item scanned into an open
 * order (most scans) needs neither the order lookup by code nor a single-item order: those are
 * left out, as decideScan never reads them then.
 */
function loadScanState(db: Db, station: string, code: string, singleItemMode: boolean): ScanState {
  const openId = openOrderId(db, station);
  const open = openId ? getOrder(db, openId) : null;
  const item = findItemByCode(db, code);
  const packing = open !== null && !isPackDone(open);
  const named = packing && item ? null : findOrderByCode(db, code);
  return {
    open,
    named,
    item,
    single: singleItemMode && item && !packing && !named ? singleItemOrderFor(db, item.skuId) : null,
    parcel: packing && item ? parcelOf(db, open) : null,
    arrangedAhead: arrangedAheadOf(db, [open, named]),
  };
}

/** A split order's packages or a combined package's other orders; null for one order in one package (one query). */
function parcelOf(db: Db, order: Order): ParcelFacts | null {
  const links = parcelLinks(db, order.id);
  if (links.length <= 1 && (links[0]?.orders ?? 1) <= 1) return null;
  const ids = links.map((l) => l.packageId);
  return { contents: packageContents(order, ids, lineItemsOf(db, order.id)), siblings: getOrders(db, otherOrdersIn(db, ids, order.id)) };
}

/** Orders awaiting collection because shipment was arranged here before they were packed. */
function arrangedAheadOf(db: Db, orders: readonly (Order | null)[]): Set<string> {
  const ahead = new Set<string>();
  for (const o of orders) if (o && o.status === 'AWAITING_COLLECTION' && !isPackDone(o) && shipmentArrangedHere(db, o.id)) ahead.add(o.id);
  return ahead;
}

function progressOf(order: Order | null): ScanVerdict['progress'] {
  return order ? { packed: unitsPacked(order), total: unitsOrdered(order) } : null;
}

function verdictOf(d: ScanDecision, input: ScanInput, scannedCode: string, at: number): ScanVerdict {
  const line = d.lineIndex !== null ? d.order?.lines[d.lineIndex] : undefined;
  const alreadyPacked = d.code === 'ORDER_ALREADY_PACKED' && d.order;
  return {
    scanId: input.scanId,
    code: d.code,
    ok: isOkVerdict(d.code),
    message: d.message,
    scannedCode,
    orderId: d.order?.id ?? null,
    line: line ? { sellerSku: line.sellerSku, name: line.productName, packedQty: line.packedQuantity, qty: line.quantity } : null,
    scannedItem: d.item ? { sellerSku: d.item.sellerSku, name: d.item.name } : null,
    packedAt: alreadyPacked ? d.order!.packedAt : null,
    packedBy: alreadyPacked ? d.order!.packedBy : null,
    progress: progressOf(d.order),
    order: null,
    at,
    replayed: false,
  };
}

/**
 * One scan: load → decide (core/domain/scan.ts) → save, in one transaction through the writer.
 * A scan id seen before answers its stored verdict again (a client resending after a lost
 * answer or DATABASE_BUSY), so a physical scan counts once.
 */
export async function scan(ctx: CoreContext, input: ScanInput): Promise<ScanVerdict> {
  const verdict = await ctx.write((): ScanVerdict => {
    const now = ctx.clock.now();
    const replay = storedVerdict(ctx.db, input.scanId);
    if (replay) {
      const order = replay.orderId ? getOrder(ctx.db, replay.orderId) : null;
      return { ...replay, order: order ? viewOne(ctx.db, order, now) : null };
    }
    const read = readScanCode(input.code, scannerSettings(ctx.db));
    const scannedCode = read.ok ? read.code : input.code;
    const decision = read.ok
      ? decideScan(
          loadScanState(ctx.db, input.station, read.code, input.singleItemMode),
          { code: read.code, packer: input.packer, singleItemMode: input.singleItemMode },
          now,
        )
      : read.decision;
    const verdict = verdictOf(decision, input, scannedCode, now);
    const lineNo = decision.packed && decision.lineIndex !== null ? decision.lineIndex + 1 : null;
    const stored = saveScan(ctx.db, {
      record: { station: input.station, packer: input.packer, raw: input.code, skuId: decision.item?.skuId ?? null, lineNo },
      verdict,
      ...(decision.open === undefined ? {} : { open: decision.open }),
      packed:
        decision.packed && decision.order && decision.lineIndex !== null
          ? { previous: decision.packed.previous, next: decision.order, lineIndex: decision.lineIndex }
          : null,
    });
    const order = stored ?? decision.order;
    return { ...verdict, order: order ? viewOne(ctx.db, order, now) : null };
  });
  if (verdict.replayed) return verdict;
  ctx.events.emit('scan.recorded', { station: input.station, verdict });
  if (verdict.orderId && (verdict.code === 'ACCEPTED' || verdict.code === 'ORDER_COMPLETE')) {
    ctx.events.emit('orders.changed', { orderIds: [verdict.orderId] });
  }
  return verdict;
}
