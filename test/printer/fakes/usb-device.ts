/**
 * A USB label printer as `usb` 3.x shows it: a WebUSB-style device object with a printer-class
 * interface, a bulk OUT (and optionally IN) endpoint and an IEEE 1284 id. It records every call
 * and can fail the way node-usb 3 fails (its error texts are copied from the native module), so
 * each error path of the USB transport runs without hardware.
 */
import type {
  UsbConfigurationLike,
  UsbControlSetup,
  UsbDeviceLike,
  UsbEndpointLike,
  UsbInResult,
  UsbOutResult,
  UsbProvider,
} from '../../../printer/transports/usb-device.js';

export interface FakeUsbOptions {
  vendorId?: number;
  productId?: number;
  serial?: string | null;
  manufacturer?: string | null;
  product?: string | null;
  /** The IEEE 1284 id text; null: the printer stalls GET_DEVICE_ID. */
  deviceId?: string | null;
  /** Adds a bulk IN endpoint (status answers). */
  bidirectional?: boolean;
  interfaceNumber?: number;
  /** A device that is not a printer (e.g. a keyboard, class 3). */
  interfaceClass?: number;
  /** No active configuration until selectConfiguration is called. */
  unconfigured?: boolean;
  /** The configuration getter throws (node-usb 3 opens the device to read it). */
  configurationError?: Error;
  failOpen?: Error;
  failClaim?: Error;
  /** transferOut call number `at` (0-based) rejects with `error`. */
  failWrite?: { at: number; error: Error };
  /** transferOut never settles (a wedged printer under a native stack that ignores timeouts). */
  hangWrites?: boolean;
  /** Accepts at most this many bytes per transferOut (short writes). */
  maxPerTransfer?: number;
  /** What the printer answers on bulk IN after bytes arrive on bulk OUT. */
  respond?: (written: Uint8Array) => Uint8Array[];
}

const OUT_EP = 1;
const IN_EP = 2;

export class FakeUsbDevice implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly deviceClass = 0;
  readonly calls: string[] = [];
  readonly written: Uint8Array[] = [];
  readonly setups: UsbControlSetup[] = [];
  private readonly inbox: Uint8Array[] = [];
  private configured: boolean;
  private writes = 0;

  constructor(private readonly options: FakeUsbOptions = {}) {
    this.vendorId = options.vendorId ?? 0x0a5f;
    this.productId = options.productId ?? 0x0164;
    this.configured = !options.unconfigured;
  }

  get serialNumber() {
    return this.options.serial === undefined ? 'ZBR1234' : this.options.serial;
  }
  get manufacturerName() {
    return this.options.manufacturer === undefined ? 'Zebra Technologies' : this.options.manufacturer;
  }
  get productName() {
    return this.options.product === undefined ? 'ZTC GK420d' : this.options.product;
  }

  get configuration(): UsbConfigurationLike | null {
    if (this.options.configurationError) throw this.options.configurationError;
    return this.configured ? this.config() : null;
  }

  get configurations(): UsbConfigurationLike[] {
    if (this.options.configurationError) throw this.options.configurationError;
    return [this.config()];
  }

  /** All bytes that reached bulk OUT, in order. */
  bytesOut(): Buffer {
    return Buffer.concat(this.written);
  }

  async open() {
    this.calls.push('open');
    if (this.options.failOpen) throw this.options.failOpen;
  }
  async close() {
    this.calls.push('close');
  }
  async selectConfiguration(value: number) {
    this.calls.push(`selectConfiguration(${value})`);
    this.configured = true;
  }
  async claimInterface(n: number) {
    this.calls.push(`claimInterface(${n})`);
    if (this.options.failClaim) throw this.options.failClaim;
  }
  async releaseInterface(n: number) {
    this.calls.push(`releaseInterface(${n})`);
  }
  async detachKernelDriver(n: number) {
    this.calls.push(`detachKernelDriver(${n})`);
  }
  async attachKernelDriver(n: number) {
    this.calls.push(`attachKernelDriver(${n})`);
  }

  /** Answers GET_DEVICE_ID only when asked exactly as the printer class spec says. */
  async controlTransferIn(setup: UsbControlSetup, length: number): Promise<UsbInResult> {
    this.calls.push('controlTransferIn');
    this.setups.push(setup);
    const iface = this.options.interfaceNumber ?? 0;
    const right = setup.requestType === 'class' && setup.recipient === 'interface' && setup.request === 0 && setup.index === iface << 8;
    if (!right || this.options.deviceId === null) return { status: 'stall' };
    const text = Buffer.from(this.options.deviceId ?? 'MFG:Zebra Technologies;CMD:ZPL;MDL:ZTC GK420d;CLS:PRINTER;', 'latin1');
    const answer = Buffer.concat([Buffer.of((text.length + 2) >> 8, (text.length + 2) & 0xff), text]).subarray(0, length);
    return { status: 'ok', data: new DataView(answer.buffer, answer.byteOffset, answer.byteLength) };
  }

  transferOut(endpoint: number, data: Uint8Array): Promise<UsbOutResult> {
    this.calls.push(`transferOut(${endpoint},${data.length})`);
    const at = this.writes++;
    if (this.options.hangWrites) return new Promise(() => undefined);
    if (this.options.failWrite?.at === at) return Promise.reject(this.options.failWrite.error);
    const accepted = data.slice(0, this.options.maxPerTransfer ?? data.length);
    this.written.push(accepted);
    for (const answer of this.options.respond?.(accepted) ?? []) this.inbox.push(answer);
    return Promise.resolve({ status: 'ok', bytesWritten: accepted.length });
  }

  /** Like nusb: with nothing to read, the transfer is cancelled when its timeout expires. */
  transferIn(endpoint: number, length: number, timeout = 1000): Promise<UsbInResult> {
    this.calls.push(`transferIn(${endpoint})`);
    const next = this.inbox.shift();
    if (next) {
      const data = next.slice(0, length);
      return Promise.resolve({ status: 'ok', data: new DataView(data.buffer, data.byteOffset, data.byteLength) });
    }
    return new Promise((_, reject) => setTimeout(() => reject(new Error('transferIn error: Cancelled')), timeout));
  }

  private config(): UsbConfigurationLike {
    const endpoints: UsbEndpointLike[] = [{ endpointNumber: OUT_EP, direction: 'out', type: 'bulk', packetSize: 64 }];
    if (this.options.bidirectional) endpoints.push({ endpointNumber: IN_EP, direction: 'in', type: 'bulk', packetSize: 64 });
    const alternate = {
      alternateSetting: 0,
      interfaceClass: this.options.interfaceClass ?? 7,
      interfaceSubclass: 1,
      interfaceProtocol: this.options.bidirectional ? 2 : 1,
      endpoints,
    };
    return { configurationValue: 1, interfaces: [{ interfaceNumber: this.options.interfaceNumber ?? 0, alternate, alternates: [alternate] }] };
  }
}

export function fakeUsb(...devices: UsbDeviceLike[]): UsbProvider {
  return { getDevices: async () => devices };
}

/** What `usb` 3.1 does on this CI machine, which has no USB bus at all. */
export function noUsbBus(): UsbProvider {
  return {
    getDevices: () => Promise.reject(Object.assign(new Error('getDevices error: /sys/bus/usb/devices/ not found (errno 2)'), { code: 'GenericFailure' })),
  };
}
