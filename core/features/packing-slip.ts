import type { Handlers } from '../api/dispatch.js';
import { packingSlipPage, printPackingSlip } from '../printing/packing-slip.js';

export const packingSlipHandlers: Pick<Handlers, 'printing.packingSlip' | 'printing.packingSlipPage'> = {
  'printing.packingSlip': (input, ctx) =>
    printPackingSlip(ctx, { orderId: input.orderId, printerName: input.printer, station: input.station, packer: input.packer }),
  'printing.packingSlipPage': (input, ctx) => packingSlipPage(ctx, input.orderId, input.station),
};
