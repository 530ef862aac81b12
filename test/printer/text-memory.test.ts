/**
 * A day of labels with new Chinese names must not grow the app's native memory (issue 10: about
 * 230 KB per label, 822 MB after 3,000). Every pixel read back from the canvas is a native buffer
 * V8 does not count: once the characters are known, new names must read none.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shippingLabel } from '../../printer/documents/shipping-label.js';
import { encodeZpl } from '../../printer/encoders/zpl.js';
import { canvasPixelReads } from '../../printer/label/canvas-text.js';
import { labelFonts, renderText } from '../../printer/label/text.js';
import { COMMON_HANZI, chineseRecipient, seeded } from './fixtures/cjk-names.js';
import { shippingData } from './fixtures/documents.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

function labels(count: number, seed: number): void {
  const pool = COMMON_HANZI.slice(0, 20);
  const rng = seeded(seed);
  for (let i = 0; i < count; i++) {
    encodeZpl(shippingLabel(shippingData({ recipient: chineseRecipient(rng, pool) })), { language: 'zpl', dpi: 203 });
  }
}

describe('canvas text over many labels', () => {
  it('draws each known character once: new names made of known characters read no pixels back', () => {
    const fonts = labelFonts();
    // Twenty characters: after 800 labels each has been drawn at every size the label gives it.
    labels(800, 1);
    const before = canvasPixelReads();
    labels(200, 2);
    expect(canvasPixelReads() - before).toBe(0);
    expect(renderText(fonts, COMMON_HANZI.slice(0, 4).join(''), { lineDots: 40 }).width).toBeGreaterThan(0);
  });

  it('keeps the resident memory of 1,500 labels with new Chinese names within 60 MB after the first 300', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/printer/fixtures/cjk-labels-rss.ts', '1500', '300'], {
      cwd: root,
      maxBuffer: 1 << 20,
    });
    const { warmRss, endRss } = JSON.parse(stdout) as { warmRss: number; endRss: number };
    expect((endRss - warmRss) / 1e6).toBeLessThan(60);
  }, 300_000);
});
