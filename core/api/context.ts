import type { Clock } from '../domain/clock.js';
import type { Onlooker, ProcessLease } from '../domain/lease.js';
import type { Db } from '../store/db.js';
import type { PreviewArtifacts, PrinterTransport } from '../../printer/transports/types.js';
import type { SyncService } from '../sync/service.js';
import type { EventBus } from './events.js';
import type { Writer } from './writer.js';

export interface Logger {
  error(message: string, err?: unknown): void;
  /** Something the user may want to know that is not a failure (waiting for another program). */
  warn?(message: string): void;
}

/** How the core reaches printers; tests and hosts may swap it (a fake USB bus, say). */
export interface PrinterIo {
  /** `preview` carries the picture and file name when the printer is the preview folder. */
  openTransport(uri: string, preview?: PreviewArtifacts): PrinterTransport;
}

/** This program as other Packdesk programs on the same database see it. */
export interface ProcessIdentity {
  lease: ProcessLease;
  /** Where and when we look from, to tell a live owner from a dead one. */
  here(): Onlooker;
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
  /** This program's one writer (core/api/writer.ts). */
  writer: Writer;
  /**
   * One write step: the automatic rules that came due, then `fn` in one BEGIN IMMEDIATE
   * transaction, through the writer. Every change to the database is made this way.
   */
  write<T>(fn: () => T): Promise<T>;
  /** Applies the automatic order rules that came due (through the writer); the orders changed. */
  settleDue(): Promise<string[]>;
  process: ProcessIdentity;
  /** The shop connection and the sync with the platform (core/sync). */
  sync: SyncService;
}
