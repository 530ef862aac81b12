import { describe, expect, it } from 'vitest';
import { dotsPerMm, mmToDots, moduleDots, offsetDots, pageDots, pageStock } from '../../printer/label/model.js';

describe('label model: millimetres to printer dots', () => {
  it('203 dpi is 8 dots/mm: 100×150 mm stock is 800×1200 dots', () => {
    expect(dotsPerMm(203)).toBe(8);
    expect(pageDots({ elements: [] }, { language: 'zpl', dpi: 203 })).toEqual({ width: 800, height: 1200 });
  });

  it('300 dpi is 11.81 dots/mm: 100×150 mm stock is 1181×1772 dots', () => {
    expect(dotsPerMm(300)).toBeCloseTo(11.811, 3);
    expect(pageDots({ elements: [] }, { language: 'zpl', dpi: 300 })).toEqual({ width: 1181, height: 1772 });
  });

  it('the stock loaded in the printer wins over the stock the label was laid out for', () => {
    const sku = { widthMm: 40, heightMm: 30 };
    expect(pageStock({ stock: sku, elements: [] }, { language: 'tspl', dpi: 203 })).toEqual(sku);
    expect(pageStock({ stock: sku, elements: [] }, { language: 'tspl', dpi: 203, stock: { widthMm: 100, heightMm: 150 } })).toEqual({
      widthMm: 100,
      heightMm: 150,
    });
  });

  it('modules are whole dots, never zero; offsets round to dots and keep their sign', () => {
    expect(moduleDots(0.375, 203)).toBe(3);
    expect(moduleDots(0.375, 300)).toBe(4);
    expect(moduleDots(0.01, 203)).toBe(1);
    expect(mmToDots(-1.5, 203)).toBe(-12);
    expect(offsetDots({ language: 'zpl', dpi: 203, offset: { x: -1, y: 2 } })).toEqual({ x: -8, y: 16 });
  });
});
