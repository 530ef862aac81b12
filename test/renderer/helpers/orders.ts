import type { LineView, OrderView, ScanVerdict } from '../../../core/api/views.js';
import type { JobView } from '../../../core/printing/types.js';

export function line(over: Partial<LineView> = {}): LineView {
  return {
    skuId: 'sku-mug',
    sellerSku: 'MUG-RED',
    name: 'Ceramic mug',
    variation: 'Red',
    qty: 2,
    packedQty: 0,
    bin: 'A-01-03',
    barcodes: ['6901234567892'],
    ...over,
  };
}

/** An order as the core's OrderView describes it: two lines, nothing packed yet. */
export function orderView(over: Partial<OrderView> = {}): OrderView {
  const lines = over.lines ?? [
    line(),
    line({ skuId: 'sku-tee', sellerSku: 'TEE-BLK-M', name: 'T-shirt', variation: 'Black / M', qty: 1, bin: 'B-02-01', barcodes: ['6901234567809'] }),
  ];
  return {
    id: '576461234567890001',
    status: 'AWAITING_SHIPMENT',
    cancelRequestedAt: null,
    lines,
    recipient: { name: 'Li Wei', phone: '+44 7700 900000', country: 'GB', state: '', city: 'London', district: '', address: '1 High St', postcode: 'E1 6AN' },
    buyerUsername: 'liwei',
    buyerMessage: '',
    sellerNote: '',
    trackingNumber: 'TT123456789GB',
    packageId: 'PKG-1',
    carrier: 'TikTok Shipping',
    deliveryOption: 'STANDARD',
    weightKg: 0.5,
    createdAt: 1_700_000_000_000,
    paidAt: 1_700_000_000_000,
    rtsAt: null,
    shippedAt: null,
    deliveredAt: null,
    deliveryFailedAt: null,
    cancelledAt: null,
    cancelReason: '',
    platformDeadlines: { shipBy: null, collectBy: null },
    packedAt: null,
    packedBy: null,
    shortPackReason: '',
    redeliveryRequestedAt: null,
    handedOverAt: null,
    provisional: false,
    version: 1,
    updatedAt: 1_700_000_000_000,
    deadlines: [],
    nextDeadline: null,
    urgency: 'LATER',
    packRefusal: null,
    singleItem: false,
    unitsPacked: lines.reduce((n, l) => n + l.packedQty, 0),
    unitsOrdered: lines.reduce((n, l) => n + l.qty, 0),
    labelPrintedAt: null,
    ...over,
  };
}

export function verdict(over: Partial<ScanVerdict> = {}): ScanVerdict {
  return {
    scanId: 'scan-1',
    code: 'ACCEPTED',
    ok: true,
    message: 'core message',
    scannedCode: '6901234567892',
    orderId: '576461234567890001',
    line: null,
    scannedItem: null,
    packedAt: null,
    packedBy: null,
    progress: null,
    order: null,
    at: 1_700_000_000_000,
    replayed: false,
    ...over,
  };
}

export function job(over: Partial<JobView> = {}): JobView {
  return {
    id: 1,
    batchId: null,
    orderId: '576461234567890001',
    packageId: null,
    document: 'SHIPPING_LABEL',
    printerName: 'Zebra GK420d',
    uri: 'tcp://127.0.0.1:9100',
    state: 'SENT',
    mayHavePrintedPartly: false,
    kind: 'PRINT',
    resendOf: null,
    errorCode: null,
    errorMessage: null,
    bytes: 1000,
    station: 'packdesk',
    packer: 'packer',
    createdAt: 1_700_000_000_000,
    sentAt: 1_700_000_000_000,
    ...over,
  };
}
