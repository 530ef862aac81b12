import { describe, expect, it } from 'vitest';
import { countInk, getPixel } from '../../../printer/label/bitmap.js';
import { placeOnStock } from '../../../printer/platform/fit.js';
import { greyToBitmap, rgbaToGrey } from '../../../printer/platform/one-bit.js';

const pt = (mm: number): number => (mm * 72) / 25.4;

describe('placeOnStock', () => {
  it('puts an A6 label upright on 100×150 mm stock, as wide as the stock, centred top to bottom', () => {
    const place = placeOnStock(pt(105), pt(148), 800, 1200);
    expect(place.rotated).toBe(false);
    expect(place.x).toBeCloseTo(0, 6);
    expect(place.width).toBeCloseTo(800, 6);
    expect(place.height).toBeCloseTo((800 * 148) / 105, 6);
    expect(place.y).toBeCloseTo((1200 - place.height) / 2, 6);
  });

  it('turns a landscape label on portrait stock, and keeps its aspect ratio', () => {
    const place = placeOnStock(pt(148), pt(105), 800, 1200);
    expect(place.rotated).toBe(true);
    expect(place.width / place.height).toBeCloseTo(105 / 148, 6);
    expect(place.width).toBeLessThanOrEqual(800 + 1e-9);
    expect(place.height).toBeLessThanOrEqual(1200 + 1e-9);
  });

  it('does not turn a square label, nor one that fits as well either way round', () => {
    expect(placeOnStock(500, 500, 800, 1200).rotated).toBe(false);
    expect(placeOnStock(1000, 1010, 1000, 1000).rotated).toBe(false);
  });
});

describe('greyscale to printer dots', () => {
  it('ink below half grey, paper from half grey up; transparent pixels are paper', () => {
    const rgba = Uint8Array.of(127, 127, 127, 255, 128, 128, 128, 255, 0, 0, 0, 0, 0, 0, 0, 255);
    const bitmap = greyToBitmap(rgbaToGrey(rgba, 4, 1), 4, 1, 'threshold');
    expect([0, 1, 2, 3].map((x) => getPixel(bitmap, x, 0))).toEqual([true, false, false, true]);
  });

  it('dithering keeps white paper white and black black', () => {
    const white = new Uint8Array(64 * 64).fill(250);
    const black = new Uint8Array(64 * 64).fill(5);
    for (const halftone of ['ordered', 'floyd-steinberg'] as const) {
      expect(countInk(greyToBitmap(white, 64, 64, halftone))).toBe(0);
      expect(countInk(greyToBitmap(black, 64, 64, halftone))).toBe(64 * 64);
    }
  });

  it('dithering a mid grey gives about half ink', () => {
    const grey = new Uint8Array(64 * 64).fill(128);
    for (const halftone of ['ordered', 'floyd-steinberg'] as const) {
      expect(countInk(greyToBitmap(grey, 64, 64, halftone)) / (64 * 64)).toBeCloseTo(0.5, 1);
    }
  });
});
