/**
 * The app's side of the label worker (label-worker.ts): one worker thread per process, started on
 * the first platform label or ahead of it by `warmPlatformLabels()` (the app and the station call
 * it at start, so the first label does not wait for pdfjs to load). It keeps the process alive only
 * while a label is being drawn, and a worker that died is started again for the next label.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Bitmap } from '../label/bitmap.js';
import { rememberGraphic } from '../encoders/zpl-graphic.js';
import { PrinterError, type PrinterErrorCode } from '../errors.js';
import type { RenderRequest } from './render-label.js';
import type { WorkerAnswer, WorkerRequest } from './label-worker.js';

type Pending = { resolve: (answer: WorkerAnswer) => void; reject: (err: Error) => void };

/**
 * The worker's file beside this one: JavaScript once built (dist/app); TypeScript when the app runs
 * from source (the CLI, the station, the tests), whose worker first registers tsx's loader, as the
 * main thread was started with it.
 */
function startWorker(): Worker {
  // Written out whole so the app's build sees the worker as a file it must ship.
  const built = new URL('./label-worker.js', import.meta.url);
  // No flags of the app's own: they are for the main process (and some are refused in a worker).
  if (extname(fileURLToPath(import.meta.url)) !== '.ts') return new Worker(built, { execArgv: [] });
  const entry = new URL(built.href.replace(/\.js$/, '.ts'));
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}

class LabelWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private warming: Promise<void> | null = null;

  warm(): Promise<void> {
    this.warming ??= this.ask({ type: 'warm' }).then(
      () => undefined,
      () => {
        this.warming = null; // the first label tries again, and says why if it fails
      },
    );
    return this.warming;
  }

  async render(req: RenderRequest): Promise<Bitmap> {
    const res = await this.ask({ type: 'render', ...req }, [req.file.buffer as ArrayBuffer]);
    if (!res.ok) throw answerError(res.error);
    if (!res.bitmap) throw new Error('The label worker answered without a label.');
    const bitmap: Bitmap = res.bitmap;
    if (res.zpl !== undefined) rememberGraphic(bitmap, res.zpl);
    return bitmap;
  }

  private ask(req: Omit<WorkerRequest, 'id'> & Partial<RenderRequest>, transfer: ArrayBuffer[] = []): Promise<WorkerAnswer> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    }).finally(() => {
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (res: WorkerAnswer) => this.pending.get(res.id)?.resolve(res));
    worker.on('error', (err) => this.stopped(worker, err));
    worker.on('exit', (code) => this.stopped(worker, new Error(`The label worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** Every label it was drawing fails with a code; the next one starts a new worker. */
  private stopped(worker: Worker, cause: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.warming = null;
    const err = new PrinterError(
      'PRINTER_UNSUPPORTED',
      'Platform labels cannot be drawn right now: the label renderer stopped. Try again; if it repeats, restart Packdesk.',
      { cause: cause.message },
    );
    for (const pending of this.pending.values()) pending.reject(err);
  }
}

function answerError(error: Extract<WorkerAnswer, { ok: false }>['error']): Error {
  if (error.printer) return new PrinterError(error.code as PrinterErrorCode, error.message, error.details);
  return new Error(`The label worker failed: ${error.message}`);
}

const worker = new LabelWorker();

/** Starts the label worker and loads pdfjs in it, without waiting for either. */
export function warmPlatformLabels(): Promise<void> {
  return worker.warm();
}

export function renderInWorker(req: RenderRequest): Promise<Bitmap> {
  return worker.render(req);
}
