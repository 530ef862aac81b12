import type { CoreContext } from '../api/context.js';
import { fail } from '../domain/errors.js';
import { labelRefusal, REFUSAL_MESSAGES } from '../domain/status.js';
import type { Order } from '../domain/types.js';
import { requireOrder } from '../store/orders-repo.js';
import { packagesOfOrder } from '../store/packages-repo.js';
import { encodeLabel, labelPackageId, labelPng, refuseWithoutPlatformLabel, shippingLabelFor } from './documents.js';
import { profileOf, resolvePrinter } from './printers.js';
import { printDocument } from './print-document.js';
import type { JobKind, JobView, SavedPrinter } from './types.js';

export interface PrintRequest {
  orderId: string;
  /** One of the order's packages (a split order's); default: the order's label as ever. */
  packageId?: string | undefined;
  printerName?: string;
  kind: JobKind;
  resendOf?: number | null;
  station: string;
  packer: string;
}

export function assertMayPrint(order: Order): void {
  const refusal = labelRefusal(order);
  if (refusal) fail(refusal, REFUSAL_MESSAGES[refusal] ?? refusal, { orderId: order.id });
}

/** Label bytes for an order on a printer, plus a PNG when the printer is the preview folder. */
export async function labelBytes(ctx: CoreContext, order: Order, printer: SavedPrinter, station: string, packageId?: string) {
  const label = await shippingLabelFor(ctx, order, printer, station, packageId);
  const profile = profileOf(printer);
  const bytes = encodeLabel(label, profile);
  const png = printer.uri.startsWith('preview:') ? labelPng(label, profile) : undefined;
  return { bytes, png };
}

/**
 * Prints one order's shipping label: the job is journaled first, then the label is built, the
 * printer checked and the bytes sent. Every outcome is on the job; a failure also throws.
 */
export async function printOrderLabel(ctx: CoreContext, req: PrintRequest): Promise<JobView> {
  const order = requireOrder(ctx.db, req.orderId);
  assertMayPrint(order);
  if (req.packageId && !packagesOfOrder(ctx.db, order.id).some((p) => p.id === req.packageId)) {
    fail('NOT_FOUND', `Order ${order.id} has no package ${req.packageId}.`, { orderId: order.id, packageId: req.packageId });
  }
  // Before the job is journaled: a TikTok-shipped parcel never gets Packdesk's label.
  refuseWithoutPlatformLabel(ctx, order.id, req.packageId);
  const printer = resolvePrinter(ctx, req.printerName, 'SHIPPING_LABEL');
  const packageId = labelPackageId(ctx, order.id, req.packageId);
  return printDocument(ctx, {
    document: 'SHIPPING_LABEL',
    printer,
    build: async () => [await shippingLabelFor(ctx, order, printer, req.station, req.packageId)],
    kind: req.kind,
    resendOf: req.resendOf ?? null,
    orderId: order.id,
    packageId,
    name: order.id,
    station: req.station,
    packer: req.packer,
  });
}
