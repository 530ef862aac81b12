import type { ArrangeAheadResult, ConflictView, CycleSummary, EntryView, ShopChoice, ShopStatusView, SyncSettings } from '../../../core/sync/views.js';
import { errorCodeOf, type Api, type ErrorCode, type InputArg } from './api.js';
import type { SliceCreator } from './types.js';

/** A failed call as the sync screens show it: the core's code, its message, and the shops to choose from. */
export interface SyncFailure {
  code: ErrorCode;
  message: string;
  /** Set when the authorisation covers several shops (details.reason shop-choice). */
  shops: ShopChoice[] | null;
}

/**
 * The shop connection and the sync as the screens see them: what the core last said, nothing
 * worked out here. The status bar's headline lives in the status slice (status.sync).
 */
export interface SyncScreens {
  shop: ShopStatusView | null;
  connecting: boolean;
  connectError: SyncFailure | null;
  settings: SyncSettings | null;
  settingsSaved: number;
  entries: EntryView[];
  /** Open conflicts, all orders (the panel). */
  conflicts: ConflictView[];
  /** Open conflicts of the order on the bench (the Pack screen's banners). */
  orderConflicts: { orderId: string; list: ConflictView[] } | null;
  /** "Sync now" is running (the button waits). */
  running: boolean;
  /** "Sync now" presses answered so far (a new summary or error is on screen after each). */
  runs: number;
  summary: CycleSummary | null;
  error: SyncFailure | null;
  arranging: boolean;
  arranged: ArrangeAheadResult | null;
  arrangeError: SyncFailure | null;
}

export interface SyncSlice {
  sync: SyncScreens;
  loadShopStatus(): Promise<void>;
  connectShop(input: InputArg<'shop.connect'>): Promise<boolean>;
  disconnectShop(): Promise<void>;
  loadSyncSettings(): Promise<void>;
  saveSyncSettings(patch: InputArg<'sync.updateSettings'>): Promise<void>;
  loadSyncEntries(): Promise<void>;
  retrySyncEntry(entryId: number): Promise<void>;
  discardSyncEntry(entryId: number): Promise<void>;
  loadConflicts(): Promise<void>;
  loadOrderConflicts(orderId: string | null): Promise<void>;
  acknowledgeConflict(conflictId: number): Promise<void>;
  syncNow(): Promise<void>;
  arrangeAhead(orderIds: string[]): Promise<void>;
  /** One package's label again (a split order's parcels each have their own); answers the job's state or the error code. */
  reprintPackage(orderId: string, packageId: string): Promise<string>;
}

export function failureOf(err: unknown): SyncFailure {
  const e = err as { message?: unknown; details?: { reason?: unknown; shops?: unknown } } | null;
  const shops = e?.details?.reason === 'shop-choice' && Array.isArray(e.details.shops) ? (e.details.shops as ShopChoice[]) : null;
  return { code: errorCodeOf(err), message: typeof e?.message === 'string' ? e.message : '', shops };
}

const initial: SyncScreens = {
  shop: null,
  connecting: false,
  connectError: null,
  settings: null,
  settingsSaved: 0,
  entries: [],
  conflicts: [],
  orderConflicts: null,
  running: false,
  runs: 0,
  summary: null,
  error: null,
  arranging: false,
  arranged: null,
  arrangeError: null,
};

export function createSyncSlice(api: Api): SliceCreator<SyncSlice> {
  return (set, get) => {
    const patch = (p: Partial<SyncScreens>) => set((s) => ({ sync: { ...s.sync, ...p } }));
    /** Runs a call; a failure lands in `error` (the panel shows it) and the call answers undefined. */
    const attempt = async <R>(run: () => Promise<R>): Promise<R | undefined> => {
      try {
        const result = await run();
        patch({ error: null });
        return result;
      } catch (err) {
        patch({ error: failureOf(err) });
        return undefined;
      }
    };
    const refreshLists = async () => {
      await Promise.all([get().loadSyncEntries(), get().loadConflicts(), get().loadSyncStatus()]);
    };
    return {
      sync: initial,

      async loadShopStatus() {
        const shop = await attempt(() => api.call('shop.status', {}));
        if (shop) patch({ shop });
      },

      async connectShop(input) {
        patch({ connecting: true, connectError: null });
        try {
          const shop = await api.call('shop.connect', input);
          patch({ shop });
          void get().loadSyncStatus();
          void get().loadSyncSettings();
          return true;
        } catch (err) {
          patch({ connectError: failureOf(err) });
          return false;
        } finally {
          patch({ connecting: false });
        }
      },

      async disconnectShop() {
        const shop = await attempt(() => api.call('shop.disconnect', {}));
        if (shop) patch({ shop, summary: null });
        void get().loadSyncStatus();
      },

      async loadSyncSettings() {
        const settings = await attempt(() => api.call('sync.settings', {}));
        if (settings) patch({ settings });
      },

      async saveSyncSettings(changes) {
        const settings = await attempt(() => api.call('sync.updateSettings', changes));
        if (settings) patch({ settings, settingsSaved: get().sync.settingsSaved + 1 });
      },

      async loadSyncEntries() {
        const entries = await attempt(() => api.call('sync.entries', {}));
        if (entries) patch({ entries });
      },

      async retrySyncEntry(entryId) {
        await attempt(() => api.call('sync.retryEntry', { entryId }));
        await refreshLists();
      },

      async discardSyncEntry(entryId) {
        await attempt(() => api.call('sync.discardEntry', { entryId }));
        await refreshLists();
      },

      async loadConflicts() {
        const conflicts = await attempt(() => api.call('sync.conflicts', {}));
        if (conflicts) patch({ conflicts });
      },

      async loadOrderConflicts(orderId) {
        if (!orderId) {
          patch({ orderConflicts: null });
          return;
        }
        try {
          const list = await api.call('sync.conflicts', { orderId });
          // The bench may have moved on to another order meanwhile.
          if (get().packing.order?.id === orderId) patch({ orderConflicts: { orderId, list } });
        } catch {
          // The next sync.status event asks again; the scan verdicts still refuse what must not be packed.
        }
      },

      async acknowledgeConflict(conflictId) {
        await attempt(() => api.call('sync.acknowledgeConflict', { conflictId }));
        await Promise.all([get().loadConflicts(), get().loadOrderConflicts(get().sync.orderConflicts?.orderId ?? null), get().loadSyncStatus()]);
      },

      async syncNow() {
        if (get().sync.running) return;
        patch({ running: true });
        try {
          const summary = await api.call('sync.now', {});
          patch({ summary, error: null });
        } catch (err) {
          patch({ error: failureOf(err) });
        } finally {
          await refreshLists();
          patch({ running: false, runs: get().sync.runs + 1 });
        }
      },

      async reprintPackage(orderId, packageId) {
        const { station, packer } = get().settings;
        try {
          return (await api.call('printing.reprint', { orderId, packageId, station, packer })).state;
        } catch (err) {
          return errorCodeOf(err);
        }
      },

      async arrangeAhead(orderIds) {
        if (get().sync.arranging || orderIds.length === 0) return;
        patch({ arranging: true, arranged: null, arrangeError: null });
        try {
          patch({ arranged: await api.call('sync.arrangeAhead', { orderIds }) });
        } catch (err) {
          patch({ arrangeError: failureOf(err) });
        } finally {
          patch({ arranging: false });
        }
      },
    };
  };
}
