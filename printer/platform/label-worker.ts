/**
 * The label worker: a thread of its own that draws platform labels (pdfjs and Skia), so the app's
 * main thread — scans, screens, the print queue — never waits on a PDF. Started and fed by
 * label-worker-client.ts; answers each request with the label's dots, or the PrinterError that
 * stopped it.
 */
import { parentPort } from 'node:worker_threads';
import { PrinterError } from '../errors.js';
import { prepareGraphic, type PreparedGraphic } from '../encoders/zpl-graphic.js';
import { warmPdfRenderer } from './pdf-page.js';
import { renderLabelBitmap, type RenderRequest } from './render-label.js';

export type WorkerRequest = { id: number; type: 'warm' } | ({ id: number; type: 'render' } & RenderRequest);

export type WorkerAnswer =
  | { id: number; ok: true; bitmap?: { width: number; height: number; rowBytes: number; data: Uint8Array }; zpl?: PreparedGraphic | null }
  | { id: number; ok: false; error: { printer: boolean; code?: string; message: string; details?: unknown } };

function failure(id: number, err: unknown): WorkerAnswer {
  if (err instanceof PrinterError) return { id, ok: false, error: { printer: true, code: err.code, message: err.message, details: err.details } };
  return { id, ok: false, error: { printer: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } };
}

async function answer(req: WorkerRequest): Promise<WorkerAnswer> {
  try {
    if (req.type === 'warm') {
      await warmPdfRenderer();
      return { id: req.id, ok: true };
    }
    const bitmap = await renderLabelBitmap(req);
    // Its ZPL graphic field too: the compression is the costliest step left, and it is done here.
    return { id: req.id, ok: true, bitmap, zpl: prepareGraphic(bitmap) };
  } catch (err) {
    return failure(req.id, err);
  }
}

// One label at a time: each is a few tens of milliseconds of drawing, and the order is the print order.
let queue = Promise.resolve();
parentPort?.on('message', (req: WorkerRequest) => {
  queue = queue.then(async () => {
    const res = await answer(req);
    const transfer = res.ok && res.bitmap ? [res.bitmap.data.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(res, transfer);
  });
});
