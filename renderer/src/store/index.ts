import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isLanguage } from '../i18n/index.js';
import { readScannerProfile } from '../scanner/profile.js';
import type { Api } from './api.js';
import { createHandoverSlice } from './handover.js';
import { createPackingSlice } from './packing.js';
import { createPrintersSlice } from './printers.js';
import { createQueueSlice } from './queue.js';
import { createSearchSlice } from './search.js';
import { createSettingsSlice, type Settings } from './settings.js';
import { createShopSlice } from './shop.js';
import { createSlipPageSlice } from './slip-page.js';
import { createStatusSlice } from './status.js';
import { createSyncSlice } from './sync.js';
import { createTransferSlice } from './transfer.js';
import type { PackdeskState } from './types.js';

export type PackdeskStore = StoreApi<PackdeskState>;
export type { PackdeskState };

export const SETTINGS_STORAGE_KEY = 'packdesk.settings';

export interface StoreOptions {
  /** Where settings live; localStorage by default. */
  storage?: StateStorage;
}

/** The one store of the renderer, over the given API. Tests pass a fake API. */
export function createPackdeskStore(api: Api, options: StoreOptions = {}): PackdeskStore {
  return createStore<PackdeskState>()(
    persist(
      (...a) => ({
        ...createSettingsSlice(...a),
        ...createPackingSlice(api)(...a),
        ...createQueueSlice(api)(...a),
        ...createStatusSlice(api)(...a),
        ...createPrintersSlice(api)(...a),
        ...createTransferSlice(api)(...a),
        ...createShopSlice(api)(...a),
        ...createHandoverSlice(api)(...a),
        ...createSearchSlice(api)(...a),
        ...createSyncSlice(api)(...a),
        ...createSlipPageSlice(api)(...a),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => options.storage ?? localStorage),
        // Only the bench settings are this machine's to keep; everything else is the core's.
        partialize: (s) => ({ settings: s.settings }),
        merge: (persisted, current) => ({ ...current, settings: { ...current.settings, ...savedSettings(persisted) } }),
      },
    ),
  );
}

/** Settings read back from storage, dropping anything that is not a setting of the right type. */
function savedSettings(persisted: unknown): Partial<Settings> {
  const saved = (persisted as { settings?: Record<string, unknown> } | null)?.settings;
  if (!saved || typeof saved !== 'object') return {};
  const out: Partial<Settings> = {};
  for (const key of ['station', 'packer'] as const) {
    const v = saved[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = v;
  }
  for (const key of ['sounds', 'singleItemMode'] as const) {
    const v = saved[key];
    if (typeof v === 'boolean') out[key] = v;
  }
  if (isLanguage(saved.language)) out.language = saved.language;
  if ('scanner' in saved) out.scanner = readScannerProfile(saved.scanner);
  return out;
}

/**
 * Subscribes the store to the core's push events and the browser's network state, and loads
 * what the screens show first. Returns the function that undoes all of it.
 */
export function listenToCore(api: Api, store: PackdeskStore, win: Window = window): () => void {
  const s = () => store.getState();
  const offs = [
    api.on('orders.changed', ({ orderIds }) => {
      s().packingOnOrdersChanged(orderIds);
      s().queueOnOrdersChanged();
    }),
    api.on('outbox.changed', (e) => s().statusOnOutboxChanged(e)),
    api.on('sync.status', (e) => s().statusOnSyncStatus(e)),
    api.on('printer.status', (e) => s().statusOnPrinterStatus(e)),
    // The printers screen: a printer that speaks up is newer than a failed status check.
    api.on('printer.status', (e) => s().printersOnStatus(e)),
    api.on('progress', (e) => s().transferOnProgress(e)),
    api.on('print.job', (e) => s().statusOnPrintJob(e)),
    // The reprint screen's chosen order and its print jobs.
    api.on('orders.changed', ({ orderIds }) => s().searchOnOrdersChanged(orderIds)),
    api.on('print.job', (e) => s().searchOnPrintJob(e)),
  ];
  if (api.onConnection) {
    offs.push(
      api.onConnection((connected) => {
        s().setConnected(connected);
        // Events sent while the link was down are lost: ask again for what the screens show.
        if (connected) {
          reloadAll();
          s().packingOnLinkBack();
        }
      }),
    );
  }
  if (api.onAnswering) {
    offs.push(
      api.onAnswering((answering) => {
        s().setAnswering(answering);
        if (answering) s().packingOnLinkBack();
      }),
    );
  }
  // Another station name means another open order.
  offs.push(
    store.subscribe((now, before) => {
      if (now.settings.station !== before.settings.station) void now.loadCurrentOrder();
    }),
  );
  const online = () => s().setOnline(true);
  const offline = () => s().setOnline(false);
  win.addEventListener('online', online);
  win.addEventListener('offline', offline);
  function reloadAll() {
    void s().loadCurrentOrder();
    // The shop's time zone: "packed at 10:25" is the shop's clock, not this computer's.
    void s().loadShopSettings();
    void s().loadSyncStatus();
    s().queueOnOrdersChanged();
  }
  reloadAll();
  return () => {
    for (const off of offs) off();
    win.removeEventListener('online', online);
    win.removeEventListener('offline', offline);
  };
}
