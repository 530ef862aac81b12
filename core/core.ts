import { EventBus } from './api/events.js';
import os from 'node:os';
import path from 'node:path';
import { openTransport } from '../printer/transports/open.js';
import { warmPlatformLabels } from '../printer/platform/platform-label.js';
import type { CoreContext, Logger, PrinterIo } from './api/context.js';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatch.js';
import { systemClock, type Clock } from './domain/clock.js';
import { IdleCheckpointer } from './store/checkpoint.js';
import { openDatabase } from './store/db.js';
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
import { SyncService, type GatewayFactory, type LockIdentity } from './sync/service.js';
import { listSkus } from './store/catalogue-repo.js';
import { recoverInterruptedJobs } from './store/print-jobs-repo.js';

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
  'catalogue.list': (_input, ctx) => listSkus(ctx.db),
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
  /** Platform calls in a worker thread (hosts) rather than this thread (the default). */
  gateways?: GatewayFactory;
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
}

const realPrinters: PrinterIo = { openTransport: (uri, preview) => openTransport(uri, { previewArtifacts: preview }) };

const consoleLog: Logger = { error: (message, err) => console.error(`[packdesk] ${message}`, err) };

/** Opens the store and wires the dispatcher: what Electron, the station host and the CLI share. */
export function createCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const db = openDatabase(opts.dbPath, clock.now(), opts.nativeBinding);
  const events = new EventBus();
  const dataDir = opts.dbPath === ':memory:' ? os.tmpdir() : path.dirname(path.resolve(opts.dbPath));
  const log = opts.log ?? consoleLog;
  const checkpointer = new IdleCheckpointer(db);
  const s = opts.sync ?? {};
  const sync = new SyncService({
    db,
    clock,
    events,
    log,
    dataDir,
    // One small step in one immediate transaction (the writer's queue takes this over: issue 8).
    write: async (fn) => {
      const result = db.transaction(fn).immediate();
      checkpointer.touch();
      return result;
    },
    openCredentials: async () => (await openCredentialStore({ dataDir, ...s.credentials })).store,
    ...(s.gateways ? { gateways: s.gateways } : {}),
    ...(s.runtime ? { runtime: s.runtime } : {}),
    ...(s.identity ? { identity: s.identity } : {}),
    lockWaitMs: s.lockWaitMs ?? 30_000,
  });
  const context: CoreContext = { db, clock, events, log, dataDir, printers: opts.printers ?? realPrinters, sync };
  // A job caught mid-send by a crash is shown as "outcome unknown", never resent silently.
  recoverInterruptedJobs(db, clock.now());
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
      checkpointer.close();
      db.pragma('optimize');
      db.close();
    },
  };
}
