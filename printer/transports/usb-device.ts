/**
 * The part of `usb` 3.x (WebUSB-style device objects over nusb) that Packdesk uses, written as
 * structural types so tests pass a fake device and the app passes the real one. Also: finding the
 * printer-class interface and reading the printer's IEEE 1284 id.
 */
import { printerFail } from '../errors.js';
import { decodeDeviceIdResponse, parseDeviceId, type DeviceId } from './ieee1284.js';
import { errorText, withTimeout } from './util.js';

export type UsbDirection = 'in' | 'out';

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: UsbDirection;
  type: string;
  packetSize: number;
}

export interface UsbAlternateLike {
  alternateSetting: number;
  interfaceClass: number;
  interfaceSubclass: number;
  interfaceProtocol: number;
  endpoints: readonly UsbEndpointLike[];
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate?: UsbAlternateLike;
  alternates: readonly UsbAlternateLike[];
  claimed?: boolean;
}

export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: readonly UsbInterfaceLike[];
}

export interface UsbControlSetup {
  requestType: 'standard' | 'class' | 'vendor';
  recipient: 'device' | 'interface' | 'endpoint' | 'other';
  request: number;
  value: number;
  index: number;
}

export interface UsbInResult {
  data?: DataView | undefined;
  status: string;
}

export interface UsbOutResult {
  bytesWritten: number;
  status: string;
}

/** node-usb 3's UsbDevice; the timeout arguments are its extension to WebUSB (milliseconds). */
export interface UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly deviceClass?: number;
  /** Getters that may open the device (and throw) in node-usb 3: read them inside try. */
  readonly serialNumber?: string | null | undefined;
  readonly manufacturerName?: string | null | undefined;
  readonly productName?: string | null | undefined;
  readonly configuration?: UsbConfigurationLike | null | undefined;
  readonly configurations?: readonly UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface?(interfaceNumber: number): Promise<void>;
  selectAlternateInterface?(interfaceNumber: number, alternateSetting: number): Promise<void>;
  controlTransferIn(setup: UsbControlSetup, length: number, timeout?: number): Promise<UsbInResult>;
  transferOut(endpointNumber: number, data: Uint8Array, timeout?: number): Promise<UsbOutResult>;
  transferIn(endpointNumber: number, length: number, timeout?: number): Promise<UsbInResult>;
  /** Linux only (node-usb 3): lets go of usblp, which otherwise holds every USB printer. */
  detachKernelDriver?(interfaceNumber: number): Promise<void>;
  attachKernelDriver?(interfaceNumber: number): Promise<void>;
}

export interface UsbProvider {
  getDevices(): Promise<readonly UsbDeviceLike[]>;
}

/** USB class 7 = printer; protocol 1 one-way, 2 bidirectional, 3 IEEE 1284.4. */
export const PRINTER_CLASS = 7;
const BIDIRECTIONAL = 2;
/** Class request 0 of the USB printer class spec. */
const GET_DEVICE_ID = 0;

export interface PrinterInterface {
  interfaceNumber: number;
  alternateSetting: number;
  protocol: number;
  outEndpoint: number;
  /** Present on bidirectional printers: status answers come back here. */
  inEndpoint?: number;
  inPacketSize: number;
}

/** The real `usb` module's default WebUSB object (all devices allowed), loaded on first use. */
export async function systemUsb(): Promise<UsbProvider> {
  try {
    const mod = await import('usb');
    // The package's typings lean on the DOM's WebUSB types, which this Node project does not load;
    // the object is checked structurally by every use below.
    return mod.usb as unknown as UsbProvider;
  } catch (err) {
    return printerFail('PRINTER_UNSUPPORTED', `USB printing is not available in this build: ${errorText(err)}.`, { cause: errorText(err) });
  }
}

/** Reads a device getter that may open the device and throw; undefined when it does. */
export function safely<T>(read: () => T): T | undefined {
  try {
    return read() ?? undefined;
  } catch {
    return undefined;
  }
}

export function configurationOf(device: UsbDeviceLike): UsbConfigurationLike | undefined {
  return safely(() => device.configuration) ?? safely(() => device.configurations?.[0]);
}

/** The printer-class interface to print through: bulk OUT required, bidirectional preferred. */
export function findPrinterInterface(config: UsbConfigurationLike | undefined): PrinterInterface | undefined {
  const candidates: PrinterInterface[] = [];
  for (const iface of config?.interfaces ?? []) {
    const alternates = iface.alternates.length > 0 ? iface.alternates : iface.alternate ? [iface.alternate] : [];
    for (const alt of alternates) {
      if (alt.interfaceClass !== PRINTER_CLASS) continue;
      const out = alt.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      if (!out) continue;
      const inEp = alt.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk');
      const found: PrinterInterface = {
        interfaceNumber: iface.interfaceNumber,
        alternateSetting: alt.alternateSetting,
        protocol: alt.interfaceProtocol,
        outEndpoint: out.endpointNumber,
        inPacketSize: inEp?.packetSize ?? 64,
      };
      if (inEp) found.inEndpoint = inEp.endpointNumber;
      candidates.push(found);
    }
  }
  return candidates.find((c) => c.protocol === BIDIRECTIONAL && c.inEndpoint !== undefined) ?? candidates[0];
}

/**
 * GET_DEVICE_ID: class request 0 to the interface, wIndex = interface << 8 | alternate (as CUPS
 * sends it; the printer class spec puts the interface in the high byte). Needs the interface
 * claimed in node-usb 3. Null when the printer gives no usable id.
 */
export async function readDeviceId(device: UsbDeviceLike, iface: PrinterInterface, timeoutMs: number): Promise<DeviceId | null> {
  const setup: UsbControlSetup = {
    requestType: 'class',
    recipient: 'interface',
    request: GET_DEVICE_ID,
    value: 0,
    index: (iface.interfaceNumber << 8) | iface.alternateSetting,
  };
  const result = await withTimeout(device.controlTransferIn(setup, 1024, timeoutMs), timeoutMs + 250, () => new Error('GET_DEVICE_ID timed out'));
  if (result.status !== 'ok' || !result.data) return null;
  const text = decodeDeviceIdResponse(new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength));
  return text === null ? null : parseDeviceId(text);
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
