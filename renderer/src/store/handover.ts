import type { HandoverBatchView, HandoverVerdict, HandoverVerdictCode } from '../../../core/api/views.js';
import { newScanId } from '../scanner/scan.js';
import { errorCodeOf, type Api, type ErrorCode, type InputArg } from './api.js';
import type { SliceCreator } from './types.js';

export type HandoverMethod = InputArg<'handover.open'>['method'];

/** One parcel scanned at the handover and what the core said about it. */
export interface HandoverScan {
  /** Made on this side, once per physical scan: the key of its row. */
  scanId: string;
  code: string;
  verdict: HandoverVerdictCode;
  ok: boolean;
  orderId: string | null;
}

export type HandoverAction = 'open' | 'scan' | 'close' | 'load' | 'arrange';

export interface HandoverFailure {
  seq: number;
  action: HandoverAction;
  code: ErrorCode;
}

export interface Handover {
  /** The batch being scanned, or the one just closed (closedAt set, heldBack filled). */
  batch: HandoverBatchView | null;
  /** Parcels in the batch, as the core last counted them. */
  count: number;
  last: HandoverScan | null;
  /** Parcels refused since the batch opened, newest first: each is to be set aside. */
  rejected: HandoverScan[];
  /** Scans sent and not yet answered. */
  busy: boolean;
  failure: HandoverFailure | null;
  /**
   * The last parcel scanned was packed but its shipment not arranged: Enter arranges it and scans
   * it again. Only that parcel, and only until the next scan.
   */
  arrangeOffer: { orderId: string; code: string; arranging: boolean } | null;
}

export interface HandoverSlice {
  handover: Handover;
  openHandover(method: HandoverMethod, carrier: string): Promise<void>;
  scanParcel(scan: { scanId: string; code: string }): Promise<HandoverVerdict | null>;
  closeHandover(): Promise<void>;
  /** Arranges shipment for the parcel on offer (arrangeOffer) and, once arranged, adds it to the batch. */
  arrangeOfferedParcel(): Promise<void>;
  /** Leaves a closed batch's summary for a fresh setup. */
  startNewHandover(): void;
  dismissHandoverFailure(): void;
}

/** More refused parcels than this are not on the bench at once; the oldest drop off the list. */
export const REJECTED_SIZE = 50;

const emptyHandover = (): Handover => ({ batch: null, count: 0, last: null, rejected: [], busy: false, failure: null, arrangeOffer: null });

/** The same parcel refused twice is one parcel to set aside: it is named by its order when known. */
const parcelKey = (s: Pick<HandoverScan, 'orderId' | 'code'>) => s.orderId ?? `code:${s.code}`;

export function createHandoverSlice(api: Api): SliceCreator<HandoverSlice> {
  return (set, get) => {
    // Scans and the close go to the core one at a time, in the order they were made: a parcel
    // scanned just before "close" is in the batch that closes.
    let chain: Promise<unknown> = Promise.resolve();
    let inFlight = 0;
    let failureSeq = 0;

    const patch = (p: Partial<Handover>) => set((s) => ({ handover: { ...s.handover, ...p } }));
    const fail = (action: HandoverAction, err: unknown) => patch({ failure: { seq: ++failureSeq, action, code: errorCodeOf(err) } });
    const openBatchId = () => {
      const b = get().handover.batch;
      return b && b.closedAt === null ? b.id : null;
    };

    function enqueue<T>(task: () => Promise<T>): Promise<T> {
      inFlight += 1;
      patch({ busy: true });
      const run = chain.then(task);
      chain = run.catch(() => undefined);
      return run.finally(() => {
        inFlight -= 1;
        if (inFlight === 0) patch({ busy: false });
      });
    }

    /** The batch as the core has it now, unless the packer has moved on to another one meanwhile. */
    async function reload(batchId: number) {
      try {
        const batch = await api.call('handover.get', { batchId });
        if (get().handover.batch?.id === batchId) patch({ batch, count: batch.parcels.length });
      } catch (err) {
        fail('load', err);
      }
    }

    async function sendScan(batchId: number, scan: { scanId: string; code: string }): Promise<HandoverVerdict | null> {
      let verdict: HandoverVerdict;
      try {
        verdict = await api.call('handover.scan', { batchId, code: scan.code });
      } catch (err) {
        fail('scan', err);
        return null;
      }
      if (get().handover.batch?.id !== batchId) return verdict;
      const entry: HandoverScan = { scanId: scan.scanId, code: scan.code, verdict: verdict.code, ok: verdict.ok, orderId: verdict.orderId };
      const others = get().handover.rejected.filter((r) => parcelKey(r) !== parcelKey(entry));
      // A duplicate scan is a parcel that does belong: it stays in the batch list, not with the refused.
      const refused = !verdict.ok && verdict.code !== 'PARCEL_ALREADY_IN_BATCH';
      const rejected = refused ? [entry, ...others].slice(0, REJECTED_SIZE) : others;
      const arrangeOffer = verdict.code === 'PARCEL_NOT_ARRANGED' && verdict.orderId ? { orderId: verdict.orderId, code: scan.code, arranging: false } : null;
      patch({ last: entry, rejected, count: verdict.count, arrangeOffer });
      if (verdict.code === 'PARCEL_ADDED') await reload(batchId);
      return verdict;
    }

    return {
      handover: emptyHandover(),

      async openHandover(method, carrier) {
        try {
          const batch = await api.call('handover.open', { station: get().settings.station, method, carrier: carrier.trim() });
          patch({ ...emptyHandover(), batch, count: batch.parcels.length });
        } catch (err) {
          fail('open', err);
        }
      },

      scanParcel(scan) {
        const batchId = openBatchId();
        if (batchId === null) return Promise.resolve(null);
        // Another parcel in hand: the offer to arrange the last one is gone.
        if (get().handover.arrangeOffer) patch({ arrangeOffer: null });
        return enqueue(() => sendScan(batchId, scan));
      },

      closeHandover() {
        const batchId = openBatchId();
        if (batchId === null) return Promise.resolve();
        return enqueue(async () => {
          try {
            const batch = await api.call('handover.close', { batchId });
            if (get().handover.batch?.id === batchId) patch({ batch, count: batch.parcels.length, failure: null });
          } catch (err) {
            fail('close', err);
          }
        });
      },

      arrangeOfferedParcel() {
        const batchId = openBatchId();
        const offer = get().handover.arrangeOffer;
        if (batchId === null || !offer || offer.arranging) return Promise.resolve();
        patch({ arrangeOffer: { ...offer, arranging: true } });
        return enqueue(async () => {
          try {
            const result = await api.call('shipping.arrange', { orderIds: [offer.orderId] });
            const failed = result.failed.find((f) => f.orderId === offer.orderId);
            if (failed || !result.arranged.includes(offer.orderId)) {
              patch({ failure: { seq: ++failureSeq, action: 'arrange', code: failed?.code ?? 'INTERNAL' } });
              if (get().handover.arrangeOffer?.orderId === offer.orderId) patch({ arrangeOffer: { ...offer, arranging: false } });
              return;
            }
          } catch (err) {
            fail('arrange', err);
            if (get().handover.arrangeOffer?.orderId === offer.orderId) patch({ arrangeOffer: { ...offer, arranging: false } });
            return;
          }
          // Arranged: the parcel is scanned again, as if the packer had, and the core decides it.
          await sendScan(batchId, { scanId: newScanId(), code: offer.code });
        });
      },

      startNewHandover() {
        if (openBatchId() === null) patch(emptyHandover());
      },

      dismissHandoverFailure() {
        patch({ failure: null });
      },
    };
  };
}
