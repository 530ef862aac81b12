import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { EventBus } from './api/events.js';
import path from 'node:path';
import { openTransport } from '../printer/transports/open.js';
import { warmPlatformLabels } from '../printer/platform/platform-label.js';
import type { CoreContext, Logger, PrinterIo, ProcessIdentity } from './api/context.js';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatch.js';
import { Writer } from './api/writer.js';
import { systemClock, type Clock } from './domain/clock.js';
import { HEARTBEAT_MS, type ProcessRole } from './domain/lease.js';
import { IdleCheckpointer } from './store/checkpoint.js';
import { closeDatabase, openDatabase, whileOpening, type Db } from './store/db.js';
import { databaseBusy, isBusy } from './store/transaction.js';
import { dueRules } from './features/due-rules.js';
import { demoHandlers } from './features/demo.js';
import { exportHandlers } from './features/exporting.js';
import { handoverHandlers } from './features/handover.js';
import { importHandlers } from './features/importing.js';
import { orderHandlers } from './features/orders.js';
import { packingHandlers } from './features/packing.js';
import { picklistHandlers } from './features/picklist.js';
import { printerHandlers } from './features/printers.js';
import { printingHandlers } from './features/printing.js';
import { printDocumentHandlers } from './features/print-documents.js';
import { packingSlipHandlers } from './features/packing-slip.js';
import { shopSettingsHandlers } from './features/shop-settings.js';
import { redeliveryHandlers } from './features/redelivery.js';
import { shippingHandlers } from './features/shipping.js';
import { syncHandlers } from './features/sync.js';
import { openCredentialStore, type OpenCredentialsOptions } from './platform/credentials/open.js';
import type { RuntimeOptions } from './platform/runtime.js';
import { SyncService, thisProgram, type GatewayFactory, type LockIdentity } from './sync/service.js';
import { workerGateways } from './sync/worker-gateway.js';
import { listSkus } from './store/catalogue-repo.js';
import { pruneDeadLeases, releaseLease, renewLease, takeLease } from './store/leases-repo.js';
import { recoverDeadOwnersWork } from './store/print-jobs-repo.js';
import { ArrivalPrinter } from './printing/on-arrival.js';

/** Every feature's handlers: the compiler checks that together they cover the whole contract. */
export const handlers: Handlers = {
  ...orderHandlers,
  ...redeliveryHandlers,
  ...packingHandlers,
  ...picklistHandlers,
  ...shippingHandlers,
  ...handoverHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...demoHandlers,
  ...printerHandlers,
  ...printingHandlers,
  ...printDocumentHandlers,
  ...shopSettingsHandlers,
  ...syncHandlers,
  ...packingSlipHandlers,
  'catalogue.list': (input, ctx) => listSkus(ctx.db, input),
};

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  context: CoreContext;
  /** The sync with the platform: hosts call `start()` (the CLI runs single cycles through the API). */
  sync: SyncService;
  close(): void;
}

/** How the sync reaches the platform and keeps the shop's secrets. */
export interface SyncOptions {
  /** Electron's safeStorage (the app), or `keychain: null` to skip the OS keychain (tests). */
  credentials?: Omit<OpenCredentialsOptions, 'dataDir'>;
  /**
   * Where platform calls (HTTP, parsing, checking answers) run: 'worker' — a worker thread, for the
   * app and the station, so a scan never waits on them; 'thread' (the default) — here (the CLI);
   * or a factory of one's own (tests).
   */
  gateways?: 'worker' | 'thread' | GatewayFactory;
  /** The platform client's timeouts and backoff (tests shorten them). */
  runtime?: RuntimeOptions;
  /** How long "Sync now" waits for another program's cycle before giving up (default 30 s). */
  lockWaitMs?: number;
  identity?: LockIdentity;
}

export interface CoreOptions {
  dbPath: string;
  clock?: Clock;
  log?: Logger;
  /** How to reach printers; the default opens real transports (TCP, USB, spooler, files). */
  printers?: PrinterIo;
  /** A better-sqlite3 addon built for another ABI than Node's (Electron's); see openDatabase. */
  nativeBinding?: string;
  sync?: SyncOptions;
  /**
   * Start the label worker and load the PDF renderer now, in the background, so the first
   * platform label does not wait for it (the app and the station; short CLI runs need not).
   */
  warmLabelRenderer?: boolean;
  /** What this program is, as other Packdesk programs on the database are told. Default: app. */
  role?: ProcessRole;
  /** How long a write waits for another program's lock before DATABASE_BUSY. Default 3 s. */
  busyWaitMs?: number;
}

const realPrinters: PrinterIo = { openTransport: (uri, preview) => openTransport(uri, { previewArtifacts: preview }) };

const consoleLog: Logger = { error: (message, err) => console.error(`[packdesk] ${message}`, err) };

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function thisProcess(role: ProcessRole): ProcessIdentity {
  // Leases compare real time across programs, whatever clock the domain is given.
  const now = Date.now();
  return {
    lease: { ownerId: randomUUID(), pid: process.pid, host: os.hostname(), role, startedAt: now, heartbeatAt: now },
    here: () => ({ host: os.hostname(), now: Date.now(), pidAlive }),
  };
}

/**
 * At start: take this program's lease, forget programs that are dead, and recover their work
 * (a label caught mid-send becomes "outcome unknown", their batches pause). A live program's
 * work is never touched. Start-up may wait for another program's write.
 */
function startUp(db: Db, me: ProcessIdentity, now: number): void {
  whileOpening(db, () =>
    db
      .transaction(() => {
        takeLease(db, me.lease);
        recoverDeadOwnersWork(db, pruneDeadLeases(db, me.here()), now);
      })
      .immediate(),
  );
}

/** Opens the store and wires the dispatcher: what Electron, the station host and the CLI share. */
export function createCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const db = openDatabase(opts.dbPath, clock.now(), opts.nativeBinding);
  const events = new EventBus();
  const log = opts.log ?? consoleLog;
  const dataDir = opts.dbPath === ':memory:' ? os.tmpdir() : path.dirname(path.resolve(opts.dbPath));
  const me = thisProcess(opts.role ?? 'app');
  try {
    startUp(db, me, clock.now());
  } catch (err) {
    db.close();
    throw isBusy(err) ? databaseBusy(5000) : err;
  }
  const writer = new Writer({ db, clock, events, log, dueRules, busyWaitMs: opts.busyWaitMs ?? 3000 });
  const checkpointer = new IdleCheckpointer(db);
  const s = opts.sync ?? {};
  const sync = new SyncService({
    db,
    clock,
    events,
    log,
    dataDir,
    // Each small step through this program's one writer, like every other write.
    write: async (fn) => {
      const result = await writer.write(fn);
      checkpointer.touch();
      return result;
    },
    openCredentials: async () => (await openCredentialStore({ dataDir, ...s.credentials })).store,
    ...(s.gateways === 'worker' ? { gateways: workerGateways } : typeof s.gateways === 'function' ? { gateways: s.gateways } : {}),
    ...(s.runtime ? { runtime: s.runtime } : {}),
    // The sync lock is held under this program's lease id (process_leases names its role, pid and host).
    identity: s.identity ?? { ...thisProgram(), owner: me.lease.ownerId },
    lockWaitMs: s.lockWaitMs ?? 30_000,
    labelsArrived: () => arrivals.sweep(),
  });
  const context: CoreContext = {
    db,
    clock,
    events,
    log,
    dataDir,
    printers: opts.printers ?? realPrinters,
    writer,
    write: (fn) => writer.write(fn),
    settleDue: () => writer.settleDue(),
    process: me,
    sync,
  };
  const arrivals = new ArrivalPrinter(context);
  const heartbeat = setInterval(() => {
    writer
      .write(() => renewLease(db, me.lease, Date.now()))
      .catch((err: unknown) => {
        if (db.open) log.error('Renewing the process lease failed', err);
      });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  if (opts.warmLabelRenderer) void warmPlatformLabels();
  const dispatchNow = createDispatcher(context, handlers);
  const dispatch: Dispatch = async (method, input) => {
    const res = await dispatchNow(method, input);
    checkpointer.touch();
    return res;
  };
  return {
    dispatch,
    events,
    context,
    sync,
    close: () => {
      if (!db.open) return;
      void sync.stop();
      clearInterval(heartbeat);
      writer.close();
      try {
        // Work this program leaves running (a batch cut off by quitting) is recovered at the next start.
        releaseLease(db, me.lease.ownerId);
      } catch {
        // Busy: the lease goes stale by itself.
      }
      checkpointer.close();
      closeDatabase(db);
    },
  };
}
