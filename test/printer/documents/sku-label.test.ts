import { describe, expect, it } from 'vitest';
import { skuLabel } from '../../../printer/documents/sku-label.js';
import { encodeTspl } from '../../../printer/encoders/tspl.js';
import { zplText } from '../../../printer/encoders/zpl.js';
import type { Dpi } from '../../../printer/label/model.js';
import { labelFonts } from '../../../printer/label/text.js';
import { PrinterError } from '../../../printer/errors.js';
import { SKU_DATA } from '../fixtures/documents.js';
import { scanTspl, scanZpl } from '../oracles/scan.js';
import { elementsOffPage } from './bounds.js';

const fonts = labelFonts();
const DPIS: readonly Dpi[] = [203, 300];

describe('skuLabel', () => {
  it('is 40×30 mm by default with the SKU, the item and a Code128 of the barcode', () => {
    const label = skuLabel(SKU_DATA);
    expect(label.stock).toEqual({ widthMm: 40, heightMm: 30 });
    const texts = label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(texts).toEqual(['CASE-CLR-15', 'Clear case - iPhone 15 Pro', '6901234567892']);
    expect(label.elements.filter((e) => e.kind === 'barcode').map((e) => [e.symbology, e.value])).toEqual([['code128', '6901234567892']]);
  });

  it('encodes the seller SKU when the item has no barcode, and refuses a label with neither', () => {
    const label = skuLabel({ ...SKU_DATA, barcode: '' });
    expect(label.elements.find((e) => e.kind === 'barcode')).toMatchObject({ value: 'CASE-CLR-15' });
    expect(() => skuLabel({ ...SKU_DATA, barcode: '', sellerSku: ' ' })).toThrow(PrinterError);
  });

  it.each(DPIS)('keeps every element on the label at %i dpi, also with a long Chinese name and on 50×25 mm stock', (dpi) => {
    expect(elementsOffPage(skuLabel(SKU_DATA), dpi, fonts)).toEqual([]);
    const chinese = skuLabel({
      sellerSku: 'EAR-BT-WHT-STD',
      name: '蓝牙耳机 无线 降噪 长续航 白色 标准版 礼盒装',
      variation: '白色',
      barcode: 'EAR-BT-WHT-STD',
    });
    expect(elementsOffPage(chinese, dpi, fonts)).toEqual([]);
    expect(elementsOffPage(skuLabel(SKU_DATA, { widthMm: 50, heightMm: 25 }), dpi, fonts)).toEqual([]);
  });

  it.each(DPIS)('ZPL rendered by zebrash scans as the barcode at %i dpi', async (dpi) => {
    const scan = await scanZpl(zplText(skuLabel(SKU_DATA), { language: 'zpl', dpi }, { fonts }), { widthMm: 40, heightMm: 30 }, dpi, `doc-sku-${dpi}`);
    expect(scan.code128).toEqual(['6901234567892']);
  });

  it.each(DPIS)('TSPL drawn by the TSPL stand-in scans at %i dpi', async (dpi) => {
    const scan = await scanTspl(encodeTspl(skuLabel(SKU_DATA), { language: 'tspl', dpi }, { fonts }), dpi, `doc-sku-tspl-${dpi}`);
    expect(scan.code128).toEqual(['6901234567892']);
  });
});
