/**
 * Size figures for the report and the README: a carrier-style label as native ZPL, and
 * the same label as one full-page bitmap (what a platform PDF label becomes) in Z64 and in ZPL's
 * ASCII compression. The assertions hold the budgets; the numbers go to test-output.
 */
import { describe, expect, it } from 'vitest';
import { encodeEscpos } from '../../printer/encoders/escpos.js';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import { encodeZpl } from '../../printer/encoders/zpl.js';
import type { Dpi, Label } from '../../printer/label/model.js';
import { rasterise } from '../../printer/label/rasterise.js';
import { carrierLabel } from './fixtures/carrier-label.js';
import { testFonts } from './fixtures/fonts.js';
import { writeOutput } from './oracles/images.js';

const fonts = testFonts();

function figures(dpi: Dpi) {
  const label = carrierLabel();
  const zpl = { language: 'zpl', dpi } as const;
  const page = rasterise(label, zpl, fonts);
  const asImage: Label = { elements: [{ kind: 'image', x: 0, y: 0, bitmap: page }] };
  return {
    rasterBytes: page.data.length,
    zplNativeBytes: encodeZpl(label, zpl, { fonts }).length,
    zplImageZ64Bytes: encodeZpl(asImage, zpl, { graphicEncoding: 'z64' }).length,
    zplImageAsciiBytes: encodeZpl(asImage, zpl, { graphicEncoding: 'ascii' }).length,
    escposBytes: encodeEscpos(label, { language: 'escpos', dpi }, { fonts }).length,
    tsplBytes: encodeTspl(label, { language: 'tspl', dpi }, { fonts }).length,
  };
}

describe('figures', () => {
  it('a carrier-style label stays within the size budgets at 203 and 300 dpi', () => {
    const all = { 203: figures(203), 300: figures(300) };
    writeOutput('figures.json', `${JSON.stringify(all, null, 2)}\n`);
    console.table(all);
    // Issue 3: a carrier-style label as a 203 dpi Z64 bitmap is at most 20 KB.
    expect(all[203].zplImageZ64Bytes).toBeLessThanOrEqual(20_000);
    expect(all[203].zplImageZ64Bytes).toBeLessThan(all[203].zplImageAsciiBytes);
  });
});
