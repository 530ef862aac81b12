/**
 * Platform labels are drawn in the label worker, never on the thread that asked (issue 10: the
 * first PDF took 2.3 s of the app's main thread). Timing is the benchmark's business
 * (test/bench/platform-labels.ts); here, where the work happens and what a failure looks like.
 */
import { describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { platformLabelBitmap, warmPlatformLabels } from '../../../printer/platform/platform-label.js';
import { carrierPdf, carrierPng } from '../fixtures/platform-labels.js';

const zpl = { language: 'zpl', dpi: 203 } as const;

describe('the label worker', () => {
  it('draws PDF and PNG labels without loading pdfjs on this thread', async () => {
    await warmPlatformLabels();
    const [pdf, png] = await Promise.all([platformLabelBitmap(await carrierPdf(), zpl), platformLabelBitmap(await carrierPng(), zpl)]);
    expect([pdf.width, pdf.height, png.width, png.height]).toEqual([800, 1200, 800, 1200]);
    // pdfjs runs its own worker code where it is loaded; it was handed over in the label worker only.
    expect('pdfjsWorker' in globalThis).toBe(false);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const file = await carrierPdf();
    const copy = Buffer.from(file);
    await platformLabelBitmap(file, zpl);
    expect(Buffer.from(file).equals(copy)).toBe(true);
  });

  it('answers a damaged PDF with the printer error the renderer raised, and draws the next label', async () => {
    const good = await carrierPdf();
    const bad = new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage endobj\n%%EOF\n');
    const err = await platformLabelBitmap(bad, zpl).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('LABEL_INVALID');
    expect((await platformLabelBitmap(good, zpl)).height).toBe(1200);
  });
});
