import { describe, expect, it } from 'vitest';
import { bands, encodeEscpos } from '../../printer/encoders/escpos.js';
import { createBitmap, getPixel } from '../../printer/label/bitmap.js';
import type { Label, PrinterProfile } from '../../printer/label/model.js';
import { parseEscpos } from './oracles/escpos-raster.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** 4×1 mm at 203 dpi: 32×8 dots, 4 bytes a row; the box's 1-dot border is the whole picture. */
const TINY: Label = { stock: { widthMm: 4, heightMm: 1 }, elements: [{ kind: 'box', x: 0, y: 0, width: 4, height: 1, thickness: 0.125 }] };

describe('encodeEscpos', () => {
  it('writes ESC @, GS v 0 bands, feed and cut byte for byte', () => {
    const profile: PrinterProfile = { language: 'escpos', dpi: 203, escpos: { bandRows: 5, feedLines: 3, cut: 'partial' } };
    const side = '80000001';
    expect(hex(encodeEscpos(TINY, profile))).toBe(
      [
        '1b40',
        `1d76300004000500ffffffff${side.repeat(4)}`, // GS v 0, m=0, 4 bytes × 5 rows
        `1d76300004000300${side.repeat(2)}ffffffff`, // then 3 rows
        '1b6403', // ESC d 3
        '1d5601', // GS V 1: partial cut
      ].join(''),
    );
  });

  it('without feed or cut the job ends with the last band', () => {
    const bytes = encodeEscpos(TINY, { language: 'escpos', dpi: 203 });
    expect(hex(bytes)).toBe(`1b401d76300004000800ffffffff${'80000001'.repeat(6)}ffffffff`);
  });

  it('bands a 100×150 mm label at 203 dpi into strips of at most 255 rows', () => {
    const job = parseEscpos(encodeEscpos({ elements: [] }, { language: 'escpos', dpi: 203 }));
    expect(job.bands).toBe(5);
    expect([job.bitmap.width, job.bitmap.height]).toEqual([800, 1200]);
    expect(bands(createBitmap(8, 510), 255).map((b) => b.height)).toEqual([255, 255]);
  });

  it('applies the calibration: offset in dots, then 180° rotation', () => {
    const dot: Label = { stock: { widthMm: 4, heightMm: 2 }, elements: [{ kind: 'box', x: 0, y: 0, width: 0.125, height: 0.125, thickness: 1 }] };
    const shifted = parseEscpos(encodeEscpos(dot, { language: 'escpos', dpi: 203, offset: { x: 0.25, y: 0.5 } })).bitmap;
    expect(getPixel(shifted, 2, 4)).toBe(true);
    const turned = parseEscpos(encodeEscpos(dot, { language: 'escpos', dpi: 203, rotation: 180 })).bitmap;
    expect(getPixel(turned, 31, 15)).toBe(true);
    expect(getPixel(turned, 0, 0)).toBe(false);
  });
});
