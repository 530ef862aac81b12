import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { countInk, createBitmap, drawBitmap, fillRect, getPixel, invertBits, rotate180, setPixel, trimToInk, type Bitmap } from '../../printer/label/bitmap.js';
import { bitmapToPng } from '../../printer/label/png.js';

function rows(bitmap: Bitmap): string[] {
  const out: string[] = [];
  for (let y = 0; y < bitmap.height; y++) {
    let row = '';
    for (let x = 0; x < bitmap.width; x++) row += getPixel(bitmap, x, y) ? '#' : '.';
    out.push(row);
  }
  return out;
}

describe('1-bit bitmap', () => {
  it('rows are padded to whole bytes, leftmost pixel in the high bit, 1 = black', () => {
    const b = createBitmap(10, 2);
    setPixel(b, 0, 0);
    setPixel(b, 9, 1);
    expect(b.rowBytes).toBe(2);
    expect([...b.data]).toEqual([0x80, 0x00, 0x00, 0x40]);
  });

  it('fillRect fills across byte boundaries and clips at the edges', () => {
    const b = createBitmap(20, 3);
    fillRect(b, 3, 1, 12, 1);
    fillRect(b, -5, 2, 7, 5);
    expect(rows(b)).toEqual(['....................', '...############.....', '##..................']);
  });

  it('drawBitmap ORs at any alignment and clips negative positions', () => {
    const src = createBitmap(3, 2);
    fillRect(src, 0, 0, 3, 2);
    const dst = createBitmap(12, 3);
    setPixel(dst, 0, 2);
    drawBitmap(dst, src, 7, 1);
    drawBitmap(dst, src, -2, 0);
    expect(rows(dst)).toEqual(['#...........', '#......###..', '#......###..']);
  });

  it('rotate180 turns the label upside down', () => {
    const b = createBitmap(4, 2);
    setPixel(b, 0, 0);
    expect(rows(rotate180(b))).toEqual(['....', '...#']);
  });

  it('invertBits flips ink to white for TSPL and keeps the row padding white', () => {
    const b = createBitmap(10, 1);
    setPixel(b, 0, 0);
    expect([...invertBits(b)]).toEqual([0x7f, 0xff]);
  });

  it('trimToInk cuts the empty margin and says where the ink starts', () => {
    const b = createBitmap(16, 8);
    fillRect(b, 5, 3, 2, 2);
    const placed = trimToInk(b)!;
    expect({ x: placed.x, y: placed.y, w: placed.bitmap.width, h: placed.bitmap.height }).toEqual({ x: 5, y: 3, w: 2, h: 2 });
    expect(countInk(placed.bitmap)).toBe(4);
    expect(trimToInk(createBitmap(8, 8))).toBeUndefined();
  });

  it('PNG preview read back by pngjs: black ink on a white, opaque background', () => {
    const b = createBitmap(9, 2);
    setPixel(b, 8, 1);
    const png = PNG.sync.read(Buffer.from(bitmapToPng(b)));
    const pixel = (x: number, y: number): number[] => [...png.data.subarray((y * 9 + x) * 4, (y * 9 + x) * 4 + 4)];
    expect([png.width, png.height]).toEqual([9, 2]);
    expect(pixel(8, 1)).toEqual([0, 0, 0, 255]);
    expect(pixel(0, 0)).toEqual([255, 255, 255, 255]);
  });
});

describe('rotate180 at any width', () => {
  it.each([8, 9, 13, 16])('matches turning every pixel, width %i', (width) => {
    const b = createBitmap(width, 3);
    for (let i = 0; i < width * 3; i += 3) setPixel(b, i % width, Math.floor(i / width));
    const turned = rotate180(b);
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < width; x++) expect(getPixel(turned, width - 1 - x, 2 - y)).toBe(getPixel(b, x, y));
    }
    expect(rotate180(turned).data).toEqual(b.data);
  });
});
