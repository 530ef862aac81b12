import type { OrderView } from '../../../core/api/views.js';
import type { JobView } from '../../../core/printing/types.js';
import { errorCodeOf, type Api, type ErrorCode, type Events, type Result } from './api.js';
import { jobFailure } from './pack-finish.js';
import type { SliceCreator } from './types.js';

export type LabelPreview = Result<'printing.preview'>;

export type SearchAction = 'search' | 'load' | 'reprint' | 'resend' | 'packingSlip';

/** The outcome of the last thing asked for on the reprint screen, for the screen to say in words. */
export type SearchNotice = { seq: number; action: SearchAction; orderId: string | null } & (
  | { kind: 'done'; printer: string; jobId: number }
  /** `partial`: the label was cut off mid-send and may have come out in part. */
  | { kind: 'failed'; code: ErrorCode; partial?: boolean }
);

export interface Search {
  /** The text of the last search sent; '' before the first. */
  text: string;
  results: OrderView[];
  searching: boolean;
  /** False until a search has been answered: "no match" is only said after one. */
  searched: boolean;
  selectedId: string | null;
  /** The chosen order as the core last described it (orders.get). */
  order: OrderView | null;
  /** Its print jobs, newest first (printing.jobs). */
  jobs: JobView[];
  preview: LabelPreview | null;
  previewError: ErrorCode | null;
  /** A reprint sent and not yet answered: a second press must not print a second label. */
  printing: boolean;
  /** The job whose resend is in flight. */
  resending: number | null;
  notice: SearchNotice | null;
}

export interface SearchSlice {
  search: Search;
  searchOrders(text: string): Promise<void>;
  selectOrder(orderId: string): Promise<void>;
  reprintSelected(): Promise<void>;
  /** The chosen order's packing slip, on the packing-slip printer (a receipt printer prints it as text). */
  printSlipSelected(): Promise<void>;
  resendJob(jobId: number): Promise<void>;
  dismissSearchNotice(): void;
  searchOnOrdersChanged(orderIds: readonly string[]): void;
  searchOnPrintJob(event: Events['print.job']): void;
}

export const JOBS_LIMIT = 50;
/** More matches than fit the column are not browsed but narrowed: the screen says so at this many. */
export const SEARCH_LIMIT = 50;

const emptySearch = (): Search => ({
  text: '',
  results: [],
  searching: false,
  searched: false,
  selectedId: null,
  order: null,
  jobs: [],
  preview: null,
  previewError: null,
  printing: false,
  resending: null,
  notice: null,
});

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createSearchSlice(api: Api): SliceCreator<SearchSlice> {
  return (set, get) => {
    // Answers can cross: only the newest search's results are shown.
    let searchSeq = 0;
    let noticeSeq = 0;

    const patch = (p: Partial<Search>) => set((s) => ({ search: { ...s.search, ...p } }));
    const notify = (n: DistributiveOmit<SearchNotice, 'seq'>) => patch({ notice: { ...n, seq: ++noticeSeq } as SearchNotice });
    const who = () => ({ station: get().settings.station, packer: get().settings.packer });
    const stillSelected = (orderId: string) => get().search.selectedId === orderId;

    async function loadOrder(orderId: string) {
      try {
        const order = await api.call('orders.get', { orderId });
        if (stillSelected(orderId)) patch({ order });
      } catch (err) {
        if (stillSelected(orderId)) notify({ kind: 'failed', action: 'load', code: errorCodeOf(err), orderId });
      }
    }

    async function loadJobs(orderId: string) {
      try {
        const jobs = await api.call('printing.jobs', { orderId, limit: JOBS_LIMIT });
        if (stillSelected(orderId)) patch({ jobs });
      } catch (err) {
        if (stillSelected(orderId)) notify({ kind: 'failed', action: 'load', code: errorCodeOf(err), orderId });
      }
    }

    async function loadPreview(orderId: string) {
      try {
        const preview = await api.call('printing.preview', { orderId, station: get().settings.station });
        if (stillSelected(orderId)) patch({ preview, previewError: null });
      } catch (err) {
        if (stillSelected(orderId)) patch({ preview: null, previewError: errorCodeOf(err) });
      }
    }

    /** Sends a label (reprint or resend), says how it went, and shows the job history as it is now. */
    async function sendLabel(action: 'reprint' | 'resend' | 'packingSlip', orderId: string, send: () => Promise<JobView>) {
      try {
        const job = await send();
        const failure = jobFailure(job);
        if (failure) notify({ kind: 'failed', action, orderId, ...failure });
        else notify({ kind: 'done', action, orderId, printer: job.printerName, jobId: action === 'resend' ? (job.resendOf ?? job.id) : job.id });
      } catch (err) {
        notify({ kind: 'failed', action, code: errorCodeOf(err), orderId });
      }
      if (stillSelected(orderId)) await loadJobs(orderId);
    }

    return {
      search: emptySearch(),

      async searchOrders(raw) {
        const text = raw.trim();
        if (!text) return;
        const seq = ++searchSeq;
        patch({ text, searching: true });
        try {
          const results = await api.call('orders.search', { text, limit: SEARCH_LIMIT });
          if (seq !== searchSeq) return;
          patch({ results, searching: false, searched: true, selectedId: null, order: null, jobs: [], preview: null, previewError: null });
          // One match (a scanned tracking number, say) is the order: ready to reprint at once.
          const only = results.length === 1 ? results[0] : undefined;
          if (only) await get().selectOrder(only.id);
        } catch (err) {
          if (seq !== searchSeq) return;
          patch({ searching: false });
          notify({ kind: 'failed', action: 'search', code: errorCodeOf(err), orderId: null });
        }
      },

      async selectOrder(orderId) {
        if (stillSelected(orderId)) return;
        const listed = get().search.results.find((o) => o.id === orderId) ?? null;
        patch({ selectedId: orderId, order: listed, jobs: [], preview: null, previewError: null });
        await Promise.all([loadOrder(orderId), loadJobs(orderId), loadPreview(orderId)]);
      },

      async reprintSelected() {
        const { selectedId: orderId, printing } = get().search;
        if (!orderId || printing) return;
        patch({ printing: true });
        try {
          await sendLabel('reprint', orderId, () => api.call('printing.reprint', { orderId, ...who() }));
        } finally {
          patch({ printing: false });
        }
      },

      async printSlipSelected() {
        const { selectedId: orderId, printing } = get().search;
        if (!orderId || printing) return;
        patch({ printing: true });
        try {
          await sendLabel('packingSlip', orderId, () => api.call('printing.packingSlip', { orderId, ...who() }));
        } finally {
          patch({ printing: false });
        }
      },

      async resendJob(jobId) {
        const { selectedId: orderId, resending } = get().search;
        // Only on the packer's word, once at a time: a resend may print a label that already came out.
        if (!orderId || resending !== null) return;
        patch({ resending: jobId });
        try {
          await sendLabel('resend', orderId, () => api.call('printing.resend', { jobId, ...who() }));
        } finally {
          patch({ resending: null });
        }
      },

      dismissSearchNotice() {
        patch({ notice: null });
      },

      searchOnOrdersChanged(orderIds) {
        const selected = get().search.selectedId;
        if (selected && orderIds.includes(selected)) void loadOrder(selected);
      },

      searchOnPrintJob({ orderId }) {
        const selected = get().search.selectedId;
        if (selected && orderId === selected) void loadJobs(selected);
      },
    };
  };
}
