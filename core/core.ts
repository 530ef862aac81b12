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
  ...packingSlipHandlers,
  'catalogue.list': (_input, ctx) => listSkus(ctx.db),
};

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  context: CoreContext;
  close(): void;
}

export interface CoreOptions {
  dbPath: string;
  clock?: Clock;
  log?: Logger;
  /** How to reach printers; the default opens real transports (TCP, USB, spooler, files). */
  printers?: PrinterIo;
  /** A better-sqlite3 addon built for another ABI than Node's (Electron's); see openDatabase. */
  nativeBinding?: string;
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
  const context: CoreContext = { db, clock, events, log: opts.log ?? consoleLog, dataDir, printers: opts.printers ?? realPrinters };
  // A job caught mid-send by a crash is shown as "outcome unknown", never resent silently.
  recoverInterruptedJobs(db, clock.now());
  if (opts.warmLabelRenderer) void warmPlatformLabels();
  const checkpointer = new IdleCheckpointer(db);
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
    close: () => {
      if (!db.open) return;
      checkpointer.close();
      db.pragma('optimize');
      db.close();
    },
  };
}
