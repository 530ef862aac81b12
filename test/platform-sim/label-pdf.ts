/**
 * The platform's shipping label for a package: an A6 (or A5) PDF made with pdf-lib, its tracking
 * number as a real Code 128 encoded by bwip-js and drawn as vector bars, carrier-style boxes and
 * text. Helvetica is not embedded (the platform's PDFs name standard fonts too); text it cannot
 * encode becomes '?'.
 */
import bwipjs from 'bwip-js/node';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SimOrder } from './model.js';

export const PAGE_MM = { A6: { width: 105, height: 148 }, A5: { width: 148, height: 210 } } as const;
export type DocumentSize = keyof typeof PAGE_MM;

const pt = (mm: number): number => (mm * 72) / 25.4;

export interface LabelContent {
  trackingNumber: string;
  packageId: string;
  provider: string;
  orders: SimOrder[];
  lineItemIds: string[];
}

/** WinAnsi (Helvetica's encoding) has Latin-1; anything else would make pdf-lib throw. */
const latin1 = (text: string): string => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

export async function labelPdf(content: LabelContent, size: DocumentSize = 'A6'): Promise<Uint8Array> {
  const mm = PAGE_MM[size];
  const doc = await PDFDocument.create();
  doc.setTitle(`Shipping label ${content.trackingNumber}`);
  doc.setProducer('Packdesk platform simulator');
  const page = doc.addPage([pt(mm.width), pt(mm.height)]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const draw = drawer(page, mm.height);
  const w = mm.width;
  const to = content.orders[0]!.address;

  draw.box(3, 3, w - 6, 14, true);
  draw.text(6, 7, 6, latin1(content.provider.toUpperCase()), bold, rgb(1, 1, 1));
  draw.text(w - 36, 8, 4, `SORT ${content.trackingNumber.slice(-3)}-${to.postalCode.split(' ')[0]}`, bold, rgb(1, 1, 1));
  draw.box(3, 20, w - 6, 26);
  draw.text(6, 23, 3, 'FROM: Packdesk Demo Shop, 12 Harbour Rd, Shenzhen 518000 CN', font);
  draw.text(6, 29, 4.5, latin1(`TO: ${to.name}`), bold);
  draw.text(6, 35, 3.2, latin1([to.line1, to.line2].filter(Boolean).join(', ')), font);
  draw.text(6, 40, 3.2, latin1(`${to.city} ${to.postalCode} ${to.regionCode}`), font);
  draw.barcode(code128Bars(content.trackingNumber), 8, 50, w - 16, 26);
  draw.text(w / 2 - 22, 79, 4.5, content.trackingNumber, bold);
  draw.box(3, 86, w - 6, 0.6, true);
  draw.text(6, 90, 3, `Package ${content.packageId}`, font);
  let y = 95;
  for (const order of content.orders) {
    const units = order.lineItems.filter((l) => content.lineItemIds.includes(l.id));
    const counts = new Map<string, number>();
    for (const l of units) counts.set(l.sku.sellerSku, (counts.get(l.sku.sellerSku) ?? 0) + 1);
    draw.text(6, y, 3, latin1(`Order ${order.id}: ${[...counts].map(([sku, n]) => `${sku} x${n}`).join(', ')}`), font);
    y += 5;
  }
  return doc.save();
}

interface Bars {
  /** Modules across, with the bars' centres and widths in the same units. */
  width: number;
  bars: { x: number; w: number }[];
}

/** bwip-js draws a linear code in SVG as vertical strokes per width: `<path stroke-width="W" d="M x y L x 0 …">`. */
function code128Bars(text: string): Bars {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, height: 18, includetext: false });
  const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
  const bars: Bars['bars'] = [];
  for (const path of svg.matchAll(/stroke-width="([\d.]+)" d="([^"]+)"/g)) {
    for (const move of path[2]!.matchAll(/M([\d.]+) /g)) bars.push({ x: Number(move[1]), w: Number(path[1]) });
  }
  if (!(width > 0) || bars.length === 0) throw new Error(`bwip-js drew no Code 128 for ${text}`);
  return { width, bars };
}

function drawer(page: PDFPage, heightMm: number) {
  const top = (y: number, h: number): number => pt(heightMm - y - h);
  return {
    box(x: number, y: number, w: number, h: number, filled = false): void {
      page.drawRectangle({
        x: pt(x),
        y: top(y, h),
        width: pt(w),
        height: pt(h),
        ...(filled ? { color: rgb(0, 0, 0) } : { borderColor: rgb(0, 0, 0), borderWidth: 1 }),
      });
    },
    text(x: number, y: number, sizeMm: number, text: string, font: PDFFont, color = rgb(0, 0, 0)): void {
      page.drawText(text, { x: pt(x), y: top(y, sizeMm * 0.75), size: pt(sizeMm), font, color });
    },
    /** The bars scaled into the box (mm, from the top-left). */
    barcode(code: Bars, x: number, y: number, w: number, h: number): void {
      const scale = w / code.width;
      for (const bar of code.bars)
        page.drawRectangle({ x: pt(x + (bar.x - bar.w / 2) * scale), y: top(y, h), width: pt(bar.w * scale), height: pt(h), color: rgb(0, 0, 0) });
    },
  };
}
