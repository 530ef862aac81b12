import type { Label } from '../../printer/label/model.js';
import { printReceipt } from '../../printer/receipts/receipt.js';
import type { Receipt } from '../../printer/receipts/types.js';
import type { CoreContext } from '../api/context.js';
import { getJob, queueJob } from '../store/print-jobs-repo.js';
import { encodeLabel, labelPng } from './documents.js';
import { profileOf } from './printers.js';
import { failJob, sendJob } from './send.js';
import { checkReady, reportStatusAfter } from './status.js';
import type { DocumentKind, JobKind, JobView, SavedPrinter } from './types.js';

export interface DocumentJob {
  document: DocumentKind;
  printer: SavedPrinter;
  /**
   * The labels sent as one job (a pick list across several labels, SKU label copies), built
   * after the job is journaled so that a label that cannot be built is a FAILED job, not a lost one.
   */
  build: () => readonly Label[] | Promise<readonly Label[]>;
  /** The same document as a receipt, for a receipt printer (printed as text); labels otherwise. */
  receipt?: () => Receipt;
  kind: JobKind;
  resendOf?: number | null;
  orderId?: string | null;
  /** The package whose label this is, kept on the job: "already printed" is a package's fact. */
  packageId?: string | null;
  name: string;
  station: string;
  packer: string;
}

/** Journals, checks the printer, sends, and reports the printer's state after: any document. */
export async function printDocument(ctx: CoreContext, job: DocumentJob): Promise<JobView> {
  const { printer } = job;
  const jobId = await ctx.write(() =>
    queueJob(
      ctx.db,
      {
        batchId: null,
        seq: 0,
        orderId: job.orderId ?? null,
        packageId: job.packageId ?? null,
        document: job.document,
        printerName: printer.name,
        uri: printer.uri,
        language: printer.language,
        kind: job.kind,
        resendOf: job.resendOf ?? null,
        station: job.station,
        packer: job.packer,
        ownerId: ctx.process.lease.ownerId,
      },
      ctx.clock.now(),
    ),
  );
  ctx.events.emit('print.job', { jobId, orderId: job.orderId ?? null, state: 'QUEUED', batchId: null, errorCode: null });
  return sendJournaled(ctx, job, jobId);
}

/** Builds, checks the printer and sends a job already in the journal (QUEUED). */
export async function sendJournaled(ctx: CoreContext, job: DocumentJob, jobId: number): Promise<JobView> {
  const { printer } = job;
  if (printer.options.receipt && job.receipt) return printReceiptJob(ctx, { ...job, receipt: job.receipt }, printer.options.receipt, jobId);
  const profile = profileOf(printer);
  let bytes: Uint8Array;
  let png: Uint8Array | undefined;
  try {
    const labels = await job.build();
    bytes = Buffer.concat(labels.map((l) => encodeLabel(l, profile)));
    if (printer.uri.startsWith('preview:') && labels[0]) png = labelPng(labels[0], profile);
  } catch (err) {
    return failJob(ctx, jobId, err);
  }
  const transport = ctx.printers.openTransport(printer.uri, { name: `${job.name}-job${jobId}`, png });
  try {
    try {
      await transport.open();
      await checkReady(ctx, printer, transport);
    } catch (err) {
      return await failJob(ctx, jobId, err);
    }
    await sendJob(ctx, transport, jobId, bytes);
    await reportStatusAfter(ctx, printer, transport);
  } finally {
    await transport.close().catch(() => {});
  }
  return getJob(ctx.db, jobId)!;
}

/**
 * A receipt through node-thermal-printer, whose interface is this job's transport: the bytes it
 * builds go out through sendJob, journaled like any label (SENDING before the first byte).
 */
async function printReceiptJob(
  ctx: CoreContext,
  job: DocumentJob & { receipt: () => Receipt },
  receipt: NonNullable<SavedPrinter['options']['receipt']>,
  jobId: number,
): Promise<JobView> {
  let document: Receipt;
  try {
    document = job.receipt();
  } catch (err) {
    return await failJob(ctx, jobId, err);
  }
  const transport = ctx.printers.openTransport(job.printer.uri, { name: `${job.name}-job${jobId}` });
  try {
    try {
      await transport.open();
      await checkReady(ctx, job.printer, transport);
    } catch (err) {
      return await failJob(ctx, jobId, err);
    }
    await printReceipt(document, receipt, (bytes) => sendJob(ctx, transport, jobId, bytes));
    await reportStatusAfter(ctx, job.printer, transport);
  } finally {
    await transport.close().catch(() => {});
  }
  return getJob(ctx.db, jobId)!;
}
