import { describe, expect, it } from 'vitest';
import { pickListPrintout } from '../../../printer/documents/pick-list.js';
import { zplText } from '../../../printer/encoders/zpl.js';
import type { Dpi, Label } from '../../../printer/label/model.js';
import { labelFonts } from '../../../printer/label/text.js';
import { pickListData } from '../fixtures/documents.js';
import { scanZpl } from '../oracles/scan.js';
import { elementsOffPage } from './bounds.js';

const fonts = labelFonts();
const DPIS: readonly Dpi[] = [203, 300];

function texts(label: Label): string[] {
  return label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
}

describe('pickListPrintout on labels', () => {
  const pages = pickListPrintout(pickListData(25));

  it('runs 25 rows across three 100×150 mm labels of ten rows, each headed "Page n of 3"', () => {
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page.stock).toEqual({ widthMm: 100, heightMm: 150 });
      expect(texts(page)).toContain(`Page ${i + 1} of 3`);
    });
    const skus = pages.map((page) => texts(page).filter((t) => /^SKU-\d+$/.test(t)));
    expect(skus.map((s) => s.length)).toEqual([10, 10, 5]);
    expect(skus.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `SKU-${1000 + i}`));
  });

  it('heads each page with the title, date, station and totals; rows show bin, qty, SKU, item and order count', () => {
    const first = texts(pages[0]!);
    expect(first).toEqual(expect.arrayContaining(['Wave 7 - morning', '2024-05-14 Station Bench 2', '25 SKUs, 61 units, 49 orders']));
    expect(first).toEqual(expect.arrayContaining(['BIN', 'QTY', 'SKU / ITEM', 'ORD']));
    // Row 2 (index 1): bin A-02-3, 2 to pick, wanted by 2 orders.
    expect(first).toEqual(expect.arrayContaining(['A-02-3', '2', 'SKU-1001', 'Product number 2 with a rather long name']));
    // A row without a bin says so with a dash; the variation leads the item text.
    expect(first).toEqual(expect.arrayContaining(['-', '[Black / M] 蓝牙耳机 白色']));
  });

  it.each(DPIS)('keeps every element of every page on the label at %i dpi', (dpi) => {
    for (const page of pages) expect(elementsOffPage(page, dpi, fonts)).toEqual([]);
  });

  it('prints one page saying there is nothing to pick for an empty list', () => {
    const empty = pickListPrintout({ ...pickListData(0), rows: [] });
    expect(empty).toHaveLength(1);
    expect(texts(empty[0]!)).toEqual(expect.arrayContaining(['Page 1 of 1', 'Nothing to pick.']));
  });

  it('each page renders as exactly one ZPL label', async () => {
    const scan = await scanZpl(zplText(pages[1]!, { language: 'zpl', dpi: 203 }, { fonts }), { widthMm: 100, heightMm: 150 }, 203, 'doc-picklist-2');
    expect(scan.labels).toBe(1);
  });
});

describe('pickListPrintout on continuous paper', () => {
  it('is one label as long as the list, on 80 mm paper', () => {
    const [label, ...more] = pickListPrintout(pickListData(25), { continuous: true, widthMm: 80 });
    expect(more).toEqual([]);
    expect(label!.stock).toEqual({ widthMm: 80, heightMm: 25 + 25 * 12 + 3 });
    expect(texts(label!).filter((t) => /^SKU-\d+$/.test(t))).toHaveLength(25);
    for (const dpi of DPIS) expect(elementsOffPage(label!, dpi, fonts)).toEqual([]);
  });

  it('fits a 58 mm receipt roll too', () => {
    const [label] = pickListPrintout(pickListData(4), { continuous: true, widthMm: 58 });
    for (const dpi of DPIS) expect(elementsOffPage(label!, dpi, fonts)).toEqual([]);
  });
});
