/**
 * The packing slip on a 100×150 mm label (or any stock): the order, the items with quantities and
 * bins, the buyer's message, and a QR code of the order id that scans the order open at the
 * bench. Items that do not fit are counted ("+3 more items") rather than cut off silently.
 */
import { DEFAULT_STOCK, type Label, type LabelElement, type StockSize } from '../label/model.js';
import { fittedQr, hLine, joinParts, labelDate, textAt } from './layout.js';
import type { PackingSlipData } from './types.js';

const MARGIN = 4;
const ITEM_MM = 9;
const QR_MM = 28;

export function packingSlip(slip: PackingSlipData, stock: StockSize = DEFAULT_STOCK): Label {
  const width = stock.widthMm - 2 * MARGIN;
  const elements: LabelElement[] = [
    ...textAt('PACKING SLIP', MARGIN, MARGIN, 6, width, { bold: true }),
    ...textAt(`${slip.shopName} · ${labelDate(slip.printedAt, slip.timeZoneOffsetMinutes)} · station ${slip.station}`, MARGIN, MARGIN + 7, 3, width),
    hLine(MARGIN, MARGIN + 11.5, width, 0.3),
    ...textAt(`Order ${slip.orderId}`, MARGIN, MARGIN + 13, 4.5, width, { bold: true }),
    ...textAt(joinParts([slip.recipientName, slip.destination, slip.trackingNumber && `tracking ${slip.trackingNumber}`]), MARGIN, MARGIN + 19, 3.5, width),
    hLine(MARGIN, MARGIN + 24, width, 0.3),
  ];
  const messageMm = slip.buyerMessage.trim() ? 16 : 0;
  const itemsBottom = stock.heightMm - MARGIN - QR_MM - 2 - messageMm;
  const fits = Math.max(1, Math.floor((itemsBottom - (MARGIN + 26)) / ITEM_MM));
  const shown = slip.items.length > fits ? slip.items.slice(0, fits - 1) : slip.items;
  shown.forEach((item, i) => {
    const y = MARGIN + 26 + i * ITEM_MM;
    elements.push(
      ...textAt(`${item.qty} × ${item.sellerSku}${item.bin ? `   bin ${item.bin}` : ''}`, MARGIN, y, 4, width, { bold: true }),
      ...textAt(joinParts([item.name, item.variation]), MARGIN, y + 4.5, 3, width),
    );
  });
  const hidden = slip.items.length - shown.length;
  if (hidden > 0)
    elements.push(...textAt(`+${hidden} more item${hidden === 1 ? '' : 's'}`, MARGIN, MARGIN + 26 + shown.length * ITEM_MM, 4, width, { bold: true }));
  if (messageMm) {
    const y = itemsBottom + 1;
    elements.push(
      hLine(MARGIN, y - 1, width, 0.3),
      ...textAt('Buyer message:', MARGIN, y, 3, width, { bold: true }),
      ...textAt(slip.buyerMessage, MARGIN, y + 3.5, 3, width, { maxLines: 3 }),
    );
  }
  elements.push(fittedQr(slip.orderId, MARGIN, stock.heightMm - MARGIN - QR_MM, QR_MM));
  const units = slip.items.reduce((n, item) => n + item.qty, 0);
  elements.push(
    ...textAt(`${units} item${units === 1 ? '' : 's'} in this parcel`, MARGIN + QR_MM + 4, stock.heightMm - MARGIN - QR_MM / 2 - 2, 4, width - QR_MM - 4, {
      bold: true,
    }),
  );
  return { stock, elements };
}
