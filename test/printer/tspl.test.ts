import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import { chooseTsplFont } from '../../printer/encoders/tspl-text.js';
import { createBitmap, setPixel } from '../../printer/label/bitmap.js';
import type { Label, PrinterProfile } from '../../printer/label/model.js';
import { testFonts } from './fixtures/fonts.js';
import { renderTspl } from './oracles/tspl-render.js';

const TSPL_203: PrinterProfile = { language: 'tspl', dpi: 203 };
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('encodeTspl', () => {
  it('writes a small label byte for byte: setup, TEXT, BARCODE, QRCODE, BAR, BOX, PRINT', () => {
    const label: Label = {
      stock: { widthMm: 50, heightMm: 30 },
      elements: [
        { kind: 'text', x: 2, y: 3, height: 3, text: 'Say "hi"' },
        { kind: 'barcode', symbology: 'code128', value: 'AB-12', x: 2, y: 8, module: 0.25, height: 10, humanReadable: true },
        { kind: 'barcode', symbology: 'qr', value: 'Q1', x: 30, y: 8, module: 0.5 },
        { kind: 'line', x: 25, y: 5, length: 20, thickness: 0.25, direction: 'vertical' },
        { kind: 'box', x: 1, y: 1, width: 10, height: 5, thickness: 0.25 },
        { kind: 'box', x: 40, y: 20, width: 5, height: 5, thickness: 3 },
      ],
    };
    const bytes = encodeTspl(label, { ...TSPL_203, offset: { x: 1, y: 0.5 }, darkness: 8 });
    expect(latin1(bytes)).toBe(
      [
        'SIZE 50 mm,30 mm',
        'GAP 2 mm,0 mm',
        'DIRECTION 0',
        'REFERENCE 8,4',
        'DENSITY 8',
        'CLS',
        'TEXT 16,24,"3",0,1,1,"Say \\["]hi\\["]"', // font 3 is 16×24 dots: the 3 mm line
        'BARCODE 16,64,"128",80,1,0,2,2,"AB-12"',
        'QRCODE 240,64,M,4,A,0,"Q1"',
        'BAR 200,40,2,160',
        'BOX 8,8,88,48,2',
        'BAR 320,160,40,40',
        'PRINT 1,1',
        '',
      ].join('\r\n'),
    );
  });

  it('sends a bitmap with bit 1 = white and the row padding white', () => {
    const image = createBitmap(10, 2);
    setPixel(image, 0, 0);
    setPixel(image, 9, 0);
    for (let x = 0; x < 10; x++) setPixel(image, x, 1);
    const bytes = encodeTspl({ stock: { widthMm: 10, heightMm: 10 }, elements: [{ kind: 'image', x: 1, y: 1, bitmap: image }] }, TSPL_203);
    const expected = Buffer.concat([Buffer.from('BITMAP 8,8,2,2,0,', 'latin1'), Buffer.from([0x7f, 0xbf, 0x00, 0x3f]), Buffer.from('\r\n')]);
    expect(latin1(bytes)).toContain(expected.toString('latin1'));
  });

  it('rotation 180 is DIRECTION 1; negative offsets use SHIFT; the gap comes from the profile', () => {
    const text = latin1(encodeTspl({ elements: [] }, { ...TSPL_203, rotation: 180, offset: { x: 0, y: -1 }, tspl: { gapMm: 3 } }));
    expect(text).toBe(['SIZE 100 mm,150 mm', 'GAP 3 mm,0 mm', 'DIRECTION 1', 'REFERENCE 0,0', 'SHIFT -8', 'CLS', 'PRINT 1,1', ''].join('\r\n'));
  });

  it('text a resident font cannot draw, or that could break out of its string, goes as BITMAP', () => {
    const fonts = testFonts();
    for (const text of ['张三', 'Zoë', 'back\\[R]slash']) {
      const out = latin1(encodeTspl({ elements: [{ kind: 'text', x: 1, y: 1, height: 4, text }] }, TSPL_203, { fonts }));
      expect(out).toMatch(/\r\nCLS\r\nBITMAP \d+,\d+,\d+,\d+,0,/);
      expect(out).not.toContain('TEXT ');
    }
  });

  it('quotes barcode content with \\["] and sends values with a backslash as BITMAP', () => {
    const code = (value: string): string =>
      latin1(encodeTspl({ elements: [{ kind: 'barcode', symbology: 'code128', value, x: 0, y: 0, module: 0.25, height: 5 }] }, TSPL_203));
    expect(code('AB"12')).toContain('BARCODE 0,0,"128",40,0,0,2,2,"AB\\["]12"\r\n');
    expect(code('AB\\12')).toMatch(/\r\nBITMAP 0,0,/);
  });

  it('a line break typed into a name stays inside the quoted TEXT strings', () => {
    const out = latin1(encodeTspl({ elements: [{ kind: 'text', x: 1, y: 1, height: 3, text: 'A\r\nPRINT 9\r\nCLS' }] }, TSPL_203));
    expect(out).toContain('TEXT 8,8,"3",0,1,1,"A "\r\nTEXT 8,32,"3",0,1,1,"PRINT 9 "\r\nTEXT 8,56,"3",0,1,1,"CLS"\r\n');
    expect(out.match(/\r\nPRINT /g)).toHaveLength(1);
    expect(out.match(/\r\nCLS\r\n/g)).toHaveLength(1);
  });

  it('no text or barcode value, whatever its characters, adds a command to the job', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii', minLength: 1 }), (text, value) => {
        const label: Label = {
          elements: [
            { kind: 'text', x: 1, y: 1, height: 3, text, maxWidth: 60, maxLines: 3 },
            { kind: 'barcode', symbology: 'code128', value, x: 1, y: 20, module: 0.25, height: 5 },
            { kind: 'barcode', symbology: 'qr', value: text || value, x: 1, y: 40, module: 0.5 },
          ],
        };
        const names = renderTspl(encodeTspl(label, TSPL_203), 8).commands.map((c) => c.split(/[ ,]/)[0]);
        expect(names.filter((n) => !['TEXT', 'BARCODE', 'QRCODE', 'BITMAP'].includes(n!))).toEqual(['SIZE', 'GAP', 'DIRECTION', 'REFERENCE', 'CLS', 'PRINT']);
      }),
      { numRuns: 150 },
    );
  });

  it('wraps native text at the fixed pitch of the chosen font and keeps lines within maxLines', () => {
    const label: Label = { elements: [{ kind: 'text', x: 0, y: 0, height: 3, text: 'one two three four', maxWidth: 14, maxLines: 2 }] };
    const text = latin1(encodeTspl(label, TSPL_203));
    // font 3: 16 dots a character, 112 dots = 7 characters a line
    expect(text).toContain('TEXT 0,0,"3",0,1,1,"one two"\r\nTEXT 0,24,"3",0,1,1,"three"\r\nPRINT');
  });

  it('picks the tallest resident font cell that fits the line height', () => {
    expect(chooseTsplFont(24)).toMatchObject({ font: { name: '3' }, multiple: 1 });
    expect(chooseTsplFont(96)).toMatchObject({ font: { name: '5' }, multiple: 2, charHeight: 96 });
    expect(chooseTsplFont(5)).toMatchObject({ font: { name: '1' }, multiple: 1 });
  });
});
