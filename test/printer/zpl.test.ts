import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeZpl, zplText } from '../../printer/encoders/zpl.js';
import type { Label, PrinterProfile } from '../../printer/label/model.js';
import { HOSTILE_NAME } from './fixtures/carrier-label.js';
import { testFonts } from './fixtures/fonts.js';

const ZPL_203: PrinterProfile = { language: 'zpl', dpi: 203 };
const fonts = testFonts();

function oneText(text: string, extra: Partial<Extract<Label['elements'][number], { kind: 'text' }>> = {}): Label {
  return { stock: { widthMm: 50, heightMm: 50 }, elements: [{ kind: 'text', x: 1, y: 1, height: 4, text, ...extra }] };
}

describe('encodeZpl', () => {
  it('writes a small label byte for byte: setup, font 0 text, Code128, QR, rule, box', () => {
    const label: Label = {
      stock: { widthMm: 50, heightMm: 50 },
      elements: [
        { kind: 'text', x: 2, y: 3, height: 4, text: 'Hello' },
        { kind: 'barcode', symbology: 'code128', value: 'TT123', x: 5, y: 10, module: 0.25, height: 10, humanReadable: true },
        { kind: 'barcode', symbology: 'qr', value: 'Q1', x: 5, y: 25, module: 0.5 },
        { kind: 'line', x: 0, y: 40, length: 50, thickness: 0.25, direction: 'horizontal' },
        { kind: 'box', x: 1, y: 1, width: 48, height: 48, thickness: 0.5 },
      ],
    };
    expect(new TextDecoder().decode(encodeZpl(label, ZPL_203))).toBe(
      [
        '^XA',
        '^CI28',
        '^PW400',
        '^LL400',
        '^LH0,0',
        '^PON',
        '^FO16,24^A0N,32,32^FH_^FDHello^FS',
        '^FO40,80^BY2,3,80^BCN,80,Y,N,N,A^FH_^FDTT123^FS',
        // QR: printers drop it by the ^BY height, so ^BY sets 10 and ^FO is raised by 10.
        '^FO40,190^BY2,3,10^BQN,2,4^FH_^FDMA,Q1^FS',
        '^FO0,320^GB400,2,2^FS',
        '^FO8,8^GB384,384,4^FS',
        '^XZ',
        '',
      ].join('\n'),
    );
  });

  it('sizes the page for 300 dpi and applies darkness, rotation and negative offsets', () => {
    const zpl = zplText({ elements: [] }, { language: 'zpl', dpi: 300, darkness: 15, rotation: 180, offset: { x: -1, y: -2 } });
    expect(zpl).toBe(['~SD15', '^XA', '^CI28', '^PW1181', '^LL1772', '^LH0,0', '^LS12', '^LT-24', '^POI', '^XZ', ''].join('\n'));
    expect(zplText({ elements: [] }, { ...ZPL_203, offset: { x: 1, y: 0.5 } })).toContain('^LH8,4\n');
  });

  it('hex-escapes a recipient named like ZPL so the name cannot end the label', () => {
    const zpl = zplText(oneText(HOSTILE_NAME), ZPL_203);
    expect(zpl).toContain('^FH_^FDJane _5EXZ_5EXA_5EFO0,0_5EGB800,1200,800_5EFS Doe^FS');
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('^GB800');
  });

  it('escapes tilde, the escape character and control characters in every field', () => {
    const label: Label = {
      elements: [
        { kind: 'text', x: 1, y: 1, height: 4, text: 'a~b_c' },
        { kind: 'barcode', symbology: 'code128', value: 'A^B~C_D', x: 1, y: 10, module: 0.25 },
        { kind: 'barcode', symbology: 'qr', value: 'x~JR\ry', x: 1, y: 40, module: 0.5 },
      ],
    };
    const zpl = zplText(label, ZPL_203);
    expect(zpl).toContain('^FH_^FDa_7Eb_5Fc^FS');
    expect(zpl).toContain('^FH_^FDA_5EB_7EC_5FD^FS');
    expect(zpl).toContain('^FH_^FDMA,x_7EJR_0Dy^FS');
  });

  it('no text or barcode value, whatever its characters, adds a command to the label', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii', minLength: 1 }), (text, value) => {
        const label: Label = {
          elements: [
            { kind: 'text', x: 1, y: 1, height: 4, text, maxWidth: 40, maxLines: 2 },
            { kind: 'text', x: 1, y: 10, height: 4, text },
            { kind: 'barcode', symbology: 'qr', value, x: 1, y: 20, module: 0.5 },
          ],
        };
        const zpl = zplText(label, ZPL_203, { fonts });
        expect(zpl.match(/\^XA/g)).toHaveLength(1);
        expect(zpl.match(/\^XZ/g)).toHaveLength(1);
        expect(zpl).not.toContain('~');
        for (const field of zpl.matchAll(/\^FD([^^]*)/g)) expect(zpl.startsWith('^FS', field.index + field[0].length)).toBe(true);
        expect(zpl.match(/\^FD/g)?.length).toBe(zpl.match(/\^FH_\^FD/g)?.length);
      }),
      { numRuns: 200 },
    );
  });

  it('wraps text with font 0 widths that are never too small, and keeps ^FB backslashes literal', () => {
    const zpl = zplText(oneText('C:\\temp is a folder on the packing station', { maxWidth: 30, maxLines: 2 }), ZPL_203);
    expect(zpl).toContain('^FO8,8^A0N,32,32^FB240,2,0,L,0^FH_^FDC:\\\\temp is a\\&folder on the^FS');
  });

  it('draws text outside Latin-1 as a graphic field and keeps Latin-1 native', () => {
    const zpl = zplText(
      {
        elements: [
          { kind: 'text', x: 1, y: 1, height: 4, text: 'Müller 张三' },
          { kind: 'text', x: 1, y: 8, height: 4, text: 'Müller' },
        ],
      },
      ZPL_203,
      { fonts },
    );
    expect(zpl).toMatch(/\^FO\d+,\d+\^GFA,\d+,\d+,\d+,[^^]+\^FS/);
    expect(zpl).toContain('^FDMüller^FS');
    expect(zpl).not.toMatch(/[\u0100-\uffff]/);
  });

  it('draws DataMatrix natively with ^BX (ECC 200) unless the value holds its escape character', () => {
    const dm = (value: string): Label => ({ elements: [{ kind: 'barcode', symbology: 'datamatrix', value, x: 1, y: 1, module: 0.5 }] });
    expect(zplText(dm('TT1'), ZPL_203)).toContain('^FO8,8^BXN,4,200^FH_^FDTT1^FS');
    expect(zplText(dm('TT~1'), ZPL_203)).toMatch(/\^FO\d+,\d+\^GFA,/);
  });

  it('draws PDF417, Code128 with ">" and images as graphic fields', () => {
    const image = { width: 8, height: 1, rowBytes: 1, data: Uint8Array.of(0xff) };
    const zpl = zplText(
      {
        elements: [
          { kind: 'barcode', symbology: 'pdf417', value: 'TT1', x: 1, y: 20, module: 0.25 },
          { kind: 'barcode', symbology: 'code128', value: 'A>B', x: 1, y: 40, module: 0.25 },
          { kind: 'image', x: 1, y: 60, bitmap: image },
        ],
      },
      ZPL_203,
    );
    expect(zpl.match(/\^GFA,/g)).toHaveLength(3);
    expect(zpl).toContain('^FO8,480^GFA,1,1,1,HF^FS'); // 'H' = the next hex digit twice
    expect(zpl).not.toContain('^BC');
  });

  it('a CJK product name becomes a bitmap with ink (drawn with the bundled CJK font)', () => {
    const zpl = zplText(oneText('耳塞 白色'), ZPL_203, { fonts, graphicEncoding: 'ascii' });
    const data = /\^GFA,(\d+),\d+,(\d+),([^^]+)\^FS/.exec(zpl);
    expect(data).not.toBeNull();
    expect(data![3]).toMatch(/[1-9A-F]/);
  });
});
