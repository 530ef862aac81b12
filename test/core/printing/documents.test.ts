import { describe, expect, it } from 'vitest';
import { scanZpl } from '../../printer/oracles/scan.js';
import { errorCode } from '../features/support.js';
import { labelsIn, printingBench, WHO } from './support.js';

describe('printing other documents', () => {
  it('prints the pick list on the thermal printer, across as many labels as it needs', async () => {
    const { core, printer } = await printingBench(30);
    await core.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, documents: ['PICK_LIST'] });
    const job = await core.call('printing.pickList', { ...WHO });
    expect(job).toMatchObject({ document: 'PICK_LIST', state: 'SENT', printerName: 'Zebra', orderId: null });
    const pages = labelsIn(printer.received());
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]).toMatch(/Pick list: 30 orders, 30 items/);
    expect(pages.join('')).toContain('SKU-A');
  });

  it('prints a pick list as one strip on continuous paper', async () => {
    const { core, printer } = await printingBench(5);
    await core.call('printing.pickList', { continuousWidthMm: 80, printer: 'Zebra', ...WHO });
    const pages = labelsIn(printer.received());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('^PW640'); // 80 mm at 8 dots/mm
  });

  it('prints copies of a SKU barcode label that scans as the SKU’s barcode', async () => {
    const { core, printer } = await printingBench(0);
    const job = await core.call('printing.skuLabel', { sellerSku: 'sku-a', copies: 3, printer: 'Zebra', ...WHO });
    expect(job).toMatchObject({ document: 'SKU_LABEL', state: 'SENT' });
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(3);
    const scan = await scanZpl(labels[0]!, { widthMm: 40, heightMm: 30 }, 203, 'core-sku-label');
    expect(scan.code128).toEqual(['4006381333931']);
    expect(await errorCode(core.call('printing.skuLabel', { sellerSku: 'NOPE', ...WHO }))).toBe('NOT_FOUND');
  });

  it('tells the screens how the printer is after a job', async () => {
    const { core, printer } = await printingBench(1);
    const seen: string[][] = [];
    core.events.on('printer.status', (e) => seen.push(e.status.conditions));
    await core.call('printing.print', { orderId: 'O1', ...WHO });
    expect(seen).toEqual([[]]);
    expect(printer.received().toString('latin1').split('~HQES').length - 1).toBe(2); // before and after
  });
});
