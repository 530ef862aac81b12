import { pickListPrintout } from '../../printer/documents/pick-list.js';
import { pickListReceipt } from '../../printer/receipts/documents.js';
import { SKU_LABEL_STOCK, skuLabel } from '../../printer/documents/sku-label.js';
import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { buildPickList } from '../domain/picklist.js';
import { getJsonSetting } from './settings.js';
import { printDocument } from '../printing/print-document.js';
import { resolvePrinter } from '../printing/printers.js';
import { findSkuBySellerSku, skusByIds } from '../store/catalogue-repo.js';
import { getOrders, packableOrderIds } from '../store/orders-repo.js';

export const printDocumentHandlers: Pick<Handlers, 'printing.pickList' | 'printing.skuLabel'> = {
  /** The pick list on the thermal printer: across labels, or one strip on continuous paper. */
  'printing.pickList': (input, ctx) => {
    const ids = input.orderIds ?? packableOrderIds(ctx.db);
    const orders = getOrders(ctx.db, ids);
    if (orders.length !== new Set(ids).size) fail('ORDER_NOT_FOUND', 'Some of those orders are not known.');
    const list = buildPickList(
      orders,
      skusByIds(
        ctx.db,
        orders.flatMap((o) => o.lines.map((l) => l.skuId)),
      ),
      { singleItemFirst: input.singleItemFirst },
    );
    const printer = resolvePrinter(ctx, input.printer, 'PICK_LIST');
    const data = {
      title: `Pick list: ${orders.length} orders, ${list.totalUnits} items`,
      printedAt: ctx.clock.now(),
      timeZoneOffsetMinutes: getJsonSetting<number>(ctx.db, 'timeZoneOffsetMinutes', 0),
      station: input.station,
      rows: list.sections.flatMap((s) =>
        s.rows.map((r) => ({
          bin: r.bin,
          sellerSku: r.sellerSku,
          name: r.name,
          variation: r.variation,
          qty: r.quantity,
          orderIds: r.orders.map((o) => o.orderId),
        })),
      ),
    };
    const labels = pickListPrintout(data, input.continuousWidthMm ? { continuous: true, widthMm: input.continuousWidthMm } : printer.stock);
    // On a continuous roll the strip is as long as the list: the label's size is the page size.
    const paper = input.continuousWidthMm && labels[0]?.stock ? { ...printer, stock: labels[0].stock } : printer;
    return printDocument(ctx, {
      document: 'PICK_LIST',
      printer: paper,
      build: () => labels,
      // On a receipt printer the list prints as text, as long as it is.
      receipt: () => pickListReceipt(data),
      kind: 'PRINT',
      name: 'pick-list',
      station: input.station,
      packer: input.packer,
    });
  },
  /** Small barcode labels for items that arrived without one: the SKU's barcode, else its seller SKU. */
  'printing.skuLabel': (input, ctx) => {
    const sku = findSkuBySellerSku(ctx.db, input.sellerSku) ?? fail('NOT_FOUND', `No SKU ${input.sellerSku} in the catalogue.`);
    const printer = resolvePrinter(ctx, input.printer, 'SKU_LABEL');
    // The preview and shipping-label printers hold 100×150 stock; SKU labels are 40×30 unless a printer is set for them.
    const stock = printer.documents.includes('SKU_LABEL') ? printer.stock : SKU_LABEL_STOCK;
    const label = skuLabel({ sellerSku: sku.sellerSku, name: sku.name, variation: sku.variation, barcode: sku.barcodes[0] ?? sku.sellerSku }, stock);
    const labels = Array.from({ length: input.copies }, () => label);
    return printDocument(ctx, {
      document: 'SKU_LABEL',
      printer: { ...printer, stock },
      build: () => labels,
      kind: 'PRINT',
      name: `sku-${sku.sellerSku}`,
      station: input.station,
      packer: input.packer,
    });
  },
};
