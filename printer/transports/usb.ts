/**
 * Printing straight to a USB printer through `usb` 3.x: find the device by vendor/product id (and
 * serial), claim its printer-class interface (detaching usblp on Linux), send the job to bulk OUT
 * in chunks, and read status answers from bulk IN on bidirectional printers.
 */
import { printerFail, PrinterError } from '../errors.js';
import type { DeviceId } from './ieee1284.js';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TransportTimeouts } from './types.js';
import { formatPrinterUri } from './uri.js';
import {
  configurationOf,
  findPrinterInterface,
  hex4,
  readDeviceId,
  safely,
  systemUsb,
  type PrinterInterface,
  type UsbDeviceLike,
  type UsbProvider,
} from './usb-device.js';
import { usbFailure, type UsbStage } from './usb-errors.js';
import { errorText, IdleTimer, SerialQueue, withTimeout } from './util.js';

/** 16 KB per bulk transfer: small enough for cheap printers' buffers, large enough to keep up. */
export const USB_CHUNK_BYTES = 16 * 1024;

export interface UsbTransportOptions {
  serial?: string;
  timeouts?: Partial<TransportTimeouts>;
  /** The WebUSB-style device list; the real `usb` module when absent. */
  usb?: UsbProvider | (() => Promise<UsbProvider>);
  platform?: NodeJS.Platform;
  chunkBytes?: number;
  /**
   * Extra time the JavaScript side waits beyond a transfer's own (native) timeout before giving
   * up on it; the native timeout normally fires first and frees the endpoint.
   */
  guardMs?: number;
}

interface Session {
  device: UsbDeviceLike;
  iface: PrinterInterface;
  detached: boolean;
}

export class UsbTransport implements PrinterTransport {
  readonly uri: string;
  private readonly timeouts: TransportTimeouts;
  private readonly platform: NodeJS.Platform;
  private readonly chunkBytes: number;
  private readonly guardMs: number;
  private session: Session | null = null;
  private identity: DeviceId | null | undefined;
  private readonly idle = new IdleTimer();
  private readonly jobs = new SerialQueue();

  constructor(
    readonly vendorId: number,
    readonly productId: number,
    private readonly options: UsbTransportOptions = {},
  ) {
    const uri = { kind: 'usb' as const, vendorId, productId, ...(options.serial ? { serial: options.serial } : {}) };
    this.uri = formatPrinterUri(uri);
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.platform = options.platform ?? process.platform;
    this.chunkBytes = options.chunkBytes ?? USB_CHUNK_BYTES;
    this.guardMs = options.guardMs ?? 250;
  }

  open(): Promise<void> {
    return this.jobs.run(async () => {
      await this.ensureSession();
      this.rest();
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.jobs.run(async () => {
      const session = await this.ensureSession();
      try {
        await this.send(session, bytes);
      } catch (err) {
        // After a failed transfer the endpoint state is unknown: start from scratch next time.
        await this.endSession();
        throw err;
      } finally {
        this.rest();
      }
    });
  }

  /** Null when the printer is one-way (no bulk IN endpoint); empty when it said nothing in time. */
  read(timeoutMs: number): Promise<Uint8Array | null> {
    return this.jobs.run(async () => {
      const session = await this.ensureSession();
      try {
        return await this.receive(session, timeoutMs);
      } finally {
        this.rest();
      }
    });
  }

  close(): Promise<void> {
    return this.jobs.run(() => this.endSession());
  }

  /** Maker, model and language from the printer's IEEE 1284 id; null when it gives none. */
  deviceId(): Promise<DeviceId | null> {
    return this.jobs.run(async () => {
      await this.ensureSession();
      this.rest();
      return this.identity ?? null;
    });
  }

  private async ensureSession(): Promise<Session> {
    this.idle.disarm();
    if (this.session) return this.session;
    const device = await this.findDevice();
    const session = await this.step(
      'open',
      withTimeout(this.claim(device), this.timeouts.connectMs, () => new Error('open timed out')),
    );
    this.session = session;
    this.identity = await readDeviceId(device, session.iface, Math.min(1000, this.timeouts.connectMs)).catch(() => null);
    return session;
  }

  private async findDevice(): Promise<UsbDeviceLike> {
    const provider = typeof this.options.usb === 'function' ? await this.options.usb() : (this.options.usb ?? (await systemUsb()));
    let devices: readonly UsbDeviceLike[];
    try {
      devices = await provider.getDevices();
    } catch (err) {
      return printerFail('PRINTER_NOT_FOUND', `USB printer ${this.ids()} not found: this computer's USB devices cannot be listed (${errorText(err)}).`, {
        uri: this.uri,
        cause: errorText(err),
      });
    }
    const matches = devices.filter((d) => d.vendorId === this.vendorId && d.productId === this.productId);
    const wanted = this.options.serial;
    const device = wanted === undefined ? matches[0] : matches.find((d) => safely(() => d.serialNumber) === wanted);
    if (!device) {
      const why =
        matches.length > 0 ? `a printer ${this.ids()} is connected, but not the one with serial ${wanted}` : 'check the cable and that it is switched on';
      return printerFail('PRINTER_NOT_FOUND', `USB printer ${this.ids()} not found: ${why}.`, { uri: this.uri, connected: matches.length });
    }
    return device;
  }

  /** open → configuration → (Linux) detach usblp → claim → alternate setting. */
  private async claim(device: UsbDeviceLike): Promise<Session> {
    await device.open();
    let detached: { interfaceNumber: number } | null = null;
    try {
      let config = configurationOf(device);
      if (!safely(() => device.configuration)) {
        const first = safely(() => device.configurations?.[0]);
        await device.selectConfiguration(first?.configurationValue ?? 1);
        config = configurationOf(device);
      }
      const iface = findPrinterInterface(config);
      if (!iface)
        printerFail(
          'PRINTER_UNSUPPORTED',
          `USB device ${this.ids()} has no printer interface (USB class 7 with a bulk OUT endpoint): it is not a printer Packdesk can drive.`,
          { uri: this.uri },
        );
      if (await this.detachKernelDriver(device, iface.interfaceNumber)) detached = iface;
      await this.step('claim', device.claimInterface(iface.interfaceNumber));
      if (iface.alternateSetting !== 0 && device.selectAlternateInterface) {
        await device.selectAlternateInterface(iface.interfaceNumber, iface.alternateSetting);
      }
      return { device, iface, detached: detached !== null };
    } catch (err) {
      // Leave the printer as we found it, so CUPS or /dev/usb/lp0 still work.
      if (detached) await device.attachKernelDriver?.(detached.interfaceNumber).catch(() => undefined);
      await device.close().catch(() => undefined);
      throw err;
    }
  }

  /** usblp binds every USB printer on Linux; without detaching it, claiming fails as "busy". */
  private async detachKernelDriver(device: UsbDeviceLike, interfaceNumber: number): Promise<boolean> {
    if (this.platform !== 'linux' || !device.detachKernelDriver) return false;
    try {
      await device.detachKernelDriver(interfaceNumber);
      return true;
    } catch {
      return false; // no driver attached — the usual case once usblp is blacklisted
    }
  }

  private async send(session: Session, bytes: Uint8Array): Promise<void> {
    const { device, iface } = session;
    let sent = 0;
    while (sent < bytes.length) {
      const chunk = bytes.subarray(sent, sent + this.chunkBytes);
      // A failed transfer may have moved part of its chunk before it failed: that part is not known.
      const context = { bytesSent: sent, totalBytes: bytes.length, inFlight: chunk.length };
      const transfer = device.transferOut(iface.outEndpoint, chunk, this.timeouts.writeMs);
      const result = await this.step(
        'write',
        withTimeout(transfer, this.timeouts.writeMs + this.guardMs, () => new Error('transferOut timed out')),
        context,
      );
      // A transfer that came back says how much of its chunk went out: the count is exact again.
      const settled = { ...context, bytesSent: sent + Math.max(0, result.bytesWritten ?? 0), inFlight: 0 };
      if (result.status !== 'ok') throw usbFailure(new Error(`transferOut ${result.status}`), { ...this.context('write'), ...settled });
      if (result.bytesWritten <= 0) throw usbFailure(new Error('transferOut timed out (no bytes accepted)'), { ...this.context('write'), ...settled });
      // A short write is not an error: the rest of the chunk goes in the next transfer.
      sent += Math.min(result.bytesWritten, chunk.length);
    }
  }

  private async receive(session: Session, timeoutMs: number): Promise<Uint8Array | null> {
    const { device, iface } = session;
    if (iface.inEndpoint === undefined) return null;
    // libusb and nusb read a timeout of 0 as "wait forever"; a status read must always end.
    const wait = Math.max(1, Math.round(timeoutMs));
    const length = Math.max(iface.inPacketSize, 512);
    try {
      const result = await withTimeout(device.transferIn(iface.inEndpoint, length, wait), wait + this.guardMs, () => new Error('transferIn timed out'));
      if (result.status !== 'ok' || !result.data) return new Uint8Array(0);
      return new Uint8Array(result.data.buffer.slice(result.data.byteOffset, result.data.byteOffset + result.data.byteLength));
    } catch (err) {
      const failure = usbFailure(err, this.context('read'));
      if (failure.code === 'PRINTER_TIMEOUT') return new Uint8Array(0); // nothing to say is an answer too
      await this.endSession();
      throw failure;
    }
  }

  private async endSession(): Promise<void> {
    this.idle.disarm();
    const session = this.session;
    this.session = null;
    if (!session) return;
    const { device, iface, detached } = session;
    await device.releaseInterface?.(iface.interfaceNumber).catch(() => undefined);
    // Give usblp its printer back, so /dev/usb/lp0 and CUPS work again while we are idle.
    if (detached) await device.attachKernelDriver?.(iface.interfaceNumber).catch(() => undefined);
    await device.close().catch(() => undefined);
  }

  /** Awaits a USB call and turns its failure into a printer error code. */
  private async step<T>(stage: UsbStage, call: Promise<T>, extra: { bytesSent?: number; totalBytes?: number; inFlight?: number } = {}): Promise<T> {
    try {
      return await call;
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      throw usbFailure(err, { ...this.context(stage), ...extra });
    }
  }

  private context(stage: UsbStage) {
    return { uri: this.uri, stage, platform: this.platform };
  }

  private ids(): string {
    return `${hex4(this.vendorId)}:${hex4(this.productId)}`;
  }

  /** A claimed interface blocks every other program: let it go after idleMs unused. */
  private rest(): void {
    this.idle.arm(this.timeouts.idleMs, () => void this.close());
  }
}
