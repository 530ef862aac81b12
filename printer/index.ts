/**
 * The printer module's pure part: label model, rasteriser and encoders (label → bytes). Transports,
 * status parsers and discovery live beside it and only move these bytes.
 */
export * from './label/model.js';
export { createBitmap, type Bitmap } from './label/bitmap.js';
export { rasterise, elementBitmap } from './label/rasterise.js';
export { bitmapToPng } from './label/png.js';
export { labelFonts, type FontSource, type LabelFonts } from './label/text.js';
export { encodeZpl, zplText, type ZplOptions } from './encoders/zpl.js';
export { encodeEscpos, type EscposEncodeOptions } from './encoders/escpos.js';
export { encodeTspl, type TsplEncodeOptions } from './encoders/tspl.js';
export type { GraphicEncoding } from './encoders/zpl-graphic.js';
export * from './documents/types.js';
export { shippingLabel, labelBarcodeValue, contentsSummary } from './documents/shipping-label.js';
export { pickListPrintout } from './documents/pick-list.js';
export { skuLabel } from './documents/sku-label.js';
export { platformLabelBitmap, platformLabelImage, labelFileKind, warmPlatformLabels } from './platform/platform-label.js';
export { openTransport, type OpenTransportOptions } from './transports/open.js';
export { parsePrinterUri, formatPrinterUri } from './transports/uri.js';
export type { PrinterTransport, PrinterUri, TransportTimeouts, PreviewArtifacts } from './transports/types.js';
export { printerStatus, parseStatus, statusQuery } from './status/query.js';
export type { PrinterStatus, PrinterCondition } from './status/types.js';
export { listUsbPrinters, listOsPrinters } from './discovery/index.js';
export { PrinterError, PRINTER_ERROR_CODES, type PrinterErrorCode } from './errors.js';
export { partialJobEnding } from './recovery.js';
export { packingSlip } from './documents/packing-slip.js';
export { packingSlipHtml } from './documents/packing-slip-html.js';
export { printReceipt, receiptBytes, receiptColumns } from './receipts/receipt.js';
export { packingSlipReceipt, pickListReceipt } from './receipts/documents.js';
export type { Receipt, ReceiptLine, ReceiptProfile, ReceiptDialect, ReceiptWidth } from './receipts/types.js';
