const CHUNKS = /(\d+)|(\D+)/g;

/**
 * Compares bin locations the way a picker walks them: "A-2" before "A-10", case-insensitive,
 * numbers by value. Ties fall back to plain comparison so the order is total and stable.
 */
export function compareNatural(a: string, b: string): number {
  const ca = a.toUpperCase().match(CHUNKS) ?? [];
  const cb = b.toUpperCase().match(CHUNKS) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    const xNum = /^\d/.test(x);
    const yNum = /^\d/.test(y);
    if (xNum && yNum) {
      const d = compareDigits(x, y);
      if (d !== 0) return d;
    } else if (x !== y) {
      // A number sorts before text in the same position ("A1" before "AB").
      if (xNum !== yNum) return xNum ? -1 : 1;
      return x < y ? -1 : 1;
    }
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares digit strings by value without overflow (bins like "000123456789012345"). */
function compareDigits(x: string, y: string): number {
  const xs = x.replace(/^0+(?=\d)/, '');
  const ys = y.replace(/^0+(?=\d)/, '');
  if (xs.length !== ys.length) return xs.length - ys.length;
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}
