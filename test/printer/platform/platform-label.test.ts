/**
 * The platform's label (an A6 PDF, or a PNG) made in the test by pdf-lib, bwip-js and Skia, turned
 * into a stock-sized bitmap, sent as a Z64 ^GF, drawn by zebrash and read by zbarimg: the tracking
 * number must come back at 203 and 300 dpi. Damaged files must be refused, never half printed.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { zplText } from '../../../printer/encoders/zpl.js';
import { countInk, cropBitmap, type Bitmap } from '../../../printer/label/bitmap.js';
import { mmToDots, type Dpi, type Label, type PrinterProfile } from '../../../printer/label/model.js';
import { labelFileKind, platformLabelBitmap, platformLabelImage } from '../../../printer/platform/platform-label.js';
import { renderLabelBitmap } from '../../../printer/platform/render-label.js';
import { carrierPdf, carrierPng, PLATFORM_TRACKING } from '../fixtures/platform-labels.js';
import { writeOutput } from '../oracles/images.js';
import { scanZpl } from '../oracles/scan.js';

const DPIS: readonly Dpi[] = [203, 300];
const STOCK = { widthMm: 100, heightMm: 150 };
const zpl = (dpi: Dpi): PrinterProfile => ({ language: 'zpl', dpi });

function asZ64(bitmap: Bitmap, dpi: Dpi): string {
  const label: Label = { stock: STOCK, elements: [{ kind: 'image', x: 0, y: 0, bitmap }] };
  return zplText(label, zpl(dpi), { graphicEncoding: 'z64' });
}

async function expectLabelInvalid(file: Uint8Array): Promise<void> {
  const error = await platformLabelBitmap(file, zpl(203)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PrinterError);
  expect((error as PrinterError).code).toBe('LABEL_INVALID');
}

/** Ink share of a corner region of the page, to see which way a label was turned. */
function cornerInk(page: Bitmap, corner: 'top-left' | 'top-right', sizeMm: number, dpi: Dpi): number {
  const size = mmToDots(sizeMm, dpi);
  const x = corner === 'top-left' ? 0 : page.width - size;
  return countInk(cropBitmap(page, x, 0, size, size)) / (size * size);
}

describe.each(DPIS)('platform label at %i dpi', (dpi) => {
  it('an A6 PDF becomes a stock-sized bitmap whose Z64 ZPL scans as the tracking number', async () => {
    const bitmap = await platformLabelBitmap(await carrierPdf(), zpl(dpi));
    expect([bitmap.width, bitmap.height]).toEqual([mmToDots(100, dpi), mmToDots(150, dpi)]);
    const text = asZ64(bitmap, dpi);
    expect(text).toMatch(/\^GFA,\d+,\d+,\d+,:Z64:/);
    const scan = await scanZpl(text, STOCK, dpi, `platform-pdf-${dpi}`);
    expect(scan.labels).toBe(1);
    expect(scan.code128).toEqual([PLATFORM_TRACKING]);
  });

  it('a PNG label scans the same way', async () => {
    const bitmap = await platformLabelBitmap(await carrierPng(), zpl(dpi));
    const scan = await scanZpl(asZ64(bitmap, dpi), STOCK, dpi, `platform-png-${dpi}`);
    expect(scan.code128).toEqual([PLATFORM_TRACKING]);
  });

  it.each(['pdf', 'png'] as const)('a landscape %s label is turned a quarter clockwise onto portrait stock and still scans', async (kind) => {
    const file = kind === 'pdf' ? await carrierPdf(undefined, true) : await carrierPng(undefined, true);
    const bitmap = await platformLabelBitmap(file, zpl(dpi));
    // The solid corner block of the label's top-left lands at the stock's top-right.
    expect(cornerInk(bitmap, 'top-right', 14, dpi)).toBeGreaterThan(0.3);
    expect(cornerInk(bitmap, 'top-left', 14, dpi)).toBeLessThan(0.05);
    const scan = await scanZpl(asZ64(bitmap, dpi), STOCK, dpi, `platform-${kind}-landscape-${dpi}`);
    expect(scan.code128).toEqual([PLATFORM_TRACKING]);
  });
});

describe('platform PDF rendering in Node', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the PDF text with the standard fonts read from the package folder, never from the network', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const readFile = vi.spyOn(fs.promises, 'readFile');
    // In this thread, where the spies can see: the label worker runs exactly this.
    const bitmap = await renderLabelBitmap({ file: await carrierPdf(), kind: 'pdf', width: 800, height: 1200, halftone: 'threshold' });
    expect(fetch).not.toHaveBeenCalled();
    expect(readFile.mock.calls.map(([path]) => String(path))).toEqual(expect.arrayContaining([expect.stringMatching(/pdfjs-dist[\\/]standard_fonts[\\/]/)]));
    readFile.mockRestore();
    // "J&T EXPRESS" in Helvetica, which the PDF names but does not embed: 20–80 mm across, 5–12 mm down the A6 page.
    const k = 100 / 105;
    const y0 = (150 - 148 * k) / 2;
    const title = cropBitmap(bitmap, mmToDots(20 * k, 203), mmToDots(y0 + 5 * k, 203), mmToDots(55 * k, 203), mmToDots(7 * k, 203));
    expect(countInk(title)).toBeGreaterThan(500);
  });
});

describe('platform label sizing and paper', () => {
  it('a carrier-style label as 203 dpi Z64 ZPL is at most 20 KB', async () => {
    const text = asZ64(await platformLabelBitmap(await carrierPdf(), zpl(203)), 203);
    writeOutput('platform-pdf-203.zpl', text);
    expect(text.length).toBeLessThanOrEqual(20_000);
  });

  it('keeps the aspect ratio: A6 on 100×150 mm fills the width and leaves the paper above and below white', async () => {
    const bitmap = await platformLabelBitmap(await carrierPdf(), zpl(203));
    // 105×148 mm scaled to 100 mm wide is 141 mm tall: 4.5 mm of white at top and bottom.
    expect(countInk(cropBitmap(bitmap, 0, 0, bitmap.width, mmToDots(4, 203)))).toBe(0);
    expect(countInk(cropBitmap(bitmap, 0, bitmap.height - mmToDots(4, 203), bitmap.width, mmToDots(4, 203)))).toBe(0);
    expect(countInk(cropBitmap(bitmap, 0, mmToDots(5, 203), bitmap.width, mmToDots(20, 203)))).toBeGreaterThan(0);
  });

  it('sizes the bitmap to the stock loaded in the printer', async () => {
    const bitmap = await platformLabelBitmap(await carrierPng(), { ...zpl(203), stock: { widthMm: 101.6, heightMm: 152.4 } });
    expect([bitmap.width, bitmap.height]).toEqual([813, 1219]);
    const label = await platformLabelImage(await carrierPng(), zpl(300));
    expect(label.stock).toEqual(STOCK);
    expect(label.elements).toHaveLength(1);
  });

  it('thresholds by default (bars solid, no scattered dots) and dithers only photos', async () => {
    const grey = await greyPng();
    const plain = await platformLabelBitmap(grey, zpl(203));
    const dithered = await platformLabelBitmap(grey, zpl(203), { photo: true });
    const ordered = await platformLabelBitmap(grey, zpl(203), { photo: 'ordered' });
    const share = (b: Bitmap): number => countInk(b) / (b.width * b.height);
    // A 40 % grey page: thresholded it is all white but the black frame; dithered about 40 % ink.
    expect(share(plain)).toBeLessThan(0.05);
    expect(share(dithered)).toBeGreaterThan(0.3);
    expect(share(ordered)).toBeGreaterThan(0.3);
  });
});

/** A page of 40 % grey with a black frame, as a PNG. */
async function greyPng(): Promise<Uint8Array> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(400, 600);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'rgb(153,153,153)';
  ctx.fillRect(0, 0, 400, 600);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.strokeRect(1, 1, 398, 598);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

describe('damaged label files are refused with LABEL_INVALID', () => {
  it('recognises PDF and PNG by their magic bytes only', async () => {
    expect(labelFileKind(await carrierPdf())).toBe('pdf');
    expect(labelFileKind(await carrierPng())).toBe('png');
    expect(() => labelFileKind(new TextEncoder().encode('<html>Session expired</html>'))).toThrow(PrinterError);
  });

  it('random bytes and an empty file', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    await expectLabelInvalid(random);
    await expectLabelInvalid(new Uint8Array(0));
  });

  it('a PDF cut short in transfer', async () => {
    const pdf = await carrierPdf();
    await expectLabelInvalid(pdf.subarray(0, Math.floor(pdf.length * 0.6)));
  });

  it('a PDF header with garbage behind it', async () => {
    await expectLabelInvalid(new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(300)}\n%%EOF\n`));
  });

  it('a PNG cut short, and a PNG whose image data is corrupt', async () => {
    const png = await carrierPng();
    await expectLabelInvalid(png.subarray(0, Math.floor(png.length / 2)));
    const corrupt = png.slice();
    corrupt.fill(0x55, 100, corrupt.length - 100);
    await expectLabelInvalid(corrupt);
  });
});
