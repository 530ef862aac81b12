/**
 * The shipping label Packdesk draws itself, for orders the platform has no label for yet: laid out
 * like a carrier label on 100×150 mm stock (platform rule: 10×15 cm thermal labels) — carrier and
 * date on top, a small sender block, the recipient large with a large postcode, the tracking number
 * as Code128 (the order id until the platform assigns one), then a QR code, the order, a contents
 * summary and the weight. Other stock sizes get the same design, scaled and centred.
 */
import { DEFAULT_STOCK, type Label, type LabelElement, type StockSize } from '../label/model.js';
import { wrapText } from '../label/wrap.js';
import type { Address, ShippingLabelData } from './types.js';
import { designGrid, estimateWidthMm, fitHeight, fittedCode128, fittedQr, hLine, joinParts, labelDate, textAt, vLine, type Grid } from './layout.js';

const DESIGN = { widthMm: 100, heightMm: 150 } as const;
/** Rules between zones: the frame is inset so a label fed a millimetre off still shows it whole. */
const FRAME = { left: 1.5, top: 1.5, width: 97, height: 147 } as const;
const RULE = 0.5;
/** Left edge and width of the text inside the frame. */
const LEFT = 4;
const WIDTH = 92;

export function shippingLabel(data: ShippingLabelData, stock: StockSize = DEFAULT_STOCK): Label {
  const g = designGrid(DESIGN.widthMm, DESIGN.heightMm, stock.widthMm, stock.heightMm);
  return {
    stock,
    elements: [
      ...frame(g),
      ...carrierZone(data, g),
      ...senderZone(data.sender, g),
      ...recipientZone(data.recipient, g),
      ...barcodeZone(data, g),
      ...orderZone(data, g),
    ],
  };
}

function frame(g: Grid): LabelElement[] {
  const rule = (y: number): LabelElement => hLine(g.x(FRAME.left), g.y(y), g.mm(FRAME.width), g.mm(RULE));
  return [
    { kind: 'box', x: g.x(FRAME.left), y: g.y(FRAME.top), width: g.mm(FRAME.width), height: g.mm(FRAME.height), thickness: g.mm(0.6) },
    ...[15, 31, 86, 120].map(rule),
    hLine(g.x(FRAME.left), g.y(71), g.mm(FRAME.width), g.mm(0.3)),
    vLine(g.x(64), g.y(FRAME.top), g.mm(15 - FRAME.top), g.mm(RULE)),
    vLine(g.x(72), g.y(71), g.mm(15), g.mm(0.3)),
    vLine(g.x(30), g.y(120), g.mm(FRAME.top + FRAME.height - 120), g.mm(RULE)),
  ];
}

/** Carrier and service on the left, where sorters look first; date and packing station on the right. */
function carrierZone(data: ShippingLabelData, g: Grid): LabelElement[] {
  const carrier = data.carrier.trim() || 'CARRIER NOT ASSIGNED';
  return [
    ...textAt(carrier, g.x(LEFT), g.y(3.5), g.mm(fitHeight(carrier, 58, 6, 4)), g.mm(58), { bold: true }),
    ...textAt(data.deliveryOption, g.x(LEFT), g.y(10.5), g.mm(3.5), g.mm(58)),
    ...textAt(labelDate(data.printedAt, data.timeZoneOffsetMinutes), g.x(66.5), g.y(3.5), g.mm(4), g.mm(30), { bold: true }),
    ...textAt(data.station ? `Station ${data.station}` : '', g.x(66.5), g.y(9.5), g.mm(3), g.mm(30)),
  ];
}

function senderZone(sender: Address, g: Grid): LabelElement[] {
  const who = [sender.name, sender.phone]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('  ');
  const where = joinParts([sender.address, sender.district, sender.city, sender.state, sender.postcode, sender.country]);
  return [
    ...textAt('FROM', g.x(LEFT), g.y(16.5), g.mm(3), g.mm(11), { bold: true }),
    ...textAt(who, g.x(15), g.y(16.5), g.mm(3), g.mm(81)),
    ...textAt(where, g.x(LEFT), g.y(20.5), g.mm(3), g.mm(WIDTH), { maxLines: 3 }),
  ];
}

/** The recipient is what the courier reads: large name, the address wrapped, a very large postcode. */
function recipientZone(recipient: Address, g: Grid): LabelElement[] {
  const street = joinParts([recipient.address, recipient.district, recipient.city, recipient.state]);
  const postcode = recipient.postcode.trim();
  const country = recipient.country.trim();
  return [
    ...textAt('TO', g.x(LEFT), g.y(33), g.mm(3.5), g.mm(10), { bold: true }),
    ...textAt(recipient.name, g.x(LEFT), g.y(37.5), g.mm(6.5), g.mm(WIDTH), { bold: true, maxLines: 2 }),
    ...textAt(recipient.phone, g.x(LEFT), g.y(51), g.mm(4), g.mm(WIDTH)),
    ...textAt(street, g.x(LEFT), g.y(56), g.mm(4.5), g.mm(WIDTH), { maxLines: 3 }),
    ...textAt(postcode, g.x(LEFT), g.y(73), g.mm(fitHeight(postcode, 65, 12, 5)), g.mm(66), { bold: true }),
    ...textAt(country, g.x(74.5), g.y(74.5), g.mm(fitHeight(country, 20, 8, 3)), g.mm(21), { bold: true }),
  ];
}

/** The number a carrier scans: the tracking number, or the order id while there is none. */
export function labelBarcodeValue(data: Pick<ShippingLabelData, 'trackingNumber' | 'orderId'>): string {
  return data.trackingNumber.trim() || data.orderId.trim();
}

function barcodeZone(data: ShippingLabelData, g: Grid): LabelElement[] {
  const value = labelBarcodeValue(data);
  const caption = data.trackingNumber.trim() ? 'TRACKING NUMBER' : 'ORDER ID - NO TRACKING NUMBER YET';
  const digitsHeight = fitHeight(value, WIDTH, 5, 3);
  const digitsWidth = Math.min(WIDTH, estimateWidthMm(value, digitsHeight));
  const digitsLeft = LEFT + (WIDTH - digitsWidth) / 2;
  const barcode = fittedCode128(value, g.x(LEFT), g.mm(WIDTH), g.y(91.5), g.mm(20));
  return [
    ...textAt(caption, g.x(LEFT), g.y(87.5), g.mm(3), g.mm(WIDTH), { bold: true }),
    barcode,
    ...textAt(value, g.x(digitsLeft), g.y(113.5), g.mm(digitsHeight), g.mm(LEFT + WIDTH - digitsLeft), { bold: true }),
  ];
}

function orderZone(data: ShippingLabelData, g: Grid): LabelElement[] {
  const right = 32;
  const width = LEFT + WIDTH - right;
  const order = `Order ${data.orderId.trim()}`;
  const weight = data.weightKg === null ? '' : `Weight ${formatKg(data.weightKg)}`;
  return [
    fittedQr(labelBarcodeValue(data), g.x(LEFT), g.y(122.5), g.mm(23.5)),
    ...textAt(order, g.x(right), g.y(122), g.mm(fitHeight(order, width, 3.5, 2.5)), g.mm(width), { bold: true }),
    ...textAt(data.packageId.trim() ? `Package ${data.packageId.trim()}` : '', g.x(right), g.y(126.5), g.mm(3), g.mm(width)),
    ...textAt(contentsSummary(data.contents, width, 3, 3), g.x(right), g.y(131), g.mm(3), g.mm(width), { maxLines: 3 }),
    ...textAt(weight, g.x(right), g.y(141.5), g.mm(3.5), g.mm(width), { bold: true }),
  ];
}

function formatKg(kg: number): string {
  return `${Number(kg.toFixed(3))} kg`;
}

/**
 * "3 items: 2× CASE-CLR-15, 1× STRAP-BLK", cut to the lines there are; what does not fit is
 * counted ("+2 more") rather than silently dropped.
 */
export function contentsSummary(contents: ShippingLabelData['contents'], widthMm: number, heightMm: number, maxLines: number): string {
  const units = contents.reduce((n, line) => n + line.qty, 0);
  const head = `${units} item${units === 1 ? '' : 's'}: `;
  const parts = contents.map((line) => `${line.qty}× ${line.sellerSku.trim() || line.name.trim()}`);
  const fits = (text: string): boolean => wrapText(text, widthMm, (s) => estimateWidthMm(s, heightMm), maxLines + 1).length <= maxLines;
  for (let shown = parts.length; shown >= 0; shown--) {
    const rest = parts.length - shown;
    const more = rest > 0 ? `${shown > 0 ? ', ' : ''}+${rest} more` : '';
    const text = head + parts.slice(0, shown).join(', ') + more;
    if (fits(text)) return text;
  }
  return head.trim();
}
