import type { PrinterStatus } from '../../../printer/status/types.js';
import type { SyncStatusView } from '../../../core/sync/views.js';
import type { Api, Events } from './api.js';
import type { SliceCreator } from './types.js';

export interface PrintFailure {
  jobId: number;
  orderId: string | null;
  code: string;
}

export interface Status {
  /** The browser's view of the network: the core keeps working offline and syncs later. */
  online: boolean;
  /** The link to the core (the station host's socket); events are missed while it is down. */
  connected: boolean;
  /** The station answers calls (false: it is linked but a call has waited 3 s with no answer). */
  answering: boolean;
  /** Changes waiting in the core's outbox for the platform; null until the core has said. */
  pendingSync: number | null;
  /** The core's sync truth (connection, last pull, offline, refused, conflicts); null until it has said. */
  sync: SyncStatusView | null;
  /** The last status each printer reported, by printer name. */
  printers: Record<string, PrinterStatus>;
  lastPrintFailure: PrintFailure | null;
}

export interface StatusSlice {
  status: Status;
  setOnline(online: boolean): void;
  setConnected(connected: boolean): void;
  setAnswering(answering: boolean): void;
  loadSyncStatus(): Promise<void>;
  statusOnOutboxChanged(event: Events['outbox.changed']): void;
  statusOnSyncStatus(event: Events['sync.status']): void;
  statusOnPrinterStatus(event: Events['printer.status']): void;
  statusOnPrintJob(event: Events['print.job']): void;
}

export function createStatusSlice(api: Api): SliceCreator<StatusSlice> {
  return (set) => {
    const patch = (p: Partial<Status>) => set((s) => ({ status: { ...s.status, ...p } }));
    return {
      status: {
        online: globalThis.navigator?.onLine ?? true,
        connected: true,
        answering: true,
        pendingSync: null,
        sync: null,
        printers: {},
        lastPrintFailure: null,
      },
      setOnline(online) {
        patch({ online });
      },
      setConnected(connected) {
        patch({ connected });
      },
      setAnswering(answering) {
        patch({ answering });
      },
      async loadSyncStatus() {
        try {
          const sync = await api.call('sync.status', {});
          patch({ sync, pendingSync: sync.pending });
        } catch {
          // The next sync.status event brings it; the bar shows "checking" until then.
        }
      },
      statusOnOutboxChanged({ pending }) {
        patch({ pendingSync: pending });
      },
      statusOnSyncStatus(sync) {
        patch({ sync, pendingSync: sync.pending });
      },
      statusOnPrinterStatus({ printer, status }) {
        set((s) => ({ status: { ...s.status, printers: { ...s.status.printers, [printer]: status } } }));
      },
      statusOnPrintJob({ jobId, orderId, state, errorCode }) {
        if (state === 'FAILED' || state === 'UNKNOWN') {
          patch({ lastPrintFailure: { jobId, orderId, code: errorCode ?? (state === 'UNKNOWN' ? 'JOB_OUTCOME_UNKNOWN' : 'INTERNAL') } });
        } else if (state === 'SENT') {
          patch({ lastPrintFailure: null });
        }
      },
    };
  };
}
