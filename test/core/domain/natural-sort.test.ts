import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../../core/domain/natural-sort.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const sorted = (xs: readonly string[]) => [...xs].sort(compareNatural);

/** Bin-like strings: few characters, so equal chunks, case and zero-padding clashes are common. */
const binArb = fc.string({ unit: fc.constantFrom('A', 'a', 'B', 'b', '-', '.', ' ', '0', '1', '2', '9'), maxLength: 8 });
const anyArb = fc.oneof(binArb, fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ maxLength: 10 }));

describe('compareNatural', () => {
  it("sorts 'A-2' before 'A-10'", () => {
    expect(compareNatural('A-2', 'A-10')).toBeLessThan(0);
    expect(compareNatural('A-10', 'A-2')).toBeGreaterThan(0);
  });

  it('walks bins the way a picker does', () => {
    expect(sorted(['B-1', 'A-10', 'A-2', 'a-3', 'A-1-10', 'A-1-9', 'C', 'A-1'])).toEqual(['A-1', 'A-1-9', 'A-1-10', 'A-2', 'a-3', 'A-10', 'B-1', 'C']);
  });

  it('ignores case for ordering, but still separates strings that differ only in case', () => {
    expect(compareNatural('a-2', 'A-10')).toBeLessThan(0);
    expect(compareNatural('shelf-b', 'SHELF-A')).toBeGreaterThan(0);
    expect(compareNatural('a1', 'A1')).not.toBe(0);
  });

  it('compares numbers by value: leading zeros do not change the order', () => {
    expect(compareNatural('A-007', 'A-10')).toBeLessThan(0);
    expect(compareNatural('A-010', 'A-9')).toBeGreaterThan(0);
    expect(compareNatural('A-01', 'A-1')).not.toBe(0);
  });

  it('puts a number before text in the same position', () => {
    expect(compareNatural('A1', 'AB')).toBeLessThan(0);
    expect(compareNatural('1', 'A')).toBeLessThan(0);
  });

  it('puts a prefix before its extensions', () => {
    expect(compareNatural('', 'A')).toBeLessThan(0);
    expect(compareNatural('A', 'A-1')).toBeLessThan(0);
    expect(compareNatural('A-1', 'A-1-1')).toBeLessThan(0);
  });

  it('compares huge digit runs by value without overflow', () => {
    const big = '123456789012345678901234567890';
    expect(compareNatural(`X${big}`, `X${big.slice(0, -1)}9`)).toBeLessThan(0);
    expect(compareNatural(`X${big}0`, `X${big}`)).toBeGreaterThan(0);
    expect(compareNatural('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(compareNatural(`X000${big}`, `X${big}1`)).toBeLessThan(0);
  });

  it('property: number chunks order by value, checked against BigInt', () => {
    const bigArb = fc.bigInt({ min: 0n, max: 10n ** 40n });
    fc.assert(
      fc.property(bigArb, bigArb, fc.nat({ max: 5 }), fc.nat({ max: 5 }), (x, y, padX, padY) => {
        fc.pre(x !== y);
        const a = `BIN-${'0'.repeat(padX)}${x}-Z`;
        const b = `BIN-${'0'.repeat(padY)}${y}-Z`;
        expect(sign(compareNatural(a, b))).toBe(x < y ? -1 : 1);
      }),
    );
  });

  it('property: safe integers order as numbers', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (x, y) => {
        expect(sign(compareNatural(`A-${x}`, `A-${y}`))).toBe(sign(x - y));
      }),
    );
  });

  it('property: reflexive, and 0 only for identical strings', () => {
    fc.assert(
      fc.property(anyArb, anyArb, (a, b) => {
        expect(compareNatural(a, a)).toBe(0);
        expect(compareNatural(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('property: antisymmetric', () => {
    fc.assert(
      fc.property(anyArb, anyArb, (a, b) => {
        expect(sign(compareNatural(a, b)) + sign(compareNatural(b, a))).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: transitive', () => {
    fc.assert(
      fc.property(anyArb, anyArb, anyArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareNatural) as [string, string, string];
        expect(compareNatural(x, y)).toBeLessThanOrEqual(0);
        expect(compareNatural(y, z)).toBeLessThanOrEqual(0);
        expect(compareNatural(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: transitive on chains of bin-like strings (every pair of a sorted list is in order)', () => {
    fc.assert(
      fc.property(fc.array(binArb, { maxLength: 12 }), (xs) => {
        const s = sorted(xs);
        for (let i = 0; i < s.length; i++) {
          for (let j = i + 1; j < s.length; j++) expect(compareNatural(s[i]!, s[j]!), `${s[i]} vs ${s[j]}`).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: sorting does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(anyArb, { maxLength: 12 }), (xs) => {
        expect(sorted(xs)).toEqual(sorted([...xs].reverse()));
      }),
    );
  });
});
