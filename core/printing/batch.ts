import type { PrinterTransport } from '../../printer/transports/types.js';
import type { CoreContext } from '../api/context.js';
import { codedError } from '../api/coded-error.js';
import { fail } from '../domain/errors.js';
import { decideResume } from '../domain/lease.js';
import { labelRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import { liveOwner } from '../store/leases-repo.js';
import { getOrder, getOrders } from '../store/orders-repo.js';
import { batchOwnership, batchView, claimBatch, createBatch, printsBatch, queuedJobsOfBatch, queueJob, setBatchState } from '../store/print-jobs-repo.js';
import { packagesOfOrder } from '../store/packages-repo.js';
import { awaitsPlatformLabel, labelPackageId, PLATFORM_LABEL_MISSING_MESSAGE } from './documents.js';
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

/** The packages a batch prints a label for: each of a split order's, else the order's one (or none known). */
function labelledPackages(ctx: CoreContext, orderId: string): (string | null)[] {
  const packages = packagesOfOrder(ctx.db, orderId);
  return packages.length > 1 ? packages.map((p) => p.id) : [labelPackageId(ctx, orderId)];
}

/** Thrown inside a job's SENDING step when this program no longer prints the batch. */
class BatchTakenAway extends Error {}

/** Journals every label of the batch, owned by this program, before printing starts; then prints it. */
export async function startBatch(ctx: CoreContext, req: BatchRequest): Promise<BatchView> {
  const printer = resolvePrinter(ctx, req.printerName, 'SHIPPING_LABEL');
  const ids = [...new Set(req.orderIds)];
  const ownerId = ctx.process.lease.ownerId;
  const { batchId, refused } = await ctx.write(() => {
    const now = ctx.clock.now();
    const found = new Map(getOrders(ctx.db, ids).map((o) => [o.id, o]));
    const refused: BatchView['refused'] = [];
    const id = createBatch(ctx.db, { document: 'SHIPPING_LABEL', printerName: printer.name, station: req.station, packer: req.packer, ownerId }, now);
    // Every package of a split order gets its own label; a combined package (several orders, one
    // parcel) gets one, however many of its orders the batch names.
    const queued = new Set<string>();
    let seq = 0;
    for (const orderId of ids) {
      const order = found.get(orderId);
      const code = order ? labelRefusal(order) : 'ORDER_NOT_FOUND';
      if (code) {
        refused.push({ orderId, code, message: REFUSAL_MESSAGES[code] ?? `No order ${orderId}.` });
        continue;
      }
      for (const packageId of labelledPackages(ctx, orderId)) {
        if (packageId !== null && queued.has(packageId)) continue;
        // Skipped, never printed with Packdesk's label: the carrier scans only the platform's.
        if (awaitsPlatformLabel(ctx, orderId, packageId ?? undefined)) {
          refused.push({ orderId, code: 'PLATFORM_LABEL_MISSING', message: PLATFORM_LABEL_MISSING_MESSAGE });
          continue;
        }
        if (packageId !== null) queued.add(packageId);
        queueJob(
          ctx.db,
          {
            batchId: id,
            seq: seq++,
            orderId,
            packageId,
            document: 'SHIPPING_LABEL',
            printerName: printer.name,
            uri: printer.uri,
            language: printer.language,
            kind: 'PRINT',
            resendOf: null,
            station: req.station,
            packer: req.packer,
            ownerId,
          },
          now,
        );
      }
    }
    return { batchId: id, refused };
  });
  return printBatch(ctx, batchId, refused);
}

/**
 * Resumes a paused batch (or one whose program died). A batch a live program is printing — this
 * one or another — is refused with BATCH_RUNNING naming it: two programs printing one batch print
 * labels twice.
 */
export async function resumeBatch(ctx: CoreContext, batchId: number): Promise<BatchView> {
  const me = ctx.process.lease.ownerId;
  const claimed = await ctx.write(() => {
    const batch = batchOwnership(ctx.db, batchId) ?? fail('JOB_NOT_FOUND', `No print batch ${batchId}.`);
    const owner = batch.state === 'RUNNING' ? liveOwner(ctx.db, batch.ownerId, ctx.process.here()) : null;
    if (decideResume({ id: batchId, ...batch }, owner, me) === 'DONE') return false;
    claimBatch(ctx.db, batchId, me, ctx.clock.now());
    return true;
  });
  return claimed ? printBatch(ctx, batchId) : batchView(ctx.db, batchId)!;
}

async function pause(ctx: CoreContext, batchId: number, err: unknown): Promise<void> {
  const e = errorOf(err);
  const paused = await ctx.write(() => setBatchState(ctx.db, batchId, ctx.process.lease.ownerId, 'PAUSED', ctx.clock.now(), e.code, e.message));
  if (paused) ctx.events.emit('print.batch', { batchId, state: 'PAUSED', code: e.code, message: e.message });
}

/** One job of a running batch; a printer failure throws (the batch pauses). */
async function printJob(ctx: CoreContext, printer: SavedPrinter, job: JobView, shared: PrinterTransport | null, batchId: number): Promise<void> {
  const order = job.orderId ? getOrder(ctx.db, job.orderId) : null;
  // The order may have changed since the batch was queued (a cancellation request, say).
  const refusal = order ? labelRefusal(order) : 'ORDER_NOT_FOUND';
  if (!order || refusal) {
    await markJob(ctx, job.id, 'FAILED', { errorCode: refusal, errorMessage: REFUSAL_MESSAGES[refusal ?? 'ORDER_NOT_FOUND'] ?? 'Order not found.' });
    return;
  }
  const built = await labelBytes(ctx, order, printer, job.station, job.packageId ?? undefined).catch(async (err: unknown) => {
    const e = errorOf(err);
    await markJob(ctx, job.id, 'FAILED', { errorCode: e.code, errorMessage: e.message });
    return null;
  });
  if (!built) return;
  const transport = shared ?? ctx.printers.openTransport(printer.uri, { name: `${order.id}-job${job.id}`, png: built.png });
  // Checked in the very transaction that marks the job SENDING: once another program holds the
  // batch (or someone paused it), not one more label leaves from here.
  const stillMine = () => {
    if (!printsBatch(ctx.db, batchId, ctx.process.lease.ownerId)) throw new BatchTakenAway();
  };
  try {
    if (!shared) await transport.open();
    await sendJob(ctx, transport, job.id, built.bytes, 'QUEUED', stillMine);
  } finally {
    if (!shared) await transport.close().catch(() => {});
  }
}

/**
 * Prints the batch's queued jobs in chunks of 50, each job's state changes one small write step
 * (scans go on meanwhile). A printer error pauses the batch with its code; the job being sent
 * then is UNKNOWN, the rest stay queued for resume.
 */
async function printBatch(ctx: CoreContext, batchId: number, refused: BatchView['refused'] = []): Promise<BatchView> {
  const view = batchView(ctx.db, batchId) ?? fail('JOB_NOT_FOUND', `No print batch ${batchId}.`);
  const me = ctx.process.lease.ownerId;
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
      for (const job of chunk) await printJob(ctx, printer, job, shared, batchId);
      const now = batchView(ctx.db, batchId)!;
      ctx.events.emit('progress', { task: 'print', done: now.total - now.queued, total: now.total });
    }
    if (shared) await reportStatusAfter(ctx, printer, shared);
    if (await ctx.write(() => setBatchState(ctx.db, batchId, me, 'DONE', ctx.clock.now()))) {
      ctx.events.emit('print.batch', { batchId, state: 'DONE', code: null, message: null });
    }
  } catch (err) {
    if (!(err instanceof BatchTakenAway)) {
      if (!codedError(err)) ctx.log.error('Print batch stopped', err);
      await pause(ctx, batchId, err);
    }
  } finally {
    await shared?.close().catch(() => {});
  }
  return batchView(ctx.db, batchId, refused)!;
}
