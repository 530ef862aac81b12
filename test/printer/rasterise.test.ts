import { describe, expect, it } from 'vitest';
import { getPixel, rotate180 } from '../../printer/label/bitmap.js';
import type { Label } from '../../printer/label/model.js';
import { rasterise } from '../../printer/label/rasterise.js';
import { carrierLabel } from './fixtures/carrier-label.js';
import { testFonts } from './fixtures/fonts.js';

const fonts = testFonts();

describe('rasterise', () => {
  it('draws the whole page at the printer dpi', () => {
    const bitmap = rasterise(carrierLabel(), { language: 'escpos', dpi: 300 }, fonts);
    expect([bitmap.width, bitmap.height]).toEqual([1181, 1772]);
  });

  it('rotation 180 is the unrotated label turned upside down', () => {
    const upright = rasterise(carrierLabel(), { language: 'escpos', dpi: 203 }, fonts);
    const turned = rasterise(carrierLabel(), { language: 'escpos', dpi: 203, rotation: 180 }, fonts);
    expect([...turned.data]).toEqual([...rotate180(upright).data]);
  });

  it('Code128 bars and spaces are whole multiples of the module width (crisp bars)', () => {
    const label: Label = { elements: [{ kind: 'barcode', symbology: 'code128', value: 'TT9876543210CN', x: 0, y: 0, module: 0.375, height: 10 }] };
    const bitmap = rasterise(label, { language: 'escpos', dpi: 203 }, fonts);
    const runs: number[] = [];
    let run = 0;
    let last = getPixel(bitmap, 0, 40);
    for (let x = 0; x < 800; x++) {
      const ink = getPixel(bitmap, x, 40);
      if (ink === last) run++;
      else {
        runs.push(run);
        run = 1;
        last = ink;
      }
    }
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.every((r) => r % 3 === 0)).toBe(true);
  });
});
