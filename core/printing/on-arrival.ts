/**
 * Platform labels printed as they arrive. A TikTok-shipped package finished at the bench before
 * its label existed leaves a wish (printer, station, packer); once the sync has stored the label,
 * one write step journals the print job and spends the wish together, then the job is sent like
 * any other (print.job events, the job journal, printer checks). A crash after that step leaves a
 * QUEUED job that sent nothing: the next sweep (after a sync cycle, or at start) sends it. A crash
 * before it leaves the wish: the next sweep journals it. Either way the label prints once.
 */
import type { CoreContext } from '../api/context.js';
import { getOrder } from '../store/orders-repo.js';
import { liveOwner } from '../store/leases-repo.js';
import { dropSettledWishes, hasLabelWishes, spendLabelWish, takeOverJob, unsentArrivalJobs, wishesWithLabel } from '../store/label-wishes-repo.js';
import { getJob, queueJob } from '../store/print-jobs-repo.js';
import { codedError } from '../api/coded-error.js';
import { shippingLabelFor } from './documents.js';
import { sendJournaled } from './print-document.js';
import { errorOf, markJob } from './send.js';
import { resolvePrinter } from './printers.js';
import type { JobView, SavedPrinter } from './types.js';

interface ArrivalJob {
  jobId: number;
  packageId: string;
  orderId: string;
}

/** Runs one sweep at a time in this program: two sweeps never send the same job. */
export class ArrivalPrinter {
  private chain: Promise<JobView[]> = Promise.resolve([]);

  constructor(private readonly ctx: CoreContext) {}

  /** Prints every label wished for that is here now; the jobs sent (or tried). */
  sweep(): Promise<JobView[]> {
    const next = this.chain
      .then(() => this.sweepOnce())
      .catch((err: unknown) => {
        if (this.ctx.db.open) this.ctx.log.error('Printing arrived labels failed', err);
        return [];
      });
    this.chain = next;
    return next;
  }

  private async sweepOnce(): Promise<JobView[]> {
    const { ctx } = this;
    if (!ctx.db.open || !hasLabelWishes(ctx.db)) return [];
    const jobs = await ctx.write(() => this.journal());
    const done: JobView[] = [];
    for (const job of jobs) {
      ctx.events.emit('print.job', { jobId: job.jobId, orderId: job.orderId, state: 'QUEUED', batchId: null, errorCode: null });
      done.push(await this.send(job));
    }
    return done;
  }

  /** In one transaction: settled wishes dropped, arrived ones journaled and spent, orphaned jobs taken over. */
  private journal(): ArrivalJob[] {
    const { ctx } = this;
    const me = ctx.process.lease.ownerId;
    const now = ctx.clock.now();
    dropSettledWishes(ctx.db);
    const jobs: ArrivalJob[] = [];
    // A job this sweep's program journaled is sent by the same sweep; one left QUEUED is an orphan
    // (its program died, or was cut off before sending): nothing of it went out.
    for (const j of unsentArrivalJobs(ctx.db)) {
      if (j.ownerId !== me && liveOwner(ctx.db, j.ownerId, ctx.process.here())) continue;
      takeOverJob(ctx.db, j.jobId, me, now);
      jobs.push(j);
    }
    for (const w of wishesWithLabel(ctx.db)) {
      let printer: SavedPrinter;
      try {
        printer = resolvePrinter(ctx, w.printerName, 'SHIPPING_LABEL');
      } catch (err) {
        // The printer was removed since: the wish waits; Reprint prints the label meanwhile.
        if (!codedError(err)) throw err;
        continue;
      }
      const jobId = queueJob(
        ctx.db,
        {
          batchId: null,
          seq: 0,
          orderId: w.orderId,
          packageId: w.packageId,
          document: 'SHIPPING_LABEL',
          printerName: printer.name,
          uri: printer.uri,
          language: printer.language,
          kind: 'PRINT',
          resendOf: null,
          station: w.station,
          packer: w.packer,
          ownerId: me,
        },
        now,
      );
      spendLabelWish(ctx.db, w.packageId, jobId);
      jobs.push({ jobId, packageId: w.packageId, orderId: w.orderId });
    }
    return jobs;
  }

  private async send(job: ArrivalJob): Promise<JobView> {
    const { ctx } = this;
    const journaled = getJob(ctx.db, job.jobId)!;
    const order = getOrder(ctx.db, job.orderId);
    try {
      const printer = resolvePrinter(ctx, journaled.printerName, 'SHIPPING_LABEL');
      return await sendJournaled(
        ctx,
        {
          document: 'SHIPPING_LABEL',
          printer,
          build: async () => [await shippingLabelFor(ctx, order ?? missingOrder(job.orderId), printer, journaled.station, job.packageId)],
          kind: 'PRINT',
          orderId: job.orderId,
          packageId: job.packageId,
          name: job.orderId,
          station: journaled.station,
          packer: journaled.packer,
        },
        job.jobId,
      );
    } catch (err) {
      // The failure is on the job (FAILED, or UNKNOWN once bytes flowed): the screens show it.
      if (!codedError(err)) ctx.log.error('An arrived label did not print', err);
      // Failed before it was sent (its printer removed meanwhile): said on the job, not retried.
      if (getJob(ctx.db, job.jobId)?.state === 'QUEUED') {
        const e = errorOf(err);
        await markJob(ctx, job.jobId, 'FAILED', { errorCode: e.code, errorMessage: e.message });
      }
      return getJob(ctx.db, job.jobId)!;
    }
  }
}

function missingOrder(orderId: string): never {
  throw new Error(`Order ${orderId} is gone.`);
}
