import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { discoverPrinters } from '../printing/discover.js';
import { allPrinters, PREVIEW_PRINTER, resolvePrinter } from '../printing/printers.js';
import { printDocument } from '../printing/print-document.js';
import { queryStatus } from '../printing/status.js';
import { testLabel } from '../printing/test-label.js';
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
    return ctx.write(() => {
      savePrinter(ctx.db, input, ctx.clock.now());
      return getPrinter(ctx.db, input.name)!;
    });
  },
  'printers.remove': (input, ctx) =>
    ctx.write(() => {
      if (!removePrinter(ctx.db, input.name)) fail('PRINTER_NOT_FOUND', `No printer named ${JSON.stringify(input.name)}.`);
      return { removed: input.name };
    }),
  'printers.test': (input, ctx) => {
    const printer = resolvePrinter(ctx, input.name, 'SHIPPING_LABEL');
    const label = testLabel(printer, new Date(ctx.clock.now()).toISOString().slice(0, 16).replace('T', ' '));
    return printDocument(ctx, {
      document: 'SHIPPING_LABEL',
      printer,
      build: () => [label],
      kind: 'TEST',
      name: 'test',
      station: input.station,
      packer: input.packer,
    });
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
