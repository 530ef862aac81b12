import { describe, expect, it } from 'vitest';
import { PrinterError } from '../../printer/errors.js';
import { countInk } from '../../printer/label/bitmap.js';
import { labelFonts, layoutLines, measureText, renderText } from '../../printer/label/text.js';
import { testFonts } from './fixtures/fonts.js';

describe('bitmap text', () => {
  const builtin = labelFonts();

  it('draws ASCII with the built-in OCR-B when no font files are given', () => {
    const bitmap = renderText(builtin, 'TT123', { lineDots: 32 });
    expect(bitmap.height).toBe(32);
    expect(countInk(bitmap)).toBeGreaterThan(50);
  });

  it('draws a character no font has as a visible box, not as nothing', () => {
    const missing = renderText(builtin, '\ue000', { lineDots: 32 });
    expect(countInk(missing)).toBeGreaterThan(10);
    expect([...renderText(builtin, '\ue001', { lineDots: 32 }).data]).toEqual([...missing.data]);
  });

  it('bold is the same text drawn twice, a little wider', () => {
    expect(measureText(builtin, 'NW1 6XE', 48, true)).toBeGreaterThan(measureText(builtin, 'NW1 6XE', 48));
  });

  it('wraps by measured glyph widths', () => {
    const width = measureText(builtin, 'Baker Street', 24);
    expect(layoutLines(builtin, 'Baker Street Flat 2', { lineDots: 24, maxWidthDots: width, maxLines: 3 })).toEqual(['Baker Street', 'Flat 2']);
  });

  it('rejects a font file that is not TrueType/OpenType with INVALID_INPUT', () => {
    expect(() => labelFonts([{ name: 'broken-font', data: Uint8Array.of(1, 2, 3) }])).toThrow(PrinterError);
  });

  it('draws CJK through the canvas, also glyphs the TrueType port cannot build', () => {
    const fonts = testFonts();
    const box = renderText(fonts, '\ue000', { lineDots: 40 });
    expect([...renderText(fonts, '张', { lineDots: 40 }).data]).not.toEqual([...box.data]);
    // bwip-js's stb_truetype port throws on this composite glyph of Droid Sans Fallback; the canvas draws it.
    const ji = renderText(fonts, '机', { lineDots: 40 });
    expect([...ji.data]).not.toEqual([...box.data]);
    expect(countInk(ji)).toBeGreaterThan(100);
  });
});
