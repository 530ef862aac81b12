import fs from 'node:fs';
import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { batchView, getJob, jobsOf } from '../store/print-jobs-repo.js';
import { orderIdsWithStatus, packableOrderIds, requireOrder } from '../store/orders-repo.js';
import { attachPackageLabel, packagesOfOrder } from '../store/packages-repo.js';
import { savePlatformLabel } from '../store/printers-repo.js';
import { saveLabelFile } from '../sync/label-files.js';
import { labelFileKind, platformLabelBitmap } from '../../printer/platform/platform-label.js';
import { resumeBatch, startBatch } from '../printing/batch.js';
import { encodeLabel, platformLabelFor, shippingLabelFor } from '../printing/documents.js';
import { assertMayPrint, printOrderLabel } from '../printing/print-order.js';
import { previewPrinter, profileOf, resolvePrinter } from '../printing/printers.js';
import { testLabel } from '../printing/test-label.js';
import type { Label } from '../../printer/label/model.js';
import { bitmapToPng } from '../../printer/label/png.js';
import { rasterise } from '../../printer/label/rasterise.js';

export const printingHandlers: Pick<
  Handlers,
  | 'printing.print'
  | 'printing.reprint'
  | 'printing.resend'
  | 'printing.batch'
  | 'printing.resume'
  | 'printing.getBatch'
  | 'printing.jobs'
  | 'printing.label'
  | 'printing.attachLabel'
  | 'printing.preview'
> = {
  'printing.print': (input, ctx) =>
    printOrderLabel(ctx, {
      orderId: input.orderId,
      packageId: input.packageId,
      printerName: input.printer,
      kind: 'PRINT',
      station: input.station,
      packer: input.packer,
    }),
  /** One action: the same label again, recorded as a reprint. */
  'printing.reprint': (input, ctx) =>
    printOrderLabel(ctx, {
      orderId: input.orderId,
      packageId: input.packageId,
      printerName: input.printer,
      kind: 'REPRINT',
      station: input.station,
      packer: input.packer,
    }),
  /** Only on the user's word: a job whose outcome is unknown (or that failed) goes out again. */
  'printing.resend': (input, ctx) => {
    const job = getJob(ctx.db, input.jobId) ?? fail('JOB_NOT_FOUND', `No print job ${input.jobId}.`);
    if (job.state !== 'UNKNOWN' && job.state !== 'FAILED') {
      fail('CONFLICT', `Job ${job.id} is ${job.state}; use reprint for another copy of a printed label.`);
    }
    if (!job.orderId) fail('CONFLICT', `Job ${job.id} is not an order's label.`);
    // The same package's label as the job it stands in for (jobs from before packages: the order's).
    return printOrderLabel(ctx, {
      orderId: job.orderId,
      packageId: job.packageId ?? undefined,
      printerName: job.printerName,
      kind: 'RESEND',
      resendOf: job.id,
      station: input.station,
      packer: input.packer,
    });
  },
  'printing.batch': (input, ctx) => {
    const ids = input.orderIds ?? (input.status ? orderIdsWithStatus(ctx.db, input.status) : packableOrderIds(ctx.db));
    return startBatch(ctx, { orderIds: ids, printerName: input.printer, station: input.station, packer: input.packer });
  },
  'printing.resume': (input, ctx) => resumeBatch(ctx, input.batchId),
  'printing.getBatch': (input, ctx) => batchView(ctx.db, input.batchId) ?? fail('JOB_NOT_FOUND', `No print batch ${input.batchId}.`),
  'printing.jobs': (input, ctx) => jobsOf(ctx.db, input),
  /** The exact bytes a printer of that language and dpi would get, without printing. */
  'printing.label': async (input, ctx) => {
    const order = requireOrder(ctx.db, input.orderId);
    assertMayPrint(order);
    const printer = { ...previewPrinter(ctx), language: input.language, dpi: input.dpi };
    const bytes = encodeLabel(await shippingLabelFor(ctx, order, printer, input.station), profileOf(printer));
    return { orderId: order.id, language: input.language, dpi: input.dpi, size: bytes.length, base64: Buffer.from(bytes).toString('base64') };
  },
  /** Keeps the platform's label (downloaded while online; its link lasts 24 h) for offline printing. */
  'printing.attachLabel': async (input, ctx) => {
    requireOrder(ctx.db, input.orderId);
    let content: Uint8Array;
    try {
      content = new Uint8Array(fs.readFileSync(input.path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
      fail(code, `Cannot read ${input.path}: ${(err as Error).message}`);
    }
    const kind = labelFileKind(content);
    // Render it once now: a broken file is refused here, not discovered at the printer.
    await platformLabelBitmap(content, { language: 'zpl', dpi: 203 });
    // Kept like a downloaded one: content-addressed in the data folder, on the order's first package.
    const sha256 = await saveLabelFile(ctx.dataDir, content, kind);
    await ctx.write(() => {
      const [pkg] = packagesOfOrder(ctx.db, input.orderId);
      const now = ctx.clock.now();
      if (pkg) attachPackageLabel(ctx.db, pkg.id, { sha256, kind, source: 'ATTACHED', fetchedAt: now }, null, now);
      else savePlatformLabel(ctx.db, input.orderId, kind, content, now);
    });
    return { orderId: input.orderId, kind, size: content.length };
  },
  /** What will print, as a picture: an order's label on a printer, or that printer's test label. */
  'printing.preview': async (input, ctx) => {
    const printer = resolvePrinter(ctx, input.printer, 'SHIPPING_LABEL');
    const profile = profileOf(printer);
    let label: Label;
    let source: 'PACKDESK' | 'PLATFORM' | 'TEST' = 'TEST';
    if (input.orderId) {
      const order = requireOrder(ctx.db, input.orderId);
      label = await shippingLabelFor(ctx, order, printer, input.station, input.packageId);
      source = platformLabelFor(ctx, order.id, input.packageId) ? 'PLATFORM' : 'PACKDESK';
    } else {
      label = testLabel(printer, new Date(ctx.clock.now()).toISOString().slice(0, 16).replace('T', ' '));
    }
    const bitmap = rasterise(label, profile);
    return { png: Buffer.from(bitmapToPng(bitmap)).toString('base64'), widthDots: bitmap.width, heightDots: bitmap.height, printer: printer.name, source };
  },
};
