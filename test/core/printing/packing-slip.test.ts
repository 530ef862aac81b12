/**
 * The packing slip and the pick list through the core: on a receipt printer at a loopback address
 * as text (node-thermal-printer writing through Packdesk's TCP transport, journaled), on a label
 * printer as a label, and as an A4 page for the browser.
 */
import { describe, expect, it } from 'vitest';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { readReceipt } from '../../printer/oracles/receipt-reader.js';
import { bitmapToPngFile } from '../../printer/oracles/images.js';
import { scanZpl } from '../../printer/oracles/scan.js';
import { decodedValues } from '../../printer/oracles/zbar.js';
import { labelsIn, printingBench, WHO } from './support.js';

/** The receipt in what the printer received: from its first reset, status queries before it left out. */
function receiptPart(received: Buffer): Buffer {
  return received.subarray(received.indexOf(Buffer.from([0x1b, 0x40])), received.lastIndexOf(Buffer.from([0x1b, 0x40])) + 2);
}

async function receiptBench(dialect: 'epson' | 'star') {
  const bench = await printingBench(1);
  const sku = seedSku(bench.core, makeSku('B', { sellerSku: 'CASE-CLR-15', name: '手机壳', bin: 'A-03-2' }));
  seedOrder(bench.core, makeOrder('576461413038785752', [line(sku, 2)], bench.core.clock.now() - 60_000, { buyerMessage: '请不要放发票' }));
  await bench.core.call('printers.save', {
    name: 'Receipt',
    uri: bench.printer.uri,
    language: 'escpos',
    dpi: 203,
    stock: { widthMm: 80, heightMm: 300 },
    options: { receipt: { widthMm: 80, dialect } },
    documents: ['PICK_LIST'],
  });
  return bench;
}

describe.each(['epson', 'star'] as const)('on a receipt printer (%s)', (dialect) => {
  it('prints the packing slip as text with the bin, the QR of the order and a cut, journaled as sent', async () => {
    const { core, printer } = await receiptBench(dialect);
    const job = await core.call('printing.packingSlip', { orderId: '576461413038785752', ...WHO });
    expect(job).toMatchObject({ state: 'SENT', printerName: 'Receipt', orderId: '576461413038785752' });
    const read = readReceipt(receiptPart(printer.received()), dialect);
    expect(read.lines.some((l) => l.startsWith('2 x CASE-CLR-15') && l.trimEnd().endsWith('A-03-2'))).toBe(true);
    expect(read.commands.at(-2)).toBe(dialect === 'epson' ? 'GS V 0' : 'ESC d 2');
    const png = bitmapToPngFile(read.pictures, `core-slip-${dialect}.png`);
    expect(await decodedValues(png, 'QR-Code')).toEqual(['576461413038785752']);
  });

  it('prints the pick list there as text when it is the pick-list printer', async () => {
    const { core, printer } = await receiptBench(dialect);
    const job = await core.call('printing.pickList', { orderIds: ['576461413038785752'], ...WHO });
    expect(job).toMatchObject({ state: 'SENT', printerName: 'Receipt', document: 'PICK_LIST' });
    const read = readReceipt(receiptPart(printer.received()), dialect);
    expect(read.lines.some((l) => /^A-03-2 {2}2 x CASE-CLR-15/.test(l))).toBe(true);
  });
});

describe('the packing slip elsewhere', () => {
  it('prints on a label printer as a label whose QR code scans as the order id', async () => {
    const { core, printer } = await printingBench(1);
    const job = await core.call('printing.packingSlip', { orderId: 'O1', printer: 'Zebra', ...WHO });
    expect(job.state).toBe('SENT');
    const [label] = labelsIn(printer.received());
    const scan = await scanZpl(label!, { widthMm: 100, heightMm: 150 }, 203, 'core-slip-label');
    expect(scan.qr).toEqual(['O1']);
    expect(label).toContain('PACKING SLIP');
  });

  it('is an A4 page for the browser, every text escaped', async () => {
    const { core } = await printingBench(0);
    const sku = seedSku(core, makeSku('X', { sellerSku: 'SKU-<b>', name: 'Cup & "saucer"', bin: 'B-1' }));
    seedOrder(core, makeOrder('O9', [line(sku, 3)], core.clock.now(), { buyerMessage: '<script>alert(1)</script>' }));
    const { html } = await core.call('printing.packingSlipPage', { orderId: 'O9' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('SKU-&lt;b&gt;');
    expect(html).toContain('Cup &amp; &quot;saucer&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<img class="qr" [^>]*src="data:image\/png;base64,/);
  });
});
