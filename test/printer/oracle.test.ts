/**
 * Label oracles: the printer bytes are turned back into images by code nobody here wrote (the
 * zebrash ZPL renderer, pngjs) or by small printer stand-ins, and the barcodes are read by
 * zbarimg and @zxing/library. The decoded values must be the tracking number and QR link.
 */
import { describe, expect, it } from 'vitest';
import { countInk, cropBitmap } from '../../printer/label/bitmap.js';
import { moduleDots, pageDots, type Dpi, type PrinterProfile } from '../../printer/label/model.js';
import { bitmapToPng } from '../../printer/label/png.js';
import { elementBitmap, rasterise } from '../../printer/label/rasterise.js';
import { encodeEscpos } from '../../printer/encoders/escpos.js';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import { zplText } from '../../printer/encoders/zpl.js';
import { carrierLabel, HOSTILE_NAME, QR_URL, TRACKING } from './fixtures/carrier-label.js';
import { testFonts } from './fixtures/fonts.js';
import { parseEscpos } from './oracles/escpos-raster.js';
import { bitmapToPngFile, pngToBitmap, writeOutput } from './oracles/images.js';
import { renderTspl } from './oracles/tspl-render.js';
import { decodedValues } from './oracles/zbar.js';
import { renderZplLabels } from './oracles/zpl-render.js';
import { zxingDecode } from './oracles/zxing.js';

const fonts = testFonts();
const DPIS: readonly Dpi[] = [203, 300];

async function expectCarrierCodes(pngPath: string): Promise<void> {
  expect(await decodedValues(pngPath, 'CODE-128')).toEqual([TRACKING]);
  expect(await decodedValues(pngPath, 'QR-Code')).toEqual([QR_URL]);
}

describe.each(DPIS)('at %i dpi', (dpi) => {
  const profile = (language: PrinterProfile['language']): PrinterProfile => ({ language, dpi });

  it('ZPL rendered by zebrash scans as the tracking number and the QR link', async () => {
    const zpl = zplText(carrierLabel(), profile('zpl'), { fonts });
    const labels = await renderZplLabels(zpl, 100, 150, dpi);
    expect(labels).toHaveLength(1);
    await expectCarrierCodes(writeOutput(`zpl-${dpi}.png`, labels[0]!));
  });

  it('the DataMatrix drawn by zebrash from ^BX reads as the tracking number where the label puts it', async () => {
    const zpl = zplText(carrierLabel(), profile('zpl'), { fonts });
    const [png] = await renderZplLabels(zpl, 100, 150, dpi);
    const dm = carrierLabel().elements.find((e) => e.kind === 'barcode' && e.symbology === 'datamatrix')!;
    const dotsPerMm = dpi === 203 ? 8 : 300 / 25.4;
    const region = cropBitmap(
      pngToBitmap(png!),
      Math.round(dm.x * dotsPerMm),
      Math.round(dm.y * dotsPerMm),
      18 * moduleDots(0.75, dpi),
      18 * moduleDots(0.75, dpi),
    );
    expect(zxingDecode(region, 'datamatrix')).toBe(TRACKING);
  });

  it('a recipient named like a ZPL command prints one label whose barcodes still scan', async () => {
    const zpl = zplText(carrierLabel(HOSTILE_NAME), profile('zpl'), { fonts });
    const labels = await renderZplLabels(zpl, 100, 150, dpi);
    expect(labels).toHaveLength(1);
    const path = writeOutput(`zpl-hostile-${dpi}.png`, labels[0]!);
    await expectCarrierCodes(path);
    // The injected ^GB800,1200,800 would black out the whole label.
    const ink = pngToBitmap(labels[0]!);
    expect(countInk(ink) / (ink.width * ink.height)).toBeLessThan(0.25);
  });

  it('ESC/POS raster read back from the GS v 0 bands scans', async () => {
    const job = parseEscpos(encodeEscpos(carrierLabel(HOSTILE_NAME), profile('escpos'), { fonts }));
    const page = pageDots(carrierLabel(), profile('escpos'));
    expect(job.bitmap.height).toBe(page.height);
    const label = cropBitmap(job.bitmap, 0, 0, page.width, page.height);
    await expectCarrierCodes(bitmapToPngFile(label, `escpos-${dpi}.png`));
  });

  it('TSPL with native barcodes, drawn by a TSPL stand-in, scans', async () => {
    const job = renderTspl(encodeTspl(carrierLabel(HOSTILE_NAME), profile('tspl'), { fonts }), dpi === 203 ? 8 : 300 / 25.4);
    expect(job.commands.filter((c) => c.startsWith('BARCODE') || c.startsWith('QRCODE'))).toHaveLength(2);
    await expectCarrierCodes(bitmapToPngFile(job.bitmap, `tspl-native-${dpi}.png`));
  });

  it('TSPL as one whole-label BITMAP (bit 1 = white) scans', async () => {
    const bytes = encodeTspl(carrierLabel(), { ...profile('tspl'), tspl: { wholeLabelBitmap: true } }, { fonts });
    const job = renderTspl(bytes, dpi === 203 ? 8 : 300 / 25.4);
    expect(job.commands.filter((c) => c.startsWith('BITMAP'))).toHaveLength(1);
    await expectCarrierCodes(bitmapToPngFile(job.bitmap, `tspl-bitmap-${dpi}.png`));
  });

  it('the rasterised label, through our own PNG writer, scans', async () => {
    const bitmap = rasterise(carrierLabel(), profile('escpos'), fonts);
    await expectCarrierCodes(writeOutput(`raster-${dpi}.png`, bitmapToPng(bitmap)));
  });

  it.each(['datamatrix', 'pdf417'] as const)('%s drawn at this dpi reads back with zxing', (symbology) => {
    const element = { kind: 'barcode', symbology, value: TRACKING, x: 0, y: 0, module: 0.5 } as const;
    expect(zxingDecode(elementBitmap(element, dpi, fonts).bitmap, symbology)).toBe(TRACKING);
  });
});
