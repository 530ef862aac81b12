/**
 * Packdesk's own shipping label: laid out inside the stock at both resolutions, and — checked by
 * tools nobody here wrote — its Code128 and QR read back as the tracking number (the order id
 * before there is one) from ZPL, TSPL and ESC/POS bytes.
 */
import { describe, expect, it } from 'vitest';
import { contentsSummary, labelBarcodeValue, shippingLabel } from '../../../printer/documents/shipping-label.js';
import { labelDate } from '../../../printer/documents/layout.js';
import { countInk, cropBitmap } from '../../../printer/label/bitmap.js';
import { pageDots, type Dpi, type Label, type PrinterProfile } from '../../../printer/label/model.js';
import { labelFonts } from '../../../printer/label/text.js';
import { encodeEscpos } from '../../../printer/encoders/escpos.js';
import { encodeTspl } from '../../../printer/encoders/tspl.js';
import { zplText } from '../../../printer/encoders/zpl.js';
import { HOSTILE_NAME } from '../fixtures/carrier-label.js';
import { chineseShippingData, ORDER_ID, PRINTED_AT, shippingData, TRACKING_NUMBER } from '../fixtures/documents.js';
import { scanEscpos, scanTspl, scanZpl } from '../oracles/scan.js';
import { elementsOffPage } from './bounds.js';

const fonts = labelFonts();
const DPIS: readonly Dpi[] = [203, 300];
const STOCK = { widthMm: 100, heightMm: 150 };
const zpl = (dpi: Dpi): PrinterProfile => ({ language: 'zpl', dpi });

const manyItems = shippingData({
  contents: Array.from({ length: 9 }, (_, i) => ({ sellerSku: `LONG-SELLER-SKU-${i}`, name: `Item ${i}`, variation: '', qty: i + 1 })),
});
const longAddress = shippingData({
  carrier: 'Royal Mail Tracked 48 International Economy Service',
  recipient: {
    ...shippingData().recipient,
    name: 'Maximilian Alexander Bartholomew Featherstonehaugh-Cholmondeley III',
    address: 'Flat 14, Block C, The Old Biscuit Factory, 100 Clements Road, Bermondsey Industrial Estate',
    postcode: 'SW1A 1AA-EXTRA-LONG-POSTCODE',
  },
});

describe('shippingLabel layout', () => {
  const cases: [string, Label][] = [
    ['ASCII order', shippingLabel(shippingData())],
    ['no tracking number yet', shippingLabel(shippingData({ trackingNumber: '' }))],
    ['hostile recipient name', shippingLabel(shippingData({ recipient: { ...shippingData().recipient, name: HOSTILE_NAME } }))],
    ['nine lines of contents', shippingLabel(manyItems)],
    ['very long name, address and postcode', shippingLabel(longAddress)],
    ['Chinese recipient and product', shippingLabel(chineseShippingData())],
    [
      'empty sender and no weight',
      shippingLabel(shippingData({ sender: { ...shippingData().sender, name: '', phone: '', address: '', city: '' }, weightKg: null })),
    ],
    ['4×6 inch stock', shippingLabel(shippingData(), { widthMm: 101.6, heightMm: 152.4 })],
    ['A6 stock', shippingLabel(shippingData(), { widthMm: 105, heightMm: 148 })],
  ];

  it.each(cases.flatMap(([name, label]) => DPIS.map((dpi) => [name, dpi, label] as const)))('%s: no element leaves the label at %i dpi', (_, dpi, label) => {
    expect(elementsOffPage(label, dpi, fonts)).toEqual([]);
  });

  it('has the zones of a carrier label: a frame, rules between zones, one Code128 and one QR', () => {
    const label = shippingLabel(shippingData());
    expect(label.elements.filter((e) => e.kind === 'box')).toHaveLength(1);
    expect(label.elements.filter((e) => e.kind === 'line').length).toBeGreaterThanOrEqual(5);
    const codes = label.elements.filter((e) => e.kind === 'barcode');
    expect(codes.map((c) => [c.symbology, c.value])).toEqual([
      ['code128', TRACKING_NUMBER],
      ['qr', TRACKING_NUMBER],
    ]);
  });

  it('shows the recipient, a large postcode, order, date in the shop time zone, station, weight and contents', () => {
    const texts = shippingLabel(shippingData()).elements.flatMap((e) => (e.kind === 'text' ? [e] : []));
    const find = (s: string) => texts.find((t) => t.text.includes(s));
    expect(find('Jane Doe')?.bold).toBe(true);
    expect(find('NW1 6XE')?.height).toBeGreaterThanOrEqual(10);
    expect(find(`Order ${ORDER_ID}`)).toBeDefined();
    expect(find('2024-05-14')).toBeDefined();
    expect(find('Station Bench 2')).toBeDefined();
    expect(find('Weight 0.35 kg')).toBeDefined();
    expect(find('3 items: 2× CASE-CLR-15, 1× STRAP-BLK')).toBeDefined();
  });

  it('takes the date from the print time and the shop offset, not from the machine', () => {
    expect(labelDate(PRINTED_AT, 8 * 60)).toBe('2024-05-14');
    expect(labelDate(PRINTED_AT, 0)).toBe('2024-05-13');
    expect(labelDate(PRINTED_AT, -5 * 60)).toBe('2024-05-13');
  });

  it('counts what does not fit in the contents summary instead of dropping it silently', () => {
    const summary = contentsSummary(manyItems.contents, 62, 3, 3);
    expect(summary).toMatch(/^45 items: 1× LONG-SELLER-SKU-0, .*\+\d+ more$/);
    expect(contentsSummary([{ sellerSku: '', name: 'Strap', variation: '', qty: 1 }], 62, 3, 3)).toBe('1 item: 1× Strap');
  });

  it('uses the order id as the barcode until the platform assigns a tracking number', () => {
    expect(labelBarcodeValue({ trackingNumber: '  ', orderId: ORDER_ID })).toBe(ORDER_ID);
    const texts = shippingLabel(shippingData({ trackingNumber: '' })).elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(texts).toContain('ORDER ID - NO TRACKING NUMBER YET');
  });

  it('an ASCII order is all native ZPL: text, barcodes and rules, no bitmaps', () => {
    const text = zplText(shippingLabel(shippingData()), zpl(203), { fonts });
    expect(text).not.toContain('^GF');
    expect(text).toContain('^BCN');
    expect(text).toContain('^BQN');
  });
});

describe.each(DPIS)('shipping label oracles at %i dpi', (dpi) => {
  it('ZPL rendered by zebrash scans as the tracking number (Code128 and QR)', async () => {
    const scan = await scanZpl(zplText(shippingLabel(shippingData()), zpl(dpi), { fonts }), STOCK, dpi, `doc-ship-zpl-${dpi}`);
    expect(scan.labels).toBe(1);
    expect(scan.code128).toEqual([TRACKING_NUMBER]);
    expect(scan.qr).toEqual([TRACKING_NUMBER]);
  });

  it('without a tracking number the Code128 and QR read as the order id', async () => {
    const label = shippingLabel(shippingData({ trackingNumber: '' }));
    const scan = await scanZpl(zplText(label, zpl(dpi), { fonts }), STOCK, dpi, `doc-ship-order-id-${dpi}`);
    expect(scan.code128).toEqual([ORDER_ID]);
    expect(scan.qr).toEqual([ORDER_ID]);
  });

  it('a recipient named like ZPL commands prints exactly one label whose barcode still scans', async () => {
    const label = shippingLabel(shippingData({ recipient: { ...shippingData().recipient, name: HOSTILE_NAME } }));
    const text = zplText(label, zpl(dpi), { fonts });
    const scan = await scanZpl(text, STOCK, dpi, `doc-ship-hostile-${dpi}`);
    expect(scan.labels).toBe(1);
    expect(scan.code128).toEqual([TRACKING_NUMBER]);
    // The injected ^GB800,1200,800 would black out the whole label.
    expect(countInk(scan.page) / (scan.page.width * scan.page.height)).toBeLessThan(0.25);
    expect(text.match(/\^XA/g)).toHaveLength(1);
  });

  it('TSPL drawn by the TSPL stand-in scans', async () => {
    const scan = await scanTspl(encodeTspl(shippingLabel(shippingData()), { language: 'tspl', dpi }, { fonts }), dpi, `doc-ship-tspl-${dpi}`);
    expect(scan.code128).toEqual([TRACKING_NUMBER]);
    expect(scan.qr).toEqual([TRACKING_NUMBER]);
  });

  it('ESC/POS raster read back from GS v 0 scans', async () => {
    const label = shippingLabel(shippingData({ recipient: { ...shippingData().recipient, name: HOSTILE_NAME } }));
    const profile: PrinterProfile = { language: 'escpos', dpi };
    const scan = await scanEscpos(encodeEscpos(label, profile, { fonts }), pageDots(label, profile), `doc-ship-escpos-${dpi}`);
    expect(scan.code128).toEqual([TRACKING_NUMBER]);
    expect(scan.qr).toEqual([TRACKING_NUMBER]);
  });

  it('a Chinese recipient and product print as ZPL bitmaps with ink where the name goes', async () => {
    const label = shippingLabel(chineseShippingData());
    const text = zplText(label, zpl(dpi), { fonts });
    expect(text).toMatch(/\^GFA,/);
    expect(text).not.toMatch(/[\u3000-\u9fff]/);
    const scan = await scanZpl(text, STOCK, dpi, `doc-ship-chinese-${dpi}`);
    expect(scan.code128).toEqual([TRACKING_NUMBER]);
    const name = label.elements.find((e) => e.kind === 'text' && e.text === '张伟')!;
    const dpmm = dpi === 203 ? 8 : 12; // the renderer's canvas: whole dots per mm
    const box = cropBitmap(scan.page, Math.round(name.x * dpmm), Math.round(name.y * dpmm), 30 * dpmm, 7 * dpmm);
    expect(countInk(box)).toBeGreaterThan(100);
  });
});
