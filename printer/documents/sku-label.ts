/**
 * A small barcode label (40×30 mm by default) for items that arrive without a scannable barcode:
 * the seller SKU in bold, the product name and variation, and a Code128 of the SKU's barcode
 * (an EAN-13 too: any scanner reads Code128, and it fits a narrow label) with its digits under it.
 * Other stock sizes get the same design, scaled and centred.
 */
import { printerFail } from '../errors.js';
import type { Label, StockSize } from '../label/model.js';
import type { SkuLabelData } from './types.js';
import { designGrid, estimateWidthMm, fitHeight, fittedCode128, textAt } from './layout.js';

export const SKU_LABEL_STOCK: StockSize = { widthMm: 40, heightMm: 30 };

const LEFT = 2;
const WIDTH = 36;

export function skuLabel(data: SkuLabelData, stock: StockSize = SKU_LABEL_STOCK): Label {
  const value = data.barcode.trim() || data.sellerSku.trim();
  if (value === '') printerFail('INVALID_INPUT', 'A SKU label needs a barcode or a seller SKU.');
  const g = designGrid(SKU_LABEL_STOCK.widthMm, SKU_LABEL_STOCK.heightMm, stock.widthMm, stock.heightMm);
  const sku = data.sellerSku.trim();
  const item = [data.name.trim(), data.variation.trim()].filter(Boolean).join(' - ');
  const digitsHeight = fitHeight(value, WIDTH, 3.5, 2);
  const digitsWidth = Math.min(WIDTH, estimateWidthMm(value, digitsHeight));
  const digitsLeft = LEFT + (WIDTH - digitsWidth) / 2;
  return {
    stock,
    elements: [
      ...textAt(sku, g.x(LEFT), g.y(1.5), g.mm(fitHeight(sku, WIDTH, 3.5, 2.5)), g.mm(WIDTH), { bold: true }),
      // 3 mm lines: a Chinese name stays legible at 203 dpi (an em of 19 dots).
      ...textAt(item, g.x(LEFT), g.y(5.5), g.mm(3), g.mm(WIDTH), { maxLines: 2 }),
      // The barcode and its quiet zones may use all but 1 mm at each edge: a 40 mm label is narrow.
      fittedCode128(value, g.x(1), g.mm(38), g.y(12), g.mm(11)),
      ...textAt(value, g.x(digitsLeft), g.y(24.5), g.mm(digitsHeight), g.mm(LEFT + WIDTH - digitsLeft), { bold: true }),
    ],
  };
}
