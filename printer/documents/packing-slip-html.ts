/**
 * The packing slip as a printable A4 page for the browser (the screens open it and print it):
 * plain HTML with its own print styles, every text escaped, and the order's QR code as a PNG
 * drawn by Packdesk's barcode engine, so it scans the same as the one on a label.
 */
import { renderBarcode } from '../label/barcode.js';
import { bitmapToPng } from '../label/png.js';
import { labelFonts } from '../label/text.js';
import { joinParts, labelDate } from './layout.js';
import type { PackingSlipData } from './types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function qrDataUrl(value: string): string {
  const bitmap = renderBarcode({ kind: 'barcode', symbology: 'qr', value, x: 0, y: 0, module: 0.5 }, 300, labelFonts());
  return `data:image/png;base64,${Buffer.from(bitmapToPng(bitmap)).toString('base64')}`;
}

export function packingSlipHtml(slip: PackingSlipData): string {
  const rows = slip.items
    .map(
      (i) => `<tr><td class="qty">${i.qty}</td><td>${esc(i.sellerSku)}</td><td>${esc(joinParts([i.name, i.variation]))}</td><td>${esc(i.bin ?? '')}</td></tr>`,
    )
    .join('\n');
  const units = slip.items.reduce((n, i) => n + i.qty, 0);
  const message = slip.buyerMessage.trim() ? `<h2>Buyer message</h2><p class="message">${esc(slip.buyerMessage.trim())}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Packing slip ${esc(slip.orderId)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font: 11pt system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #000; }
h1 { font-size: 20pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #999; }
td.qty { font-weight: bold; width: 12mm; } .head { display: flex; justify-content: space-between; align-items: flex-start; }
.qr { width: 35mm; height: 35mm; image-rendering: pixelated; } .message { white-space: pre-wrap; border: 0.3mm solid #999; padding: 3mm; }
</style></head>
<body>
<div class="head"><div>
<h1>Packing slip</h1>
<p>${esc(slip.shopName)} · ${labelDate(slip.printedAt, slip.timeZoneOffsetMinutes)} · station ${esc(slip.station)}</p>
<p><strong>Order ${esc(slip.orderId)}</strong>${slip.trackingNumber ? ` · tracking ${esc(slip.trackingNumber)}` : ''}</p>
<p>${esc(joinParts([slip.recipientName, slip.destination]))}</p>
</div><img class="qr" alt="QR code of order ${esc(slip.orderId)}" src="${qrDataUrl(slip.orderId)}"></div>
<table><thead><tr><th>Qty</th><th>SKU</th><th>Item</th><th>Bin</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p><strong>${units} item${units === 1 ? '' : 's'}</strong></p>
${message}
</body></html>
`;
}
