import type { QueueRow } from '../../../core/api/views.js';
import { errorCodeOf, type Api, type ErrorCode, type InputArg } from './api.js';
import { createQueueBatchActions, type QueueBatch, type QueueBatchActions, type QueuePrintout } from './queue-batch.js';
import { QUEUE_FETCH_MAX, QUEUE_PAGE_SIZE, idsBetween, mergeCarriers, pagesFor, rowAt, splitIntoPages, withinTotal, type QueuePages } from './queue-pages.js';
import type { SliceCreator } from './types.js';

export { QUEUE_PAGE_SIZE, rowAt } from './queue-pages.js';
export type { QueuePages } from './queue-pages.js';
export type { QueueBatch, QueueBatchAction, QueueOutcome, QueuePrintout, OrderFailure } from './queue-batch.js';

/** The pick-queue filters the core understands (orders.queue); the core does the filtering. */
export type QueueFilters = Pick<InputArg<'orders.queue'>, 'carrier' | 'singleItem' | 'sku' | 'bin' | 'cancelRequested'>;

export interface QueueSelection {
  ids: ReadonlySet<string>;
  /** Where the last plain click or Space was: shift-click and Shift+Arrow extend from here. */
  anchor: number | null;
  /** True while "select all filtered" fetches the ids of every page. */
  gathering: boolean;
}

export interface Queue {
  filters: QueueFilters;
  /** Orders matching the filters, as the core last counted them. */
  total: number;
  pages: QueuePages;
  /** Bumped when the filters change; answers to an older query are dropped. */
  generation: number;
  /** The generation the shown pages belong to; equal to `generation` once its first page is in. */
  answeredGeneration: number;
  loading: boolean;
  /** False until a screen has asked for the queue; only then do changes refresh it. */
  loaded: boolean;
  error: ErrorCode | null;
  carriers: readonly string[];
  selection: QueueSelection;
  batch: QueueBatch | null;
  printout: QueuePrintout | null;
}

export interface QueueSlice extends QueueBatchActions {
  queue: Queue;
  /** Loads (again) what the list shows: the first page, or the pages in view. */
  loadQueue(): Promise<void>;
  setQueueFilters(filters: QueueFilters): Promise<void>;
  /** The list shows rows first..last: load the pages they are on. */
  queueViewRange(first: number, last: number): Promise<void>;
  queueOnOrdersChanged(): void;
  queueToggle(index: number): void;
  /**
   * Selects from the anchor to `index`, on top of what was selected when the anchor was set (so
   * the range can shrink again). Without an anchor, `from` becomes the anchor.
   */
  queueSelectRange(index: number, from?: number): Promise<void>;
  queueSelectAll(): Promise<void>;
  queueClearSelection(): void;
}

const noSelection = (): QueueSelection => ({ ids: new Set(), anchor: null, gathering: false });

export function createQueueSlice(api: Api): SliceCreator<QueueSlice> {
  return (set, get) => {
    const q = () => get().queue;
    const patch = (p: Partial<Queue>) => set((s) => ({ queue: { ...s.queue, ...p } }));
    const patchSelection = (p: Partial<QueueSelection>) => set((s) => ({ queue: { ...s.queue, selection: { ...s.queue.selection, ...p } } }));

    // Pages being fetched for the current generation, so scrolling asks once per page.
    let inFlight = new Map<number, Promise<void>>();
    let pending = 0;
    // The rows the list shows, so a refresh reloads what is on screen and nothing else.
    let view = { first: 0, last: QUEUE_PAGE_SIZE - 1 };
    // What was selected when the anchor was set: a shift range is added to this, so it can shrink too.
    let rangeBase: ReadonlySet<string> = new Set();
    let rangeSeq = 0;

    function started() {
      pending += 1;
      if (pending === 1) patch({ loading: true });
    }
    function finished() {
      pending -= 1;
      if (pending === 0) patch({ loading: false });
    }

    /** Applies rows the core returned for `generation` at `offset`, replacing the pages they cover. */
    function applyRows(generation: number, offset: number, total: number, rows: readonly QueueRow[], keepOthers: boolean) {
      const s = q();
      if (generation !== s.generation) return;
      const base = keepOthers && s.answeredGeneration === generation ? s.pages : {};
      patch({
        pages: withinTotal({ ...base, ...splitIntoPages(offset, rows) }, total),
        total,
        answeredGeneration: generation,
        loaded: true,
        error: null,
        carriers: mergeCarriers(s.carriers, rows),
      });
    }

    const fetchRows = (offset: number, limit: number) => api.call('orders.queue', { ...q().filters, limit, offset });

    function loadPage(page: number): Promise<void> {
      const existing = inFlight.get(page);
      if (existing) return existing;
      const generation = q().generation;
      const flights = inFlight;
      started();
      const run = (async () => {
        try {
          const answer = await fetchRows(page * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE);
          applyRows(generation, page * QUEUE_PAGE_SIZE, answer.total, answer.orders, true);
        } catch (err) {
          if (generation === q().generation) patch({ loaded: true, error: errorCodeOf(err) });
        } finally {
          flights.delete(page);
          finished();
        }
      })();
      flights.set(page, run);
      return run;
    }

    /** Loads the pages of rows first..last that are not here yet. */
    function ensureRows(first: number, last: number): Promise<void> {
      const s = q();
      const have = s.answeredGeneration === s.generation ? s.pages : {};
      // Before the first answer the total is unknown: the first page tells it.
      const pages = s.answeredGeneration === s.generation ? pagesFor(first, last, s.total) : [0];
      return Promise.all(pages.filter((p) => !have[p]).map(loadPage)).then(() => undefined);
    }

    // An import can change thousands of orders in a burst of events: one refresh runs at a time,
    // and changes seen meanwhile cause exactly one more refresh afterwards.
    let refreshing: Promise<void> | null = null;
    let again = false;

    /** Reloads the pages in view and forgets the others: they may have moved. */
    async function refreshOnce() {
      const generation = q().generation;
      const total = q().answeredGeneration === generation ? q().total : QUEUE_PAGE_SIZE;
      const pages = pagesFor(view.first, view.last, Math.max(total, 1));
      started();
      try {
        const answers = await Promise.all(pages.map((p) => fetchRows(p * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE).then((a) => [p, a] as const)));
        if (generation !== q().generation) return;
        const last = answers[answers.length - 1]![1];
        const fresh: Record<number, QueueRow[]> = {};
        for (const [p, a] of answers) fresh[p] = a.orders;
        patch({
          pages: withinTotal(fresh, last.total),
          total: last.total,
          answeredGeneration: generation,
          loaded: true,
          error: null,
          carriers: mergeCarriers(
            q().carriers,
            answers.flatMap(([, a]) => a.orders),
          ),
        });
      } catch (err) {
        if (generation === q().generation) patch({ loaded: true, error: errorCodeOf(err) });
      } finally {
        finished();
      }
    }

    function refresh(): Promise<void> {
      if (refreshing) {
        again = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          again = false;
          await refreshOnce();
        } while (again);
        refreshing = null;
      })();
      return refreshing;
    }

    return {
      queue: {
        filters: {},
        total: 0,
        pages: {},
        generation: 0,
        answeredGeneration: -1,
        loading: false,
        loaded: false,
        error: null,
        carriers: [],
        selection: noSelection(),
        batch: null,
        printout: null,
      },

      loadQueue: refresh,

      setQueueFilters(filters) {
        const generation = q().generation + 1;
        performance.mark?.('queue-filter-start', { detail: { generation } });
        inFlight = new Map();
        view = { first: 0, last: QUEUE_PAGE_SIZE - 1 };
        rangeBase = new Set();
        // The selection was made among other rows: keeping it would act on orders no longer shown.
        patch({ filters, generation, pages: {}, selection: noSelection() });
        return loadPage(0);
      },

      queueViewRange(first, last) {
        view = { first, last };
        return ensureRows(first, last);
      },

      queueOnOrdersChanged() {
        if (q().loaded) void refresh();
      },

      queueToggle(index) {
        const row = rowAt(q().pages, index);
        if (!row) return;
        const ids = new Set(q().selection.ids);
        if (ids.has(row.id)) ids.delete(row.id);
        else ids.add(row.id);
        rangeBase = ids;
        rangeSeq++;
        patchSelection({ ids, anchor: index });
      },

      async queueSelectRange(index, from = index) {
        let { anchor } = q().selection;
        if (anchor === null) {
          anchor = from;
          rangeBase = q().selection.ids;
          patchSelection({ anchor });
        }
        const generation = q().generation;
        const seq = ++rangeSeq;
        await ensureRows(Math.min(anchor, index), Math.max(anchor, index));
        // Shift+Arrow held down: only the newest range counts, whichever page arrived last.
        if (generation !== q().generation || seq !== rangeSeq) return;
        const ids = new Set(rangeBase);
        for (const id of idsBetween(q().pages, anchor, index)) ids.add(id);
        patchSelection({ ids });
      },

      async queueSelectAll() {
        const generation = q().generation;
        patchSelection({ gathering: true });
        const ids = new Set<string>();
        try {
          // "All filtered" is every matching order, not just the pages loaded so far.
          let total = Infinity;
          for (let offset = 0; offset < total; offset += QUEUE_FETCH_MAX) {
            const answer = await fetchRows(offset, QUEUE_FETCH_MAX);
            if (generation !== q().generation) return;
            total = answer.total;
            for (const row of answer.orders) ids.add(row.id);
            applyRows(generation, offset, answer.total, answer.orders, true);
            if (answer.orders.length < QUEUE_FETCH_MAX) break;
          }
          rangeBase = ids;
          patchSelection({ ids, anchor: null });
        } catch (err) {
          patch({ error: errorCodeOf(err) });
        } finally {
          if (generation === q().generation) patchSelection({ gathering: false });
        }
      },

      queueClearSelection() {
        rangeBase = new Set();
        rangeSeq++;
        patchSelection({ ids: new Set(), anchor: null });
      },

      ...createQueueBatchActions(api, set, get, (orderIds) => {
        const ids = new Set(q().selection.ids);
        const base = new Set(rangeBase);
        for (const id of orderIds) {
          ids.delete(id);
          base.delete(id);
        }
        rangeBase = base;
        patchSelection({ ids });
      }),
    };
  };
}
