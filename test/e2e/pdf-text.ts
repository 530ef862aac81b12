/**
 * The text of every page of a PDF, with pdfjs-dist (already a dependency for platform labels):
 * what the browser would have put on paper, read back independently of the renderer.
 */
import fs from 'node:fs';

export async function pdfText(file: string): Promise<string> {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // Runs the worker code in this thread, as printer/platform/pdf-page.ts does.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(file)),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}
