/**
 * Chinese (and other non-Latin) text drawn through the canvas with the bundled CJK font, then
 * configured and system fonts. Nothing skips: the font ships with Packdesk. The placeholder-box
 * tests switch the system fonts off and use characters the bundled font does not have (Thai).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import { zplText } from '../../printer/encoders/zpl.js';
import { countInk, cropBitmap, trimToInk, type Bitmap } from '../../printer/label/bitmap.js';
import { coverageFromFile } from '../../printer/label/font-coverage.js';
import type { Label } from '../../printer/label/model.js';
import { BUNDLED_FONT_URL } from '../../printer/label/system-fonts.js';
import { labelFonts, labelMissingGlyphs, measureText, missingGlyphs, renderText } from '../../printer/label/text.js';

const fonts = labelFonts();
const bundledFile = fileURLToPath(BUNDLED_FONT_URL);

const bytesOf = (b: Bitmap): number[] => [...b.data];

describe('CJK text through the canvas', () => {
  it('has every everyday hanzi and kana in the bundled font, whatever the computer has', () => {
    const bare = labelFonts([], { systemFonts: false });
    expect(missingGlyphs('中文张伟蓝牙耳机深圳市南山区科技园路 ひらがな カタカナ Tiếng Việt', bare)).toEqual([]);
    expect(coverageFromFile(bundledFile).has(0x5e8a)).toBe(true); // 床, GB 2312 level 1
  });

  it('draws 中文 with ink inside its line box, each character its own shape', () => {
    const line = 40;
    const text = renderText(fonts, '中文', { lineDots: line });
    expect(text.height).toBe(line);
    const ink = trimToInk(text)!;
    expect(ink.y).toBeGreaterThan(0);
    expect(ink.y + ink.bitmap.height).toBeLessThan(line);
    const half = Math.floor(measureText(fonts, '中', line));
    const zhong = cropBitmap(text, 0, 0, half, line);
    const wen = cropBitmap(text, half, 0, half, line);
    expect(countInk(zhong)).toBeGreaterThan(60);
    expect(countInk(wen)).toBeGreaterThan(60);
    expect(bytesOf(zhong)).not.toEqual(bytesOf(wen));
  });

  it('draws every character differently, including composite glyphs the TrueType port got wrong', () => {
    const shapes = [...'机线杯蓝李张伟耳塞'].map((ch) => bytesOf(renderText(fonts, ch, { lineDots: 32 })).join(','));
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('keeps small text legible at 203 dpi: a 3 mm line is solid strokes, not scattered dots', () => {
    const glyph = trimToInk(renderText(fonts, '蓝', { lineDots: 24 }))!.bitmap;
    // Most ink dots touch another ink dot to their right or below: strokes, not speckle.
    let joined = 0;
    for (let y = 0; y < glyph.height; y++) {
      for (let x = 0; x < glyph.width; x++) {
        const at = (px: number, py: number): boolean =>
          px < glyph.width && py < glyph.height && ((glyph.data[py * glyph.rowBytes + (px >> 3)]! >> (7 - (px & 7))) & 1) === 1;
        if (at(x, y) && (at(x + 1, y) || at(x, y + 1))) joined++;
      }
    }
    expect(joined / countInk(glyph)).toBeGreaterThan(0.8);
  });

  it('mixes Latin and CJK on one line and wraps CJK text between characters', () => {
    const mixed = renderText(fonts, '2× 耳塞 白色 (SKU BT-EAR-01)', { lineDots: 28, maxWidthDots: 200, maxLines: 3 });
    expect(mixed.height).toBeGreaterThanOrEqual(56);
    expect(countInk(mixed)).toBeGreaterThan(300);
  });

  it('sends CJK text to ZPL as a ^GF bitmap with ink, and to TSPL as BITMAP', () => {
    const label: Label = { stock: { widthMm: 50, heightMm: 20 }, elements: [{ kind: 'text', x: 1, y: 1, height: 5, text: '张伟 蓝牙耳机' }] };
    const zpl = zplText(label, { language: 'zpl', dpi: 203 }, { fonts, graphicEncoding: 'ascii' });
    expect(zpl).toMatch(/\^GFA,\d+,\d+,\d+,[^^]*[1-9A-F][^^]*\^FS/);
    const tspl = Buffer.from(encodeTspl(label, { language: 'tspl', dpi: 203 }, { fonts })).toString('latin1');
    expect(tspl).toMatch(/\r\nBITMAP \d+,\d+,\d+,\d+,0,/);
    expect(tspl).not.toContain('TEXT ');
  });

  it('takes a font file given by path, after the bundled one, with the system fonts switched off', () => {
    const own = labelFonts([], { systemFonts: false, fontPaths: [bundledFile] });
    expect(own.canvas?.families).toHaveLength(2);
    expect(countInk(renderText(own, '中文', { lineDots: 32 }))).toBeGreaterThan(100);
  });
});

describe('text no font can draw', () => {
  const bare = labelFonts([], { systemFonts: false });

  it('is reported by missingGlyphs, each character once, spaces and marks never', () => {
    expect(missingGlyphs('กข ก TT123 中文', bare)).toEqual(['ก', 'ข']);
    expect(missingGlyphs('TT123 Doe', bare)).toEqual([]);
    expect(missingGlyphs('\ue000\ue000', fonts)).toEqual(['\ue000']);
  });

  it('prints as a visible box of ink, never as blank paper', () => {
    const boxes = renderText(bare, 'กข', { lineDots: 32 });
    expect(countInk(boxes)).toBeGreaterThan(40);
  });

  it('a font path that is not a font is left out, not fatal', () => {
    const odd = labelFonts([], { systemFonts: false, fontPaths: ['/etc/hostname', '/no/such/font.ttf'] });
    expect(odd.canvas?.families).toHaveLength(1); // the bundled font only
    expect(countInk(renderText(odd, 'AB', { lineDots: 32 }))).toBeGreaterThan(40);
  });
});

describe('labelMissingGlyphs', () => {
  it('names the characters of a whole label that would print as boxes', () => {
    const label: Label = {
      elements: [
        { kind: 'text', x: 1, y: 1, height: 4, text: 'Jane ก 张' },
        { kind: 'barcode', symbology: 'code128', value: 'TT1', x: 1, y: 8, module: 0.25, humanReadable: true },
        { kind: 'text', x: 1, y: 20, height: 4, text: '伟 \ue000' },
      ],
    };
    expect(labelMissingGlyphs(label, labelFonts([], { systemFonts: false }))).toEqual(['ก', '\ue000']);
  });
});
