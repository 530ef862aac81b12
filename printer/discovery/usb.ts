/**
 * USB printers attached to this computer, each with the address to save (usb:VID:PID[:SERIAL])
 * and, from its IEEE 1284 id, maker, model and the language to speak. A machine without USB (a
 * container, a locked-down VM) has no printers here: that is a note, not a failure.
 */
import type { PrinterLanguage } from '../label/model.js';
import { languageFromNames, type DeviceId } from '../transports/ieee1284.js';
import { formatPrinterUri } from '../transports/uri.js';
import {
  configurationOf,
  findPrinterInterface,
  PRINTER_CLASS,
  readDeviceId,
  safely,
  systemUsb,
  type PrinterInterface,
  type UsbDeviceLike,
  type UsbProvider,
} from '../transports/usb-device.js';
import { usbFailure } from '../transports/usb-errors.js';
import { errorText, withTimeout } from '../transports/util.js';

export interface UsbPrinterInfo {
  uri: string;
  vendorId: number;
  productId: number;
  serial?: string;
  maker?: string;
  model?: string;
  language?: PrinterLanguage;
  /** The IEEE 1284 id as the printer sent it. */
  deviceId?: string;
  /** Has a bulk IN endpoint: status can be asked. */
  bidirectional: boolean;
  /** Why maker, model or language may be missing (e.g. no permission to ask the printer). */
  note?: string;
}

/**
 * Why the list may be incomplete: a code the screens translate, an English message for the CLI
 * and logs, and for USB_NO_PERMISSION how many devices could not be looked inside.
 */
export type DiscoveryNote = { code: 'USB_UNAVAILABLE'; message: string } | { code: 'USB_NO_PERMISSION'; message: string; count: number };

export interface UsbDiscovery {
  printers: UsbPrinterInfo[];
  /** Set when the list may be incomplete. */
  note?: DiscoveryNote;
}

export interface UsbDiscoveryOptions {
  usb?: UsbProvider | (() => Promise<UsbProvider>);
  platform?: NodeJS.Platform;
  /** Per printer, for opening it and reading its id. */
  timeoutMs?: number;
}

/** USB strings that suggest a printer we could not look inside. */
const PRINTER_NAMES = /print|label|zebra|\btsc\b|xprinter|gprinter|thermal|receipt/i;

export async function listUsbPrinters(options: UsbDiscoveryOptions = {}): Promise<UsbDiscovery> {
  const platform = options.platform ?? process.platform;
  let devices: readonly UsbDeviceLike[];
  try {
    const provider = typeof options.usb === 'function' ? await options.usb() : (options.usb ?? (await systemUsb()));
    devices = await provider.getDevices();
  } catch (err) {
    return {
      printers: [],
      note: { code: 'USB_UNAVAILABLE', message: `USB devices cannot be listed on this computer (${errorText(err)}). Network and system printers still work.` },
    };
  }
  const printers: UsbPrinterInfo[] = [];
  let unreadable = 0;
  for (const device of devices) {
    const config = configurationOf(device);
    const iface = findPrinterInterface(config);
    if (iface) printers.push(await describe(device, iface, platform, options.timeoutMs ?? 1500));
    else if (config)
      continue; // looked inside: not a printer
    else if (device.deviceClass === PRINTER_CLASS || PRINTER_NAMES.test(names(device))) {
      printers.push(fromNames(device, 'Packdesk may not open this device to ask what it is.'));
    } else unreadable++;
  }
  const result: UsbDiscovery = { printers };
  if (unreadable > 0 && platform === 'linux') {
    result.note = {
      code: 'USB_NO_PERMISSION',
      count: unreadable,
      message: `${unreadable} USB device(s) could not be inspected (no permission). If your printer is missing, install Packdesk's udev rule (99-packdesk-printers.rules) and replug it.`,
    };
  }
  return result;
}

/** Opens the printer just long enough to read its 1284 id; falls back to the USB strings. */
async function describe(device: UsbDeviceLike, iface: PrinterInterface, platform: NodeJS.Platform, timeoutMs: number): Promise<UsbPrinterInfo> {
  try {
    const id = await withTimeout(readIdOnce(device, iface, platform, timeoutMs), timeoutMs * 2, () => new Error('timed out reading the device id'));
    return id ? fromDeviceId(device, iface, id) : fromNames(device, 'The printer did not give its IEEE 1284 id.', iface);
  } catch (err) {
    const reason = usbFailure(err, { uri: uriOf(device), stage: 'identify', platform });
    return fromNames(device, reason.message, iface);
  }
}

async function readIdOnce(device: UsbDeviceLike, iface: PrinterInterface, platform: NodeJS.Platform, timeoutMs: number): Promise<DeviceId | null> {
  await device.open();
  let detached = false;
  try {
    if (platform === 'linux' && device.detachKernelDriver)
      detached = await device.detachKernelDriver(iface.interfaceNumber).then(
        () => true,
        () => false,
      );
    await device.claimInterface(iface.interfaceNumber);
    try {
      return await readDeviceId(device, iface, timeoutMs);
    } finally {
      await device.releaseInterface?.(iface.interfaceNumber).catch(() => undefined);
    }
  } finally {
    // Hand the printer back to usblp/CUPS: discovery must not change who prints.
    if (detached) await device.attachKernelDriver?.(iface.interfaceNumber).catch(() => undefined);
    await device.close().catch(() => undefined);
  }
}

function fromDeviceId(device: UsbDeviceLike, iface: PrinterInterface, id: DeviceId): UsbPrinterInfo {
  const info = base(device, iface.inEndpoint !== undefined);
  const maker = id.maker ?? text(safely(() => device.manufacturerName));
  const model = id.model ?? text(safely(() => device.productName));
  if (maker) info.maker = maker;
  if (model) info.model = model;
  const language = id.language ?? languageFromNames(maker, model);
  if (language) info.language = language;
  info.deviceId = id.raw;
  return info;
}

function fromNames(device: UsbDeviceLike, note: string, iface?: PrinterInterface): UsbPrinterInfo {
  const info = base(device, iface?.inEndpoint !== undefined);
  const maker = text(safely(() => device.manufacturerName));
  const model = text(safely(() => device.productName));
  if (maker) info.maker = maker;
  if (model) info.model = model;
  const language = languageFromNames(maker, model);
  if (language) info.language = language;
  info.note = note;
  return info;
}

function base(device: UsbDeviceLike, bidirectional: boolean): UsbPrinterInfo {
  const serial = text(safely(() => device.serialNumber));
  const info: UsbPrinterInfo = { uri: uriOf(device), vendorId: device.vendorId, productId: device.productId, bidirectional };
  if (serial) info.serial = serial;
  return info;
}

/** With the serial when there is one, so two identical printers at one bench stay apart. */
function uriOf(device: UsbDeviceLike): string {
  const serial = text(safely(() => device.serialNumber));
  return formatPrinterUri({ kind: 'usb', vendorId: device.vendorId, productId: device.productId, ...(serial ? { serial } : {}) });
}

function names(device: UsbDeviceLike): string {
  return `${safely(() => device.manufacturerName) ?? ''} ${safely(() => device.productName) ?? ''}`;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
