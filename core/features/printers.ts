import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { discoverPrinters } from '../printing/discover.js';
import { encodeLabel, labelPng } from '../printing/documents.js';
import { allPrinters, PREVIEW_PRINTER, profileOf, resolvePrinter } from '../printing/printers.js';
import { failJob, markJob, sendJob } from '../printing/send.js';
import { queryStatus } from '../printing/status.js';
import { testLabel } from '../printing/test-label.js';
import { getJob, queueJob } from '../store/print-jobs-repo.js';
import { getPrinter, removePrinter, savePrinter } from '../store/printers-repo.js';
import { parsePrinterUri } from '../../printer/transports/uri.js';

export const printerHandlers: Pick<
  Handlers,
  'printers.list' | 'printers.save' | 'printers.remove' | 'printers.test' | 'printers.status' | 'printers.discover'
> = {
  'printers.list': (_input, ctx) => allPrinters(ctx),
  /** Adds a printer or changes its settings (calibration, documents it prints). */
  'printers.save': (input, ctx) => {
    parsePrinterUri(input.uri);
    if (input.name === PREVIEW_PRINTER && !input.uri.startsWith('preview:')) {
      fail('INVALID_INPUT', `"${PREVIEW_PRINTER}" is the name of the built-in preview printer; choose another name.`);
    }
    ctx.db.transaction(() => savePrinter(ctx.db, input, ctx.clock.now()))();
    return getPrinter(ctx.db, input.name)!;
  },
  'printers.remove': (input, ctx) => {
    if (!removePrinter(ctx.db, input.name)) fail('PRINTER_NOT_FOUND', `No printer named ${JSON.stringify(input.name)}.`);
    return { removed: input.name };
  },
  'printers.test': async (input, ctx) => {
    const printer = resolvePrinter(ctx, input.name, 'SHIPPING_LABEL');
    const label = testLabel(printer, new Date(ctx.clock.now()).toISOString().slice(0, 16).replace('T', ' '));
    const profile = profileOf(printer);
    const jobId = queueJob(
      ctx.db,
      { batchId: null, seq: 0, orderId: null, document: 'SHIPPING_LABEL', printerName: printer.name, uri: printer.uri, language: printer.language, kind: 'TEST', resendOf: null, station: input.station, packer: input.packer },
      ctx.clock.now(),
    );
    markJob(ctx, jobId, 'QUEUED');
    const png = printer.uri.startsWith('preview:') ? labelPng(label, profile) : undefined;
    const transport = ctx.printers.openTransport(printer.uri, { name: `test-job${jobId}`, png });
    try {
      await transport.open().catch((err: unknown) => failJob(ctx, jobId, err));
      await sendJob(ctx, transport, jobId, encodeLabel(label, profile));
    } finally {
      await transport.close().catch(() => {});
    }
    return getJob(ctx.db, jobId)!;
  },
  'printers.status': async (input, ctx) => {
    const printer = resolvePrinter(ctx, input.name, 'SHIPPING_LABEL');
    const transport = ctx.printers.openTransport(printer.uri);
    try {
      await transport.open();
      return { printer: printer.name, status: await queryStatus(ctx, printer, transport, { force: true }) };
    } finally {
      await transport.close().catch(() => {});
    }
  },
  'printers.discover': () => discoverPrinters(),
};
