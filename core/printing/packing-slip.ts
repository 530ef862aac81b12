import { packingSlipHtml } from '../../printer/documents/packing-slip-html.js';
import { packingSlip } from '../../printer/documents/packing-slip.js';
import type { PackingSlipData } from '../../printer/documents/types.js';
import { packingSlipReceipt } from '../../printer/receipts/documents.js';
import type { CoreContext } from '../api/context.js';
import type { Order } from '../domain/types.js';
import { shopSettings } from '../features/shop-settings.js';
import { skusByIds } from '../store/catalogue-repo.js';
import { requireOrder } from '../store/orders-repo.js';
import { printDocument } from './print-document.js';
import { resolvePrinter } from './printers.js';
import type { JobView } from './types.js';

/**
 * The screens' document list has no packing slip yet (it needs its own name in both languages),
 * so its jobs are journaled as pick lists: the nearest paper for the packer's eyes.
 */
const JOURNALED_AS = 'PICK_LIST';

/** What the slip shows for an order: its lines with the bins they are picked from. */
export function packingSlipData(ctx: CoreContext, order: Order, station: string): PackingSlipData {
  const shop = shopSettings(ctx.db);
  const skus = skusByIds(
    ctx.db,
    order.lines.map((l) => l.skuId),
  );
  return {
    orderId: order.id,
    trackingNumber: order.trackingNumber,
    shopName: shop.sender.name || 'Packdesk',
    recipientName: order.recipient.name,
    destination: [order.recipient.city, order.recipient.country].filter((p) => p.trim() !== '').join(', '),
    items: order.lines.map((l) => ({
      sellerSku: l.sellerSku,
      name: l.productName,
      variation: l.variation,
      qty: l.quantity,
      bin: skus.get(l.skuId)?.bin ?? null,
    })),
    buyerMessage: order.buyerMessage,
    printedAt: ctx.clock.now(),
    timeZoneOffsetMinutes: shop.timeZoneOffsetMinutes,
    station,
  };
}

/** On a receipt printer (the pick-list printer by default) as text; on any other as a label. */
export function printPackingSlip(ctx: CoreContext, req: { orderId: string; printerName?: string; station: string; packer: string }): Promise<JobView> {
  const order = requireOrder(ctx.db, req.orderId);
  const printer = resolvePrinter(ctx, req.printerName, 'PICK_LIST');
  const slip = packingSlipData(ctx, order, req.station);
  return printDocument(ctx, {
    document: JOURNALED_AS,
    printer,
    build: () => [packingSlip(slip, printer.stock)],
    receipt: () => packingSlipReceipt(slip),
    kind: 'PRINT',
    orderId: order.id,
    name: `packing-slip-${order.id}`,
    station: req.station,
    packer: req.packer,
  });
}

export function packingSlipPage(ctx: CoreContext, orderId: string, station: string): { orderId: string; html: string } {
  const order = requireOrder(ctx.db, orderId);
  return { orderId: order.id, html: packingSlipHtml(packingSlipData(ctx, order, station)) };
}
