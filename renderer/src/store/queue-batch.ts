import type { ArrangeResult, PickListWaves } from '../../../core/api/views.js';
import type { BatchView, JobView } from '../../../core/printing/types.js';
import { detailsOf, errorCodeOf, type Api, type ErrorCode, type Events } from './api.js';
import type { PackdeskState, SliceCreator } from './types.js';

export type QueueBatchAction = 'pickList' | 'printA4' | 'labels' | 'arrange';

/** One order the core would not, or could not, do: its code is the core's, shown from the catalogue. */
export interface OrderFailure {
  orderId: string;
  code: string;
}

export type QueueOutcome =
  | { kind: 'pickList'; job: JobView }
  | { kind: 'printA4'; waves: number }
  | { kind: 'labels'; batch: BatchView; refused: OrderFailure[]; failed: OrderFailure[]; unknown: OrderFailure[] }
  | { kind: 'arrange'; result: ArrangeResult };

/** The batch action the packer started last: what it is doing, then what came of it. */
export interface QueueBatch {
  action: QueueBatchAction;
  orderCount: number;
  running: boolean;
  /** From the core's 'progress' events; null until the first one (or for work that sends none). */
  progress: { done: number; total: number } | null;
  outcome: QueueOutcome | null;
  /** The call itself failed (no printer, link down): nothing was done for any order. */
  error: ErrorCode | null;
  /** What the core said with the failure (BATCH_RUNNING: which program prints the batch). */
  errorDetails?: unknown;
}

/** The A4 pick list, as the core built it, waiting for the browser's print. */
export interface QueuePrintout {
  waves: PickListWaves['waves'];
  builtAt: number;
  station: string;
}

export interface BatchOptions {
  /** Single-item orders picked first and apart (they can be packed straight from the cart). */
  singleItemFirst?: boolean;
  /** Arrange shipment before packing (large sellers do, to get labels early). */
  allowUnpacked?: boolean;
}

export interface QueueBatchActions {
  queuePrintPickList(options?: BatchOptions): Promise<void>;
  queuePrintA4(options?: BatchOptions): Promise<void>;
  queuePrintLabels(): Promise<void>;
  /** Carries on a paused label batch once the printer is fixed. */
  queueResumeLabels(): Promise<void>;
  queueArrange(options?: BatchOptions): Promise<void>;
  queueClosePrintout(): void;
  queueDismissBatch(): void;
}

/** The platform prints 50 labels at once; a pick-list wave is the same 50 orders. */
export const WAVE_SIZE = 50;

type Progress = Events['progress']['task'];
type SetState = Parameters<SliceCreator<QueueBatchActions>>[0];

/** A label or pick list the core queued but did not print: to the packer, the action failed. */
class JobNotPrinted extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * The batch actions of the pick queue. `deselect` takes orders out of the selection (and out of
 * what a later shift-click range adds to) once they have left the queue.
 */
export function createQueueBatchActions(api: Api, set: SetState, get: () => PackdeskState, deselect: (orderIds: readonly string[]) => void): QueueBatchActions {
  const patchQueue = (p: Partial<PackdeskState['queue']>) => set((s) => ({ queue: { ...s.queue, ...p } }));
  const patchBatch = (p: Partial<QueueBatch>) => set((s) => ({ queue: { ...s.queue, batch: s.queue.batch && { ...s.queue.batch, ...p } } }));
  const who = () => ({ station: get().settings.station, packer: get().settings.packer });
  const selectedIds = () => [...get().queue.selection.ids];

  /**
   * Runs one batch action over the selection, showing the core's progress events for its task
   * while the call is out. One batch at a time: the buttons wait for the last one.
   */
  async function run(action: QueueBatchAction, task: Progress | null, orderCount: number, work: () => Promise<QueueOutcome>) {
    if (get().queue.batch?.running || orderCount === 0) return;
    patchQueue({ batch: { action, orderCount, running: true, progress: null, outcome: null, error: null } });
    // Progress events carry no batch id: while this call is out, those of its task are its own.
    const off = task ? api.on('progress', (e) => e.task === task && patchBatch({ progress: { done: e.done, total: e.total } })) : null;
    try {
      patchBatch({ outcome: await work(), running: false });
    } catch (err) {
      patchBatch({ error: errorCodeOf(err), errorDetails: detailsOf(err), running: false });
    } finally {
      off?.();
    }
  }

  /** Labels that failed or whose outcome is unknown, order by order (the batch only counts them). */
  async function jobProblems(batch: BatchView): Promise<{ failed: OrderFailure[]; unknown: OrderFailure[] }> {
    const problems = async (state: 'FAILED' | 'UNKNOWN', count: number, fallback: string) => {
      if (count === 0) return [];
      try {
        const jobs = await api.call('printing.jobs', { batchId: batch.id, state, limit: 1000 });
        return jobs.filter((j) => j.orderId !== null).map((j) => ({ orderId: j.orderId!, code: j.errorCode ?? fallback }));
      } catch {
        return []; // The counts are still shown; the list is a convenience.
      }
    };
    const [failed, unknown] = await Promise.all([problems('FAILED', batch.failed, 'INTERNAL'), problems('UNKNOWN', batch.unknown, 'JOB_OUTCOME_UNKNOWN')]);
    return { failed, unknown };
  }

  async function labelsOutcome(batch: BatchView, refused: OrderFailure[]): Promise<QueueOutcome> {
    return { kind: 'labels', batch, refused, ...(await jobProblems(batch)) };
  }

  return {
    queuePrintPickList(options = {}) {
      const orderIds = selectedIds();
      return run('pickList', null, orderIds.length, async () => {
        const job = await api.call('printing.pickList', { orderIds, singleItemFirst: options.singleItemFirst ?? false, ...who() });
        // A job that did not print is the call failing, as the packer sees it.
        if (job.state === 'FAILED' || job.state === 'UNKNOWN') {
          throw new JobNotPrinted(job.errorCode ?? (job.state === 'UNKNOWN' ? 'JOB_OUTCOME_UNKNOWN' : 'INTERNAL'));
        }
        return { kind: 'pickList', job };
      });
    },

    queuePrintA4(options = {}) {
      const orderIds = selectedIds();
      return run('printA4', null, orderIds.length, async () => {
        const { waves } = await api.call('picklist.build', { orderIds, singleItemFirst: options.singleItemFirst ?? false, waveSize: WAVE_SIZE });
        patchQueue({ printout: { waves, builtAt: Date.now(), station: get().settings.station } });
        return { kind: 'printA4', waves: waves.length };
      });
    },

    queuePrintLabels() {
      const orderIds = selectedIds();
      return run('labels', 'print', orderIds.length, async () => {
        const batch = await api.call('printing.batch', { orderIds, ...who() });
        return labelsOutcome(
          batch,
          batch.refused.map(({ orderId, code }) => ({ orderId, code })),
        );
      });
    },

    async queueResumeLabels() {
      const last = get().queue.batch;
      if (last?.outcome?.kind !== 'labels' || last.outcome.batch.state !== 'PAUSED') return;
      const { batch: paused, refused } = last.outcome;
      // A resumed batch answers without the orders refused at the start: keep them on screen.
      await run('labels', 'print', last.orderCount, async () => labelsOutcome(await api.call('printing.resume', { batchId: paused.id }), refused));
    },

    queueArrange(options = {}) {
      const orderIds = selectedIds();
      return run('arrange', 'arrange', orderIds.length, async () => {
        const result = await api.call('shipping.arrange', { orderIds, allowUnpacked: options.allowUnpacked ?? false });
        // Arranged orders leave the queue: they are no longer the packer's to select.
        deselect(result.arranged);
        return { kind: 'arrange', result };
      });
    },

    queueClosePrintout() {
      patchQueue({ printout: null });
    },

    queueDismissBatch() {
      if (!get().queue.batch?.running) patchQueue({ batch: null });
    },
  };
}
