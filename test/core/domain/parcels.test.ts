import { describe, expect, it } from 'vitest';
import { currentPackage, matchPackage, orderForUnit, packageContents, packageProgress, type UnitItem } from '../../../core/domain/parcels.js';
import type { OrderLine } from '../../../core/domain/types.js';

const line = (sellerSku: string, quantity: number, packedQuantity = 0): OrderLine => ({
  skuId: sellerSku.toLowerCase(),
  sellerSku,
  productName: sellerSku,
  variation: '',
  quantity,
  packedQuantity,
});
const item = (sellerSku: string, packageId: string, cancelled = false): UnitItem => ({ skuId: `p-${sellerSku}`, sellerSku, packageId, cancelled });

// A split order: MUG ×3 and LID ×1; package P1 holds two mugs, P2 a mug and the lid.
const ITEMS = [item('MUG', 'P1'), item('MUG', 'P1'), item('MUG', 'P2'), item('LID', 'P2')];
const split = (mug: number, lid: number) => ({ lines: [line('MUG', 3, mug), line('LID', 1, lid)] });

describe('parcels: packages packed one after the other', () => {
  it('places units in packages from the line items, the rest in the first package', () => {
    const contents = packageContents(split(0, 0), ['P1', 'P2'], ITEMS);
    expect(contents.map((c) => [c.id, Object.fromEntries(c.units)])).toEqual([
      ['P1', { 0: 2 }],
      ['P2', { 0: 1, 1: 1 }],
    ]);
    // An export's order: one package, no line items.
    expect(packageContents(split(0, 0), ['PKG-9'], []).map((c) => Object.fromEntries(c.units))).toEqual([{ 0: 3, 1: 1 }]);
    // A cancelled unit is not packed at all.
    expect(
      Object.fromEntries(packageContents({ lines: [line('MUG', 2)] }, ['P1', 'P2'], [item('MUG', 'P1'), item('MUG', 'P2', true), item('MUG', 'P2')])[1]!.units),
    ).toEqual({ 0: 1 });
  });

  it('counts packed units towards package 1 first, and names the package being packed', () => {
    const contents = packageContents(split(0, 0), ['P1', 'P2'], ITEMS);
    expect(packageProgress(split(1, 0), contents)).toEqual([
      { id: 'P1', seq: 1, of: 2, packed: 1, total: 2 },
      { id: 'P2', seq: 2, of: 2, packed: 0, total: 2 },
    ]);
    expect(currentPackage(packageProgress(split(2, 0), contents))?.seq).toBe(2);
    expect(currentPackage(packageProgress(split(3, 1), contents))).toBeNull();
  });

  it('keeps a unit that belongs to a later package out until the earlier one is full', () => {
    const contents = packageContents(split(0, 0), ['P1', 'P2'], ITEMS);
    expect(matchPackage(split(0, 0), contents, 0)).toMatchObject({ kind: 'FITS', package: { seq: 1 } });
    expect(matchPackage(split(1, 0), contents, 1)).toMatchObject({ kind: 'LATER_PACKAGE', current: { seq: 1 }, belongs: { seq: 2 } });
    expect(matchPackage(split(2, 0), contents, 1)).toMatchObject({ kind: 'FITS', package: { seq: 2 } });
    expect(matchPackage(split(2, 0), contents, 0)).toMatchObject({ kind: 'FITS', package: { seq: 2 } });
    // One package: everything fits, as ever.
    expect(matchPackage(split(0, 0), packageContents(split(0, 0), ['P'], []), 1).kind).toBe('FITS');
  });

  it('packs a combined package as one parcel: a unit goes to whichever of its orders still needs it', () => {
    const a = { id: 'A', lines: [line('TEE', 2, 2)] };
    const b = { id: 'B', lines: [line('CAP', 1), line('TEE', 1)] };
    expect(orderForUnit([a, b], 'tee')).toEqual({ order: b, lineIndex: 1 });
    expect(orderForUnit([a, b], 'cap')).toEqual({ order: b, lineIndex: 0 });
    expect(orderForUnit([a, b], 'mug')).toBeNull();
  });
});
