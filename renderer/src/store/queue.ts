import type { QueueRow } from '../../../core/api/views.js';
import { errorCodeOf, type Api, type ErrorCode, type InputArg } from './api.js';
import type { SliceCreator } from './types.js';

/** The pick-queue filters the core understands (orders.queue); the core does the filtering. */
export type QueueFilters = Pick<InputArg<'orders.queue'>, 'carrier' | 'singleItem' | 'sku' | 'bin' | 'cancelRequested'>;

export interface Queue {
  rows: QueueRow[];
  total: number;
  filters: QueueFilters;
  limit: number;
  offset: number;
  loading: boolean;
  /** False until a screen has asked for the queue; only then do changes refresh it. */
  loaded: boolean;
  error: ErrorCode | null;
}

export interface QueueSlice {
  queue: Queue;
  loadQueue(): Promise<void>;
  setQueueFilters(filters: QueueFilters): Promise<void>;
  setQueuePage(offset: number, limit?: number): Promise<void>;
  queueOnOrdersChanged(): void;
}

export function createQueueSlice(api: Api): SliceCreator<QueueSlice> {
  return (set, get) => {
    const patch = (p: Partial<Queue>) => set((s) => ({ queue: { ...s.queue, ...p } }));
    // An import can change thousands of orders in a burst of events: one load runs at a time,
    // and changes seen meanwhile cause exactly one more load afterwards.
    let running: Promise<void> | null = null;
    let again = false;

    async function loadOnce() {
      const { filters, limit, offset } = get().queue;
      patch({ loading: true });
      try {
        const page = await api.call('orders.queue', { ...filters, limit, offset });
        patch({ rows: page.orders, total: page.total, loaded: true, error: null });
      } catch (err) {
        patch({ loaded: true, error: errorCodeOf(err) });
      } finally {
        patch({ loading: false });
      }
    }

    function load(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await loadOnce();
        } while (again);
        running = null;
      })();
      return running;
    }

    return {
      queue: { rows: [], total: 0, filters: {}, limit: 100, offset: 0, loading: false, loaded: false, error: null },
      loadQueue: load,
      setQueueFilters(filters) {
        patch({ filters, offset: 0 });
        return load();
      },
      setQueuePage(offset, limit) {
        patch({ offset, ...(limit !== undefined ? { limit } : {}) });
        return load();
      },
      queueOnOrdersChanged() {
        if (get().queue.loaded) void load();
      },
    };
  };
}
