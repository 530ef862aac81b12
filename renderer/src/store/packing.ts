import type { OrderView, ScanVerdict } from '../../../core/api/views.js';
import type { ScanVerdictCode } from '../../../core/domain/packing.js';
import type { JobView } from '../../../core/printing/types.js';
import { newScanId } from '../scanner/scan.js';
import { errorCodeOf, isLinkError, type Api, type ErrorCode } from './api.js';
import { finishNotice, jobFailure, type FinishNotice } from './pack-finish.js';
import { isParcelNews, packageOnBench } from './parcel.js';
import type { PackdeskState, SliceCreator } from './types.js';

/** One physical scan: the id is made once on this side so a resent message counts once. */
export interface ScanRequest {
  scanId: string;
  code: string;
}

/** A scan the station has not judged yet (no answer, or no link), in the order it was made. */
export interface KeptScan extends ScanRequest {
  seq: number;
}

/** Orders the packer must put aside and confirm having seen (DESIGN: never pack them unseen). */
export const BLOCKING_CODES = ['ORDER_ON_HOLD', 'ORDER_CANCEL_REQUESTED'] as const;
export type BlockingCode = (typeof BLOCKING_CODES)[number];

export interface PackingBlock {
  code: BlockingCode;
  orderId: string | null;
}

export interface ScanHistoryEntry {
  scanId: string;
  scannedCode: string;
  verdict: ScanVerdictCode;
  ok: boolean;
  orderId: string | null;
  undone: boolean;
}

export type PackAction = 'scan' | 'undo' | 'reprint' | 'finish' | 'shortPack' | 'packingSlip';

/** The outcome of the last thing the packer asked for, for the screen to say in words. */
export type PackNotice = { seq: number; action: PackAction; orderId: string | null } & (
  | { kind: 'done'; printer: string | null }
  /** `partial`: a label cut off mid-send, which may have come out in part. */
  | { kind: 'failed'; code: ErrorCode; partial?: boolean }
  /** packing.finish: what came of the label and of the shipment, each in its own words. */
  | { kind: 'finished'; finish: FinishNotice }
);

/** The label of the order just finished, as the core draws it (printing.preview), for a thumbnail. */
export interface LabelThumbnail {
  orderId: string;
  /** The package whose label it is (a split order's, or a combined package's); undefined: the order's. */
  packageId?: string | undefined;
  png: string;
  widthDots: number;
  heightDots: number;
}

export interface Packing {
  /** The order open at this station, as the core last described it. */
  order: OrderView | null;
  lastVerdict: ScanVerdict | null;
  /** Newest first, at most HISTORY_SIZE. */
  history: ScanHistoryEntry[];
  /** Scans sent and not yet answered. */
  busy: boolean;
  /**
   * Scans that did not reach the station, oldest first: sent again, in order, once it answers
   * (the core counts a scan id once, so one that did arrive is not counted twice).
   */
  kept: KeptScan[];
  /** Scans sent to the station and not answered yet (kept too, in effect, if it has stopped answering). */
  awaiting: number;
  block: PackingBlock | null;
  notice: PackNotice | null;
  /**
   * The last scanner burst was cut short and never reached the core (a number per such burst,
   * so two in a row each show); cleared by the next verdict.
   */
  incompleteScan: number | null;
  /** The finished order's label; null until it has been drawn (or when it cannot be). */
  label: LabelThumbnail | null;
}

export interface PackingSlice {
  packing: Packing;
  loadCurrentOrder(): Promise<void>;
  /** Sends a scan in its turn, or keeps it while the station is not answering. */
  scan(request: ScanRequest): Promise<void>;
  /** Opens an order at this station as scanning its id would (from the queue). */
  openOrder(orderId: string): Promise<void>;
  undoLastScan(): Promise<void>;
  /** Reprints the label of the order the packer is looking at (see reprintTarget). */
  reprintLabel(): Promise<void>;
  /** Prints the packing slip of that order (on a receipt printer as text, else as a label). */
  printPackingSlip(): Promise<void>;
  shortPack(reason: string): Promise<void>;
  acknowledgeBlock(): void;
  dismissNotice(): void;
  scanIncomplete(): void;
  packingOnOrdersChanged(orderIds: readonly string[]): void;
  /** The station answers again (or the link is back): old notices go, kept scans are sent. */
  packingOnLinkBack(): void;
}

/** What fits under the buttons at 1366×768 without scrolling. */
export const HISTORY_SIZE = 8;

function isBlocking(code: string | null): code is BlockingCode {
  return code !== null && (BLOCKING_CODES as readonly string[]).includes(code);
}

const blockKey = (b: PackingBlock): string => `${b.orderId ?? ''}:${b.code}`;

/**
 * The order F8 (reprint) and the packing slip are for: one just scanned that was packed already
 * ("Already packed … F8 reprints") — it is not reopened, so it is not the open order — else the
 * order on the bench.
 */
export function reprintTarget(p: Pick<Packing, 'order' | 'lastVerdict'>): string | null {
  const v = p.lastVerdict;
  if (v?.code === 'ORDER_ALREADY_PACKED' && v.orderId) return v.orderId;
  return p.order?.id ?? null;
}

/**
 * The package F8 and the thumbnail are for, when the order has several (or its package holds
 * several orders): the one on the bench. Undefined otherwise, so the core's own default stands.
 */
export function benchPackageId(order: OrderView | null): string | undefined {
  const pkg = packageOnBench(order);
  return pkg && isParcelNews(order, pkg) ? pkg.id : undefined;
}

/** F8's package: the bench's, when F8 is for the order on the bench. */
function reprintPackageId(p: Pick<Packing, 'order' | 'lastVerdict'>): string | undefined {
  const orderId = reprintTarget(p);
  if (orderId && orderId === p.order?.id) return benchPackageId(p.order);
  const v = p.lastVerdict;
  return v?.order && v.order.id === orderId ? benchPackageId(v.order) : undefined;
}

/** How many times a scan is sent in all when another program keeps the database busy (the core waits 3 s each time). */
const BUSY_TRIES = 3;

export function createPackingSlice(api: Api): SliceCreator<PackingSlice> {
  return (set, get) => {
    // Scans go to the core one at a time, in the order the scanner sent them: a second item
    // scanned while the first is being checked must not overtake it.
    let chain: Promise<unknown> = Promise.resolve();
    let inFlight = 0;
    let noticeSeq = 0;
    let incompleteSeq = 0;
    let scanSeq = 0;
    let flushing = false;
    // Blocks the packer has confirmed; a refresh of the same order must not raise them again.
    const acknowledged = new Set<string>();

    const patch = (p: Partial<Packing>) => set((s) => ({ packing: { ...s.packing, ...p } }));
    const notify = (n: DistributiveOmit<PackNotice, 'seq'>) => patch({ notice: { ...n, seq: ++noticeSeq } as PackNotice });
    const who = () => ({ station: get().settings.station, packer: get().settings.packer });

    /** Shows the order as the core returned it, raising the banner if it must not be packed. */
    function showOrder(order: OrderView | null) {
      const shown = get().packing.order;
      // Answers can cross (a refresh sent before a scan, answered after it): never step back.
      if (order && shown && order.id === shown.id && order.version < shown.version) return;
      const refusal = order?.packRefusal ?? null;
      const block = isBlocking(refusal) && order ? { code: refusal, orderId: order.id } : null;
      const raise = block !== null && !acknowledged.has(blockKey(block));
      patch({ order, ...(raise ? { block } : {}) });
    }

    function recordVerdict(verdict: ScanVerdict) {
      const s = get().packing;
      const entry: ScanHistoryEntry = {
        scanId: verdict.scanId,
        scannedCode: verdict.scannedCode,
        verdict: verdict.code,
        ok: verdict.ok,
        orderId: verdict.orderId,
        undone: false,
      };
      const history = [entry, ...s.history.filter((h) => h.scanId !== verdict.scanId)].slice(0, HISTORY_SIZE);
      // A refused order is not opened by the core: keep showing the one that is open.
      const showsOpenOrder = verdict.ok || (verdict.order !== null && verdict.order.id === s.order?.id);
      const order = showsOpenOrder ? verdict.order : s.order;
      const block = isBlocking(verdict.code) ? { code: verdict.code, orderId: verdict.orderId } : s.block;
      // A new order on the bench: what was said about the last one, and its label, are old news.
      const opened = verdict.code === 'ORDER_OPENED';
      patch({ lastVerdict: verdict, history, order, block, incompleteScan: null, notice: opened ? null : s.notice, label: opened ? null : s.label });
    }

    const linkUp = () => get().status.connected && get().status.answering;

    function keep(scan: KeptScan) {
      const kept = [...get().packing.kept.filter((k) => k.scanId !== scan.scanId), scan].sort((a, b) => a.seq - b.seq);
      patch({ kept });
    }

    /** Sends one scan; a scan the station never judged is kept (and false returned) to be sent again. */
    async function sendScan(scan: KeptScan): Promise<boolean> {
      patch({ awaiting: get().packing.awaiting + 1 });
      try {
        const verdict = await callScan(scan);
        recordVerdict(verdict);
        if (verdict.code === 'ORDER_COMPLETE' && verdict.orderId && !verdict.replayed) {
          void finishOrder(verdict.orderId, benchPackageId(verdict.order));
        }
        return true;
      } catch (err) {
        const code = errorCodeOf(err);
        if (isLinkError(code)) {
          keep(scan);
          return false;
        }
        notify({ kind: 'failed', action: 'scan', code, orderId: null });
        return true;
      } finally {
        patch({ awaiting: get().packing.awaiting - 1 });
      }
    }

    /**
     * packing.scan, sent again quietly (same scan id, so it counts once) while another Packdesk
     * program keeps the database busy; only the last DATABASE_BUSY reaches the packer.
     */
    async function callScan(scan: KeptScan): Promise<ScanVerdict> {
      for (let tries = 1; ; tries++) {
        try {
          return await api.call('packing.scan', { ...who(), scanId: scan.scanId, code: scan.code, singleItemMode: get().settings.singleItemMode });
        } catch (err) {
          if (errorCodeOf(err) !== 'DATABASE_BUSY' || tries >= BUSY_TRIES) throw err;
        }
      }
    }

    /** Runs `work` after the scans before it, showing "busy" meanwhile. */
    function inTurn<T>(work: () => Promise<T>): Promise<T> {
      inFlight += 1;
      // Queued before the store changes, so the scan is sent before the screen re-renders for "busy".
      const run = chain.then(work);
      chain = run.catch(() => {});
      patch({ busy: true });
      return run.finally(() => {
        inFlight -= 1;
        if (inFlight === 0) patch({ busy: false });
      });
    }

    /** Sends the kept scans oldest first, each after the last is judged, while the station answers. */
    function sendKept() {
      if (flushing) return;
      flushing = true;
      void inTurn(async () => {
        while (linkUp()) {
          const [next, ...rest] = get().packing.kept;
          if (!next) break;
          patch({ kept: rest });
          if (!(await sendScan(next))) break;
        }
      }).finally(() => {
        flushing = false;
      });
    }

    /**
     * After the last item: the core prints the label and arranges shipment as the shop's rule says
     * (packing.finish); then the label is drawn for the thumbnail beside "Scan the next order".
     */
    async function finishOrder(orderId: string, packageId: string | undefined) {
      try {
        const result = await api.call('packing.finish', { ...who(), orderId, ...(packageId ? { packageId } : {}) });
        const finish = finishNotice(result);
        if (finish) notify({ kind: 'finished', action: 'finish', orderId, finish });
        // The packer may have opened the next order meanwhile: that one stays on the bench.
        if (get().packing.order?.id === orderId) showOrder(result.order);
      } catch (err) {
        notify({ kind: 'failed', action: 'finish', code: errorCodeOf(err), orderId });
      }
      await loadLabel(orderId, packageId);
    }

    async function loadLabel(orderId: string, packageId: string | undefined) {
      try {
        const preview = await api.call('printing.preview', { orderId, ...(packageId ? { packageId } : {}), station: get().settings.station });
        if (get().packing.order?.id === orderId)
          patch({ label: { orderId, packageId, png: preview.png, widthDots: preview.widthDots, heightDots: preview.heightDots } });
      } catch {
        // No thumbnail is no loss: the label itself went to the printer (or its notice says why not).
      }
    }

    /** Sends a document for an order and says how it went. */
    async function printFor(action: 'reprint' | 'packingSlip', send: (orderId: string) => Promise<JobView>) {
      const orderId = reprintTarget(get().packing);
      if (!orderId) {
        notify({ kind: 'failed', action, code: 'NO_OPEN_ORDER', orderId: null });
        return;
      }
      try {
        const job = await send(orderId);
        const failure = jobFailure(job);
        if (failure) notify({ kind: 'failed', action, orderId, ...failure });
        else notify({ kind: 'done', action, orderId, printer: job.printerName });
      } catch (err) {
        notify({ kind: 'failed', action, code: errorCodeOf(err), orderId });
      }
    }

    return {
      packing: {
        order: null,
        lastVerdict: null,
        history: [],
        busy: false,
        kept: [],
        awaiting: 0,
        block: null,
        notice: null,
        incompleteScan: null,
        label: null,
      },

      async loadCurrentOrder() {
        try {
          const order = await api.call('packing.current', { station: get().settings.station });
          showOrder(order);
          // A finished order still on the bench (after a reload) shows its label too.
          if (order && order.packedAt !== null && get().packing.label?.orderId !== order.id) await loadLabel(order.id, benchPackageId(order));
        } catch (err) {
          notify({ kind: 'failed', action: 'scan', code: errorCodeOf(err), orderId: null });
        }
      },

      async scan(request) {
        const scan = { ...request, seq: ++scanSeq };
        // Scans made while the station is not answering wait their turn behind those kept before.
        if (!linkUp() || get().packing.kept.length > 0) {
          keep(scan);
          if (linkUp()) sendKept();
          return;
        }
        await inTurn(() => sendScan(scan));
      },

      openOrder(orderId) {
        return get().scan({ scanId: newScanId(), code: orderId });
      },

      async undoLastScan() {
        try {
          const { undoneScanId, order } = await api.call('packing.undo', who());
          const history = get().packing.history.map((h) => (h.scanId === undoneScanId ? { ...h, undone: true } : h));
          patch({ history });
          showOrder(order);
          notify({ kind: 'done', action: 'undo', orderId: order.id, printer: null });
        } catch (err) {
          notify({ kind: 'failed', action: 'undo', code: errorCodeOf(err), orderId: get().packing.order?.id ?? null });
        }
      },

      reprintLabel() {
        const packageId = reprintPackageId(get().packing);
        return printFor('reprint', (orderId) => api.call('printing.reprint', { orderId, ...(packageId ? { packageId } : {}), ...who() }));
      },

      printPackingSlip() {
        return printFor('packingSlip', (orderId) => api.call('printing.packingSlip', { orderId, ...who() }));
      },

      async shortPack(reason) {
        const orderId = get().packing.order?.id;
        if (!orderId) {
          notify({ kind: 'failed', action: 'shortPack', code: 'NO_OPEN_ORDER', orderId: null });
          return;
        }
        try {
          showOrder(await api.call('packing.shortPack', { ...who(), orderId, reason }));
          notify({ kind: 'done', action: 'shortPack', orderId, printer: null });
          await loadLabel(orderId, benchPackageId(get().packing.order));
        } catch (err) {
          notify({ kind: 'failed', action: 'shortPack', code: errorCodeOf(err), orderId });
        }
      },

      acknowledgeBlock() {
        const block = get().packing.block;
        if (block) acknowledged.add(blockKey(block));
        patch({ block: null });
      },

      dismissNotice() {
        patch({ notice: null });
      },

      scanIncomplete() {
        patch({ incompleteScan: ++incompleteSeq });
      },

      packingOnLinkBack() {
        patch({ notice: null });
        if (get().packing.kept.length > 0) sendKept();
      },

      packingOnOrdersChanged(orderIds) {
        // A cancellation request or an undo elsewhere changes the open order: ask the core again.
        const open = get().packing.order?.id;
        if (open && orderIds.includes(open)) void get().loadCurrentOrder();
      },
    };
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type { PackdeskState };
