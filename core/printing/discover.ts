import { listOsPrinters, listUsbPrinters, type OsDiscoveryOptions, type UsbDiscoveryOptions } from '../../printer/discovery/index.js';
import type { DiscoveredPrinters } from '../api/views.js';

/** USB printers (language from their IEEE 1284 id) and the OS's printers, to add with one click. */
export async function discoverPrinters(opts: { usb?: UsbDiscoveryOptions; os?: OsDiscoveryOptions } = {}): Promise<DiscoveredPrinters> {
  const [usb, os] = await Promise.all([listUsbPrinters(opts.usb), listOsPrinters(opts.os)]);
  return {
    usb: usb.printers.map((p) => ({ uri: p.uri, maker: p.maker ?? '', model: p.model ?? '', language: p.language ?? null })),
    os: os.map((p) => ({ uri: p.uri, name: p.name })),
    notes: usb.note ? [usb.note] : [],
  };
}
