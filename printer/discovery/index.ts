/** Finding printers: attached by USB, and the system's print queues. */
export { listUsbPrinters, type DiscoveryNote, type UsbDiscovery, type UsbDiscoveryOptions, type UsbPrinterInfo } from './usb.js';
export { listOsPrinters, parseGetPrinterJson, type OsDiscoveryOptions, type OsPrinterInfo } from './os.js';
