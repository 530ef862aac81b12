import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { FinishResult } from '../api/views.js';
import { fail, type ErrorCode } from '../domain/errors.js';
import { isPackDone } from '../domain/packing.js';
import { printOrderLabel } from '../printing/print-order.js';
import { errorOf } from '../printing/send.js';
import { requireOrder } from '../store/orders-repo.js';
import { labelsPrintedAt, packagesLabelled } from '../store/print-jobs-repo.js';
import { viewOne } from './order-view.js';
import { shopSettings } from './shop-settings.js';
import { arrangeChunk, arrangeShipment } from './shipping.js';
import { awaitsPlatformLabel, PLATFORM_LABEL_MISSING_MESSAGE } from '../printing/documents.js';
import { resolvePrinter } from '../printing/printers.js';
import { saveLabelWish } from '../store/label-wishes-repo.js';
import { packagesOfOrder } from '../store/packages-repo.js';

async function printLabel(ctx: CoreContext, input: Input<'packing.finish'>, packageId: string | undefined): Promise<FinishResult['label']> {
  try {
    const job = await printOrderLabel(ctx, {
      orderId: input.orderId,
      packageId,
      printerName: input.printer,
      kind: 'PRINT',
      station: input.station,
      packer: input.packer,
    });
    if (job.state === 'SENT') return { outcome: 'PRINTED', job, error: null };
    const code = (job.errorCode ?? 'JOB_OUTCOME_UNKNOWN') as ErrorCode;
    return { outcome: 'FAILED', job, error: { code, message: job.errorMessage ?? 'The label may not have printed.' } };
  } catch (err) {
    return { outcome: 'FAILED', job: null, error: errorOf(err) };
  }
}

/**
 * The parcel being finished and whether its label went out before. A split order's parcel is one
 * package (the one named, else its last: the one on the bench when the last unit goes in), and
 * each package has its own label: package 1's label printed does not make package 2's.
 * An order with one package is its parcel, so the order's label is the package's.
 */
function parcelToFinish(ctx: CoreContext, orderId: string, packageId: string | undefined): { packageId: string | undefined; printedBefore: boolean } {
  const packages = packagesOfOrder(ctx.db, orderId);
  if (packages.length <= 1) return { packageId, printedBefore: labelsPrintedAt(ctx.db, [orderId]).has(orderId) };
  const parcel = packageId ?? packages[packages.length - 1]!.id;
  return { packageId: parcel, printedBefore: packagesLabelled(ctx.db, [parcel]).has(parcel) };
}

/**
 * The packing workflow once an order is complete, the same for every client (screens, CLI): print
 * its label, then arrange its shipment, as the shop's settings say (settings.packing). A parcel is
 * never announced to the carrier without its label: no printed label, no arranging. A label that
 * went out before (a batch printed ahead of packing, F8 on a full package) is not printed again.
 */
export async function finishOrder(ctx: CoreContext, input: Input<'packing.finish'>): Promise<FinishResult> {
  const { autoPrint, autoShip } = shopSettings(ctx.db).packing;
  const order = requireOrder(ctx.db, input.orderId);
  if (!isPackDone(order)) fail('ORDER_NOT_PACKED', `Order ${order.id} is not packed yet: finish it once its last item is scanned.`, { orderId: order.id });
  if (awaitsPlatformLabel(ctx, order.id)) return finishAwaitingLabel(ctx, input, autoPrint, autoShip);
  const { packageId, printedBefore } = parcelToFinish(ctx, order.id, input.packageId);
  const label: FinishResult['label'] = !autoPrint
    ? { outcome: 'NOT_ASKED', job: null, error: null }
    : printedBefore
      ? { outcome: 'ALREADY_PRINTED', job: null, error: null }
      : await printLabel(ctx, input, packageId);
  const labelled = printedBefore || label.outcome === 'PRINTED';
  let shipment: FinishResult['shipment'];
  if (!autoShip) shipment = { outcome: 'NOT_ASKED', error: null };
  else if (requireOrder(ctx.db, order.id).status === 'AWAITING_COLLECTION') shipment = { outcome: 'ALREADY_ARRANGED', error: null };
  else if (!labelled) shipment = { outcome: 'SKIPPED_NO_LABEL', error: null };
  else {
    const arranged = await arrangeShipment(ctx, [order.id], false);
    const failed = arranged.failed[0];
    shipment = failed ? { outcome: 'FAILED', error: { code: failed.code, message: failed.message } } : { outcome: 'ARRANGED', error: null };
  }
  return { orderId: order.id, label, shipment, order: viewOne(ctx.db, requireOrder(ctx.db, order.id), ctx.clock.now()) };
}

/**
 * A TikTok-shipped parcel whose label does not exist yet (the platform makes it only after Ship
 * Package): Packdesk's own label would not scan, so nothing prints now. With autoPrint on, the
 * shipment is arranged (the sync pushes it within a second when online) and, in the same write,
 * the label is wished for: it prints on this printer as soon as the sync has downloaded it.
 * With autoPrint off nothing is wished for: the shipment follows autoShip, and the packer prints
 * the label from Reprint once it is there.
 */
async function finishAwaitingLabel(ctx: CoreContext, input: Input<'packing.finish'>, autoPrint: boolean, autoShip: boolean): Promise<FinishResult> {
  const printer = autoPrint ? resolvePrinter(ctx, input.printer, 'SHIPPING_LABEL') : null;
  const done = await ctx.write(() => {
    const order = requireOrder(ctx.db, input.orderId);
    const alreadyArranged = order.status === 'AWAITING_COLLECTION';
    let shipment: FinishResult['shipment'] = { outcome: alreadyArranged ? 'ALREADY_ARRANGED' : 'NOT_ASKED', error: null };
    if (!alreadyArranged && (autoPrint || autoShip)) {
      const failed = arrangeChunk(ctx, [order.id], false).failed[0];
      shipment = failed ? { outcome: 'FAILED', error: { code: failed.code, message: failed.message } } : { outcome: 'ARRANGED', error: null };
    }
    const wished = printer !== null && shipment.outcome !== 'FAILED';
    if (wished) {
      const now = ctx.clock.now();
      for (const pkg of packagesOfOrder(ctx.db, order.id)) {
        if (pkg.shippingType === 'TIKTOK' && !pkg.label)
          saveLabelWish(ctx.db, {
            packageId: pkg.id,
            orderId: order.id,
            printerName: printer.name,
            station: input.station,
            packer: input.packer,
            wishedAt: now,
          });
      }
    }
    return { shipment, wished };
  });
  if (done.shipment.outcome === 'ARRANGED') ctx.events.emit('orders.changed', { orderIds: [input.orderId] });
  const label: FinishResult['label'] = done.wished
    ? { outcome: 'WHEN_IT_ARRIVES', job: null, error: null }
    : autoPrint
      ? { outcome: 'FAILED', job: null, error: { code: 'PLATFORM_LABEL_MISSING', message: PLATFORM_LABEL_MISSING_MESSAGE } }
      : { outcome: 'NOT_ASKED', job: null, error: null };
  return { orderId: input.orderId, label, shipment: done.shipment, order: viewOne(ctx.db, requireOrder(ctx.db, input.orderId), ctx.clock.now()) };
}
