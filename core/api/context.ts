import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/db.js';
import type { PreviewArtifacts, PrinterTransport } from '../../printer/transports/types.js';
import type { SyncService } from '../sync/service.js';
import type { EventBus } from './events.js';

export interface Logger {
  error(message: string, err?: unknown): void;
  /** Something the user may want to know that is not a failure. */
  warn?(message: string): void;
}

/** How the core reaches printers; tests and hosts may swap it (a fake USB bus, say). */
export interface PrinterIo {
  /** `preview` carries the picture and file name when the printer is the preview folder. */
  openTransport(uri: string, preview?: PreviewArtifacts): PrinterTransport;
}

/** What every handler gets: the store, the clock, the event bus and the way to printers. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  /** The folder the database lives in: label previews and exports default to it. */
  dataDir: string;
  printers: PrinterIo;
  /** The shop connection and the sync with the platform (core/sync). */
  sync: SyncService;
}
