import type { PrinterStatus } from '../../printer/status/types.js';
import type { SyncStatusView } from '../sync/views.js';
import type { BatchState, EventName, JobState } from '../shared/vocabulary.js';
import type { ScanVerdict } from './views.js';

export type { EventName } from '../shared/vocabulary.js';

/** Push events from the core, keyed by core/shared's EVENT_NAMES. Every transport forwards these as they are. */
export interface Events {
  'orders.changed': { orderIds: string[] };
  'scan.recorded': { station: string; verdict: ScanVerdict };
  'progress': { task: 'import' | 'arrange' | 'export' | 'demo' | 'print'; done: number; total: number };
  /** A print job changed state. */
  'print.job': { jobId: number; orderId: string | null; state: JobState; batchId: number | null; errorCode: string | null };
  /** How a printer is after a job or a batch, where it answers. */
  'printer.status': { printer: string; status: PrinterStatus };
  /** A batch paused (printer error) or finished. */
  'print.batch': { batchId: number; state: BatchState; code: string | null; message: string | null };
  'outbox.changed': { pending: number };
  /** How the sync stands (the status bar's truth): after every cycle, connection change and outbox write. */
  'sync.status': SyncStatusView;
}

/** Fails to compile when EVENT_NAMES and the payloads above name different events, either way. */
export const everyEventHasAPayload: [keyof Events, EventName] extends [EventName, keyof Events] ? true : never = true;

export type Unsubscribe = () => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): Unsubscribe {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const l of this.listeners.get(name) ?? []) {
      try {
        (l as (p: Events[E]) => void)(payload);
      } catch {
        // A failing listener (a closed socket, say) must not break the write that emitted.
      }
    }
  }
}
