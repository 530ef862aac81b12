/** How bytes reach a printer: one transport per kind of address, chosen by openTransport. */
export * from './types.js';
export { openTransport, type OpenTransportOptions } from './open.js';
export { parsePrinterUri, formatPrinterUri, normalisePrinterUri, RAW_PORT } from './uri.js';
export { TcpTransport } from './tcp.js';
export { UsbTransport, USB_CHUNK_BYTES, type UsbTransportOptions } from './usb.js';
export { FileTransport, type DeviceFileHandle, type FileTransportOptions } from './file.js';
export { SpoolTransport, type SpoolTransportOptions } from './spool.js';
export { PreviewTransport, type PreviewFiles, type PreviewTransportOptions } from './preview.js';
export { parseDeviceId, languageOf, type DeviceId } from './ieee1284.js';
export type { SpawnFn } from './process.js';
export type { UsbDeviceLike, UsbProvider } from './usb-device.js';
