import type { LineView } from '../../../../core/api/views.js';

/** Natural order, so bin A-2 comes before A-10 and SKU MUG-9 before MUG-10. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The order a picker walks the bins: bins in natural order, then by SKU within a bin; lines with
 * no bin last (they have to be looked for).
 */
export function binWalkOrder(lines: readonly LineView[]): LineView[] {
  return [...lines].sort((a, b) => {
    if (a.bin === null || b.bin === null) {
      if (a.bin !== b.bin) return a.bin === null ? 1 : -1;
    } else {
      const byBin = natural.compare(a.bin, b.bin);
      if (byBin !== 0) return byBin;
    }
    return natural.compare(a.sellerSku, b.sellerSku);
  });
}

/** The line to scan next: the first, in bin-walk order, with items still to pack. */
export function nextLine(lines: readonly LineView[]): LineView | null {
  return binWalkOrder(lines).find((l) => l.packedQty < l.qty) ?? null;
}
