import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBitmap, cropBitmap, fillRect, getPixel, setPixel, type Bitmap } from '../../printer/label/bitmap.js';
import { asciiCompressed, crc16Xmodem, graphicField, repeatCount, z64 } from '../../printer/encoders/zpl-graphic.js';
import { pngToBitmap } from './oracles/images.js';
import { renderZplLabels } from './oracles/zpl-render.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Z64', () => {
  it('CRC-16/XMODEM matches the standard check value and an independent implementation (zebrafy)', () => {
    expect(crc16Xmodem(ascii('123456789'))).toBe(0x31c3);
    expect(crc16Xmodem(ascii('Python is fun'))).toBe(0xa641);
    expect(crc16Xmodem(new Uint8Array(0))).toBe(0);
  });

  it('is :Z64:, base64 of a zlib stream, then the CRC of the base64 text in four uppercase hex digits', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 0xff : 0));
    const match = /^:Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})$/.exec(z64(data));
    expect(match).not.toBeNull();
    expect([...inflateSync(Buffer.from(match![1]!, 'base64'))]).toEqual([...data]);
    expect(match![2]).toBe(crc16Xmodem(ascii(match![1]!)).toString(16).toUpperCase().padStart(4, '0'));
  });
});

describe('ZPL ASCII compression', () => {
  it('ends a row in white with a comma only after whole bytes (an odd digit count gets one more 0)', () => {
    const row = createBitmap(32, 2);
    fillRect(row, 0, 0, 4, 1); // F0 00 00 00: "F" alone would leave half a byte to the comma
    fillRect(row, 0, 1, 8, 1); // FF 00 00 00
    expect(asciiCompressed(row)).toBe('F0,HF,');
  });

  it('repeat counts: G–Y are 1–19, g–z are 20–400, letters add up', () => {
    expect(['G', 'Y', 'g', 'gY', 'vM', 'z', 'zY', 'zg', 'zz'].map((s, i) => [s, [1, 19, 20, 39, 327, 400, 419, 420, 800][i]])).toEqual(
      [1, 19, 20, 39, 327, 400, 419, 420, 800].map((n) => [repeatCount(n), n]),
    );
  });

  it("uses ':' for a repeated row and ',' for a row that ends white", () => {
    const b = createBitmap(16, 4);
    fillRect(b, 0, 0, 16, 2);
    fillRect(b, 4, 3, 4, 1);
    // rows: FFFF, FFFF (repeat), 0000, 0F00
    expect(asciiCompressed(b)).toBe('JF:,0F,');
    expect(graphicField(b, 'ascii')).toBe('^GFA,8,8,2,JF:,0F,');
  });
});

describe('graphic fields rendered by zebrash', () => {
  /** A bitmap with long runs (past 419 hex digits), repeated rows, noise and white rows. */
  function testPattern(): Bitmap {
    const b = createBitmap(1760, 40);
    fillRect(b, 0, 0, 1760, 3);
    fillRect(b, 100, 10, 1500, 1);
    for (let i = 0; i < 4000; i++) setPixel(b, (i * 7919) % 1760, 20 + ((i * 104729) % 20));
    return b;
  }

  it.each(['ascii', 'z64'] as const)('%s data draws exactly the pixels of the bitmap', async (encoding) => {
    const pattern = testPattern();
    const zpl = `^XA^FO0,0${graphicField(pattern, encoding)}^FS^XZ`;
    const [png] = await renderZplLabels(zpl, 100, 10, 203);
    const drawn = pngToBitmap(png!);
    const expected = cropBitmap(pattern, 0, 0, drawn.width, pattern.height);
    let differences = 0;
    for (let y = 0; y < expected.height; y++) {
      for (let x = 0; x < expected.width; x++) if (getPixel(drawn, x, y) !== getPixel(expected, x, y)) differences++;
    }
    expect(differences).toBe(0);
  });
});
