import type { PrinterTransport } from '../../printer/transports/types.js';
import type { CoreContext } from '../api/context.js';
import { codedError } from '../api/coded-error.js';
import { PackdeskError, type ErrorCode } from '../domain/errors.js';
import { setJobState } from '../store/print-jobs-repo.js';
import type { JobState } from './types.js';

export function errorOf(err: unknown): { code: ErrorCode; message: string } {
  const coded = codedError(err);
  if (coded) return { code: coded.code, message: coded.message };
  return { code: 'INTERNAL', message: String((err as Error)?.message ?? err) };
}

export function markJob(ctx: CoreContext, jobId: number, state: JobState, extra: Parameters<typeof setJobState>[4] = {}): void {
  // RETURNING gives what the event needs without reading the job back on every label.
  const job = setJobState(ctx.db, jobId, state, ctx.clock.now(), extra);
  ctx.events.emit('print.job', { jobId, orderId: job.orderId, state, batchId: job.batchId, errorCode: job.errorCode });
}

/**
 * Sends one journaled job's bytes. SENDING is committed before the first byte leaves, so after a
 * crash the job shows as outcome unknown. A failure once bytes started flowing is UNKNOWN too:
 * part of the label may have printed, and only the packer can tell.
 */
export async function sendJob(
  ctx: CoreContext,
  transport: PrinterTransport,
  jobId: number,
  bytes: Uint8Array,
  ifNothingSent: 'QUEUED' | 'FAILED' = 'FAILED',
): Promise<void> {
  markJob(ctx, jobId, 'SENDING', { bytes: bytes.length });
  try {
    await transport.write(bytes);
  } catch (err) {
    const e = errorOf(err);
    markJob(ctx, jobId, nothingSent(err) ? ifNothingSent : 'UNKNOWN', { errorCode: e.code, errorMessage: e.message });
    throw err;
  }
  markJob(ctx, jobId, 'SENT');
}

/**
 * Certain that no byte left: the printer could not be reached and the transport handed it
 * nothing. A timeout is never certain: the write it gave up on may still complete in the OS
 * (a device file or pipe delivers it once the printer reads again).
 */
function nothingSent(err: unknown): boolean {
  const coded = codedError(err);
  if (!coded) return false;
  if (coded.code !== 'PRINTER_OFFLINE' && coded.code !== 'PRINTER_NOT_FOUND') return false;
  return (coded.details as { bytesSent?: unknown } | undefined)?.bytesSent === 0;
}

/** Nothing was sent: the job failed cleanly with the reason. */
export function failJob(ctx: CoreContext, jobId: number, err: unknown): never {
  const e = errorOf(err);
  markJob(ctx, jobId, 'FAILED', { errorCode: e.code, errorMessage: e.message });
  throw codedError(err) ?? new PackdeskError(e.code, e.message);
}
