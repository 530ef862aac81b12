import type { CoreContext } from '../api/context.js';
import type { Input } from '../api/contract.js';
import type { FinishResult } from '../api/views.js';
import { fail, type ErrorCode } from '../domain/errors.js';
import { isPackDone } from '../domain/packing.js';
import { printOrderLabel } from '../printing/print-order.js';
import { errorOf } from '../printing/send.js';
import { requireOrder } from '../store/orders-repo.js';
import { labelsPrintedAt } from '../store/print-jobs-repo.js';
import { viewOne } from './order-view.js';
import { shopSettings } from './shop-settings.js';
import { arrangeShipment } from './shipping.js';

async function printLabel(ctx: CoreContext, input: Input<'packing.finish'>): Promise<FinishResult['label']> {
  try {
    const job = await printOrderLabel(ctx, { orderId: input.orderId, printerName: input.printer, kind: 'PRINT', station: input.station, packer: input.packer });
    if (job.state === 'SENT') return { outcome: 'PRINTED', job, error: null };
    const code = (job.errorCode ?? 'JOB_OUTCOME_UNKNOWN') as ErrorCode;
    return { outcome: 'FAILED', job, error: { code, message: job.errorMessage ?? 'The label may not have printed.' } };
  } catch (err) {
    return { outcome: 'FAILED', job: null, error: errorOf(err) };
  }
}

/**
 * The packing workflow once an order is complete, the same for every client (screens, CLI): print
 * its label, then arrange its shipment, as the shop's settings say (settings.packing). A parcel is
 * never announced to the carrier without its label: no printed label, no arranging. A label that
 * went out before (a batch printed ahead of packing) is not printed again.
 */
export async function finishOrder(ctx: CoreContext, input: Input<'packing.finish'>): Promise<FinishResult> {
  const { autoPrint, autoShip } = shopSettings(ctx.db).packing;
  const order = requireOrder(ctx.db, input.orderId);
  if (!isPackDone(order)) fail('ORDER_NOT_PACKED', `Order ${order.id} is not packed yet: finish it once its last item is scanned.`, { orderId: order.id });
  const printedBefore = labelsPrintedAt(ctx.db, [order.id]).has(order.id);
  const label: FinishResult['label'] = !autoPrint
    ? { outcome: 'NOT_ASKED', job: null, error: null }
    : printedBefore
      ? { outcome: 'ALREADY_PRINTED', job: null, error: null }
      : await printLabel(ctx, input);
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
