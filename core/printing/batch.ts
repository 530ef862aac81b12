import type { PrinterTransport } from '../../printer/transports/types.js';
import type { CoreContext } from '../api/context.js';
import { codedError } from '../api/coded-error.js';
import { fail } from '../domain/errors.js';
import { labelRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import { getOrder, getOrders } from '../store/orders-repo.js';
import { batchView, createBatch, queuedJobsOfBatch, queueJob, setBatchState } from '../store/print-jobs-repo.js';
import { sql } from '../store/db.js';
import { labelBytes } from './print-order.js';
import { resolvePrinter } from './printers.js';
import { errorOf, markJob, sendJob } from './send.js';
import { checkReady, reportStatusAfter } from './status.js';
import type { BatchView, JobView, SavedPrinter } from './types.js';

/** Platform rule: print at most 50 labels at once; the printer is checked between chunks. */
export const PRINT_CHUNK = 50;

export interface BatchRequest {
  orderIds: readonly string[];
  printerName?: string;
  station: string;
  packer: string;
}

/** Journals every label of the batch before printing starts, then prints it. */
export async function startBatch(ctx: CoreContext, req: BatchRequest): Promise<BatchView> {
  const printer = resolvePrinter(ctx, req.printerName, 'SHIPPING_LABEL');
  const ids = [...new Set(req.orderIds)];
  const found = new Map(getOrders(ctx.db, ids).map((o) => [o.id, o]));
  const refused: BatchView['refused'] = [];
  const batchId = ctx.db.transaction(() => {
    const now = ctx.clock.now();
    const id = createBatch(ctx.db, { document: 'SHIPPING_LABEL', printerName: printer.name, station: req.station, packer: req.packer }, now);
    ids.forEach((orderId, seq) => {
      const order = found.get(orderId);
      const code = order ? labelRefusal(order) : 'ORDER_NOT_FOUND';
      if (code) return void refused.push({ orderId, code, message: REFUSAL_MESSAGES[code] ?? `No order ${orderId}.` });
      queueJob(ctx.db, { batchId: id, seq, orderId, document: 'SHIPPING_LABEL', printerName: printer.name, uri: printer.uri, language: printer.language, kind: 'PRINT', resendOf: null, station: req.station, packer: req.packer }, now);
    });
    return id;
  })();
  return runBatch(ctx, batchId, refused);
}

function pause(ctx: CoreContext, batchId: number, err: unknown): void {
  const e = errorOf(err);
  setBatchState(ctx.db, batchId, 'PAUSED', ctx.clock.now(), e.code, e.message);
  ctx.events.emit('print.batch', { batchId, state: 'PAUSED', code: e.code, message: e.message });
}

/** One job of a running batch; false when the batch must pause (the printer failed). */
async function printJob(ctx: CoreContext, printer: SavedPrinter, job: JobView, shared: PrinterTransport | null): Promise<void> {
  const order = job.orderId ? getOrder(ctx.db, job.orderId) : null;
  // The order may have changed since the batch was queued (a cancellation request, say).
  const refusal = order ? labelRefusal(order) : 'ORDER_NOT_FOUND';
  if (!order || refusal) {
    markJob(ctx, job.id, 'FAILED', { errorCode: refusal, errorMessage: REFUSAL_MESSAGES[refusal ?? 'ORDER_NOT_FOUND'] ?? 'Order not found.' });
    return;
  }
  const built = await labelBytes(ctx, order, printer, job.station).catch((err: unknown) => {
    const e = errorOf(err);
    markJob(ctx, job.id, 'FAILED', { errorCode: e.code, errorMessage: e.message });
    return null;
  });
  if (!built) return;
  const transport = shared ?? ctx.printers.openTransport(printer.uri, { name: `${order.id}-job${job.id}`, png: built.png });
  try {
    if (!shared) await transport.open();
    await sendJob(ctx, transport, job.id, built.bytes, 'QUEUED');
  } finally {
    if (!shared) await transport.close().catch(() => {});
  }
}

/**
 * Prints the batch's queued jobs in chunks of 50. A printer error pauses the batch with its
 * code; the job being sent then is UNKNOWN, the rest stay queued for resume.
 */
export async function runBatch(ctx: CoreContext, batchId: number, refused: BatchView['refused'] = []): Promise<BatchView> {
  const view = batchView(ctx.db, batchId) ?? fail('JOB_NOT_FOUND', `No print batch ${batchId}.`);
  setBatchState(ctx.db, batchId, 'RUNNING', ctx.clock.now());
  let shared: PrinterTransport | null = null;
  try {
    const printer = resolvePrinter(ctx, view.printerName, 'SHIPPING_LABEL');
    const perJob = printer.uri.startsWith('preview:');
    for (let chunk = queuedJobsOfBatch(ctx.db, batchId, PRINT_CHUNK); chunk.length > 0; chunk = queuedJobsOfBatch(ctx.db, batchId, PRINT_CHUNK)) {
      if (!perJob && !shared) {
        shared = ctx.printers.openTransport(printer.uri);
        await shared.open();
      }
      if (shared) await checkReady(ctx, printer, shared);
      for (const job of chunk) await printJob(ctx, printer, job, shared);
      const now = batchView(ctx.db, batchId)!;
      ctx.events.emit('progress', { task: 'print', done: now.total - now.queued, total: now.total });
    }
    if (shared) await reportStatusAfter(ctx, printer, shared);
    setBatchState(ctx.db, batchId, 'DONE', ctx.clock.now());
    ctx.events.emit('print.batch', { batchId, state: 'DONE', code: null, message: null });
  } catch (err) {
    if (!codedError(err)) ctx.log.error('Print batch stopped', err);
    pause(ctx, batchId, err);
  } finally {
    await shared?.close().catch(() => {});
  }
  return batchView(ctx.db, batchId, refused)!;
}

export function unknownJobsOfBatch(ctx: CoreContext, batchId: number): number[] {
  return sql(ctx.db, `SELECT id FROM print_jobs WHERE batch_id = ? AND state = 'UNKNOWN' ORDER BY seq`).pluck().all(batchId) as number[];
}
