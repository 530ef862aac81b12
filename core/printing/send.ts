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

/**
 * One write step per state change, through the writer: a scan never waits behind a label being
 * sent. `guard` runs inside the same transaction and may refuse the change (a batch taken over).
 */
export async function markJob(
  ctx: CoreContext,
  jobId: number,
  state: JobState,
  extra: Parameters<typeof setJobState>[4] = {},
  guard?: () => void,
): Promise<void> {
  // RETURNING gives what the event needs without reading the job back on every label.
  const job = await ctx.write(() => {
    guard?.();
    return setJobState(ctx.db, jobId, state, ctx.clock.now(), extra);
  });
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
  /** Runs in the SENDING transaction; throwing there sends nothing (see batch.ts). */
  mayStillSend?: () => void,
): Promise<void> {
  // SENDING names this program as the job's owner: only its death makes the job UNKNOWN.
  await markJob(ctx, jobId, 'SENDING', { bytes: bytes.length, ownerId: ctx.process.lease.ownerId }, mayStillSend);
  try {
    await transport.write(bytes);
  } catch (err) {
    const e = errorOf(err);
    await markJob(ctx, jobId, nothingSent(err) ? ifNothingSent : 'UNKNOWN', { errorCode: e.code, errorMessage: e.message });
    throw err;
  }
  await markJob(ctx, jobId, 'SENT');
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
export async function failJob(ctx: CoreContext, jobId: number, err: unknown): Promise<never> {
  const e = errorOf(err);
  await markJob(ctx, jobId, 'FAILED', { errorCode: e.code, errorMessage: e.message });
  throw codedError(err) ?? new PackdeskError(e.code, e.message);
}
