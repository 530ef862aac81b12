import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/domain/errors.js';
import { SCAN_VERDICTS, isFullyPacked, isPackDone, matchItem, packUnit, unitsOrdered, unitsPacked, unpackUnit } from '../../../core/domain/packing.js';
import type { Order, OrderLine } from '../../../core/domain/types.js';
import { T0, deepFreeze, line } from './fixtures.js';

type Packable = Pick<Order, 'lines' | 'packedAt'>;
const packable = (lines: OrderLine[], packedAt: number | null = null): Packable => ({ lines, packedAt });

// ---- arbitraries -------------------------------------------------------------------------------

const IN_ORDER = ['K1', 'K2', 'K3'];
const NOT_IN_ORDER = ['X1', 'X2'];
const linesArb = fc.array(
  fc.record({ skuId: fc.constantFrom(...IN_ORDER), quantity: fc.integer({ min: 1, max: 4 }) }).map(({ skuId, quantity }) => line(skuId, quantity)),
  { minLength: 1, maxLength: 5 },
);
const actionArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('scan' as const), skuId: fc.constantFrom(...IN_ORDER, ...NOT_IN_ORDER) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), lineIndex: fc.integer({ min: -1, max: 6 }) }) },
);

// ---- tests ------------------------------------------------------------------------------------

describe('SCAN_VERDICTS', () => {
  it('every refusal and scan error verdict is a known error code', () => {
    const own = ['ORDER_OPENED', 'ACCEPTED', 'ORDER_COMPLETE', 'WRONG_ITEM', 'OVER_SCAN', 'UNKNOWN_BARCODE'];
    for (const v of SCAN_VERDICTS) if (!own.includes(v)) expect(ERROR_CODES).toContain(v);
    expect(new Set(SCAN_VERDICTS).size).toBe(SCAN_VERDICTS.length);
  });
});

describe('matchItem', () => {
  const o = { lines: [line('TEE', 2, 2), line('CAP', 1, 0), line('TEE', 1, 0)] };

  it('accepts a SKU with units left, on the first open line', () => {
    expect(matchItem(o, 'CAP')).toEqual({ kind: 'ACCEPT', lineIndex: 1 });
    expect(matchItem(o, 'TEE')).toEqual({ kind: 'ACCEPT', lineIndex: 2 });
  });

  it('OVER_SCAN when every line of the SKU is full, pointing at its first line', () => {
    const full = { lines: [line('CAP', 1, 0), line('TEE', 2, 2), line('TEE', 1, 1)] };
    expect(matchItem(full, 'TEE')).toEqual({ kind: 'OVER_SCAN', lineIndex: 1 });
  });

  it('WRONG_ITEM when the SKU is not in the order', () => {
    expect(matchItem(o, 'MUG')).toEqual({ kind: 'WRONG_ITEM' });
    expect(matchItem({ lines: [] }, 'TEE')).toEqual({ kind: 'WRONG_ITEM' });
  });

  it('SKU ids match exactly (the scan layer resolves barcodes to SKU ids)', () => {
    expect(matchItem(o, 'tee')).toEqual({ kind: 'WRONG_ITEM' });
  });
});

describe('packUnit / unpackUnit', () => {
  it('packs one unit on the line and leaves the others', () => {
    const before = deepFreeze(packable([line('A', 2), line('B', 1)]));
    const after = packUnit(before, 0, T0);
    expect(after.lines.map((l) => l.packedQuantity)).toEqual([1, 0]);
    expect(after.packedAt).toBeNull();
    expect(before.lines.map((l) => l.packedQuantity)).toEqual([0, 0]);
  });

  it('stamps packedAt with the injected time when the last unit goes in', () => {
    let o = packable([line('A', 1), line('B', 2)]);
    o = packUnit(o, 1, T0 + 1);
    o = packUnit(o, 0, T0 + 2);
    expect(o.packedAt).toBeNull();
    o = packUnit(o, 1, T0 + 3);
    expect(o.packedAt).toBe(T0 + 3);
    expect(isFullyPacked(o)).toBe(true);
  });

  it('keeps the packedAt of a short-packed parcel while it is still not full', () => {
    const shortPacked = packable([line('A', 3, 1)], T0);
    expect(packUnit(shortPacked, 0, T0 + 9).packedAt).toBe(T0);
    expect(packUnit(packUnit(shortPacked, 0, T0 + 9), 0, T0 + 10).packedAt).toBe(T0 + 10);
  });

  it('never packs beyond the ordered quantity', () => {
    const full = packable([line('A', 1, 1)], T0);
    expect(packUnit(full, 0, T0 + 5)).toEqual(full);
  });

  it('ignores a line index that does not exist', () => {
    const o = packable([line('A', 1)]);
    expect(packUnit(o, 1, T0)).toEqual(o);
    expect(packUnit(o, -1, T0)).toEqual(o);
    expect(unpackUnit(o, 3)).toEqual(o);
  });

  it('undo takes one unit back and the order is no longer complete', () => {
    const o = unpackUnit(deepFreeze(packable([line('A', 2, 2)], T0)), 0);
    expect(o.lines[0]!.packedQuantity).toBe(1);
    expect(o.packedAt).toBeNull();
  });

  it('undo never goes below zero', () => {
    const o = packable([line('A', 2, 0)]);
    expect(unpackUnit(o, 0)).toEqual(o);
  });

  it('keeps the other fields of the order', () => {
    const full = { id: 'O-9', status: 'AWAITING_SHIPMENT' as const, lines: [line('A', 1)], packedAt: null };
    const packed = packUnit(full, 0, T0);
    expect(packed.id).toBe('O-9');
    expect(packed.status).toBe('AWAITING_SHIPMENT');
    expect(unpackUnit(packed, 0).id).toBe('O-9');
  });
});

describe('isFullyPacked / isPackDone / units', () => {
  it('is fully packed when every line has all its units', () => {
    expect(isFullyPacked({ lines: [line('A', 2, 2), line('B', 1, 1)] })).toBe(true);
    expect(isFullyPacked({ lines: [line('A', 2, 2), line('B', 1, 0)] })).toBe(false);
    expect(isFullyPacked({ lines: [line('A', 2, 1)] })).toBe(false);
  });

  it('an order without lines is never fully packed', () => {
    expect(isFullyPacked({ lines: [] })).toBe(false);
  });

  it('short-packed with a reason counts as done', () => {
    expect(isPackDone({ lines: [line('A', 2, 1)], shortPackReason: 'Out of stock' })).toBe(true);
    expect(isPackDone({ lines: [line('A', 2, 1)], shortPackReason: '' })).toBe(false);
    expect(isPackDone({ lines: [line('A', 2, 2)], shortPackReason: '' })).toBe(true);
  });

  it('counts units ordered and packed', () => {
    const o = { lines: [line('A', 3, 1), line('B', 2, 2)] };
    expect(unitsOrdered(o)).toBe(5);
    expect(unitsPacked(o)).toBe(3);
    expect(unitsOrdered({ lines: [] })).toBe(0);
  });
});

describe('property: arbitrary scan sequences', () => {
  it('keep 0 ≤ packed ≤ ordered, give the right verdicts, and complete exactly when every line is full', () => {
    fc.assert(
      fc.property(linesArb, fc.array(actionArb, { maxLength: 40 }), (lines, actions) => {
        let o: Packable = deepFreeze(packable(lines));
        let t = T0;
        for (const action of actions) {
          t += 1000;
          const before = o.lines.map((l) => l.packedQuantity);
          if (action.kind === 'scan') {
            const m = matchItem(o, action.skuId);
            const skuLines = o.lines.flatMap((l, i) => (l.skuId === action.skuId ? [i] : []));
            const open = skuLines.filter((i) => o.lines[i]!.packedQuantity < o.lines[i]!.quantity);
            if (skuLines.length === 0) expect(m).toEqual({ kind: 'WRONG_ITEM' });
            else if (open.length === 0) expect(m).toEqual({ kind: 'OVER_SCAN', lineIndex: skuLines[0] });
            else expect(m).toEqual({ kind: 'ACCEPT', lineIndex: open[0] });

            // The caller packs only on ACCEPT; packing on OVER_SCAN anyway must be a no-op.
            if (m.kind !== 'WRONG_ITEM') {
              o = deepFreeze(packUnit(o, m.lineIndex, t));
              const after = o.lines.map((l) => l.packedQuantity);
              expect(after).toEqual(before.map((p, i) => (m.kind === 'ACCEPT' && i === m.lineIndex ? p + 1 : p)));
            }
          } else {
            o = deepFreeze(unpackUnit(o, action.lineIndex));
            const after = o.lines.map((l) => l.packedQuantity);
            expect(after).toEqual(before.map((p, i) => (i === action.lineIndex && p > 0 ? p - 1 : p)));
          }

          for (const l of o.lines) {
            expect(l.packedQuantity).toBeGreaterThanOrEqual(0);
            expect(l.packedQuantity).toBeLessThanOrEqual(l.quantity);
          }
          const allFull = o.lines.every((l) => l.packedQuantity === l.quantity);
          expect(isFullyPacked(o)).toBe(allFull);
          expect(o.packedAt !== null).toBe(allFull);
          expect(unitsPacked(o)).toBe(o.lines.reduce((n, l) => n + l.packedQuantity, 0));
          expect(unitsOrdered(o)).toBe(lines.reduce((n, l) => n + l.quantity, 0));
          // Line identity never changes: only packedQuantity moves.
          expect(o.lines.map((l) => [l.skuId, l.quantity])).toEqual(lines.map((l) => [l.skuId, l.quantity]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scanning every ordered unit once, in any order, completes the order with no over-scan', () => {
    fc.assert(
      fc.property(
        linesArb.chain((lines) => {
          const units = lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.skuId));
          return fc.tuple(fc.constant(lines), fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }));
        }),
        ([lines, scans]) => {
          let o = packable(lines);
          for (const skuId of scans) {
            const m = matchItem(o, skuId);
            expect(m.kind).toBe('ACCEPT');
            if (m.kind === 'ACCEPT') o = packUnit(o, m.lineIndex, T0);
          }
          expect(isFullyPacked(o)).toBe(true);
          const extra = matchItem(o, lines[0]!.skuId);
          expect(extra.kind).toBe('OVER_SCAN');
        },
      ),
    );
  });
});
