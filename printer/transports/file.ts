/**
 * A printer's device file: Linux's usblp gives /dev/usb/lp0, a parallel port /dev/lp0, a serial
 * adapter /dev/ttyUSB0. Write-only: usblp can answer reads, but not all device files can, and a
 * read that blocks cannot be cancelled. The file is never created: a missing device means the
 * printer is not there, not that a regular file should appear in /dev.
 */
import fs from 'node:fs';
import type { PrinterErrorCode, PrinterError } from '../errors.js';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TransportTimeouts } from './types.js';
import { formatPrinterUri } from './uri.js';
import { byteCount, BYTES_UNKNOWN, errnoCode, errorText, IdleTimer, printerError, SerialQueue, withTimeout } from './util.js';

const CHUNK_BYTES = 16 * 1024;

export interface DeviceFileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

export interface FileTransportOptions {
  timeouts?: Partial<TransportTimeouts>;
  /** Opens the device; fs.promises.open with write-only, append, no-create flags when absent. */
  openFile?: (path: string) => Promise<DeviceFileHandle>;
}

const openDevice = (path: string): Promise<DeviceFileHandle> => fs.promises.open(path, fs.constants.O_WRONLY | fs.constants.O_APPEND);

export class FileTransport implements PrinterTransport {
  readonly uri: string;
  private readonly timeouts: TransportTimeouts;
  private readonly openFile: (path: string) => Promise<DeviceFileHandle>;
  private handle: DeviceFileHandle | null = null;
  private readonly idle = new IdleTimer();
  private readonly jobs = new SerialQueue();

  constructor(
    readonly path: string,
    options: FileTransportOptions = {},
  ) {
    this.uri = formatPrinterUri({ kind: 'file', path });
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.openFile = options.openFile ?? openDevice;
  }

  open(): Promise<void> {
    return this.jobs.run(async () => {
      await this.ensureOpen();
      this.rest();
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.jobs.run(async () => {
      const handle = await this.ensureOpen();
      try {
        await this.send(handle, bytes);
      } catch (err) {
        this.abandon();
        throw err;
      } finally {
        this.rest();
      }
    });
  }

  async read(): Promise<null> {
    return null;
  }

  close(): Promise<void> {
    return this.jobs.run(async () => {
      this.idle.disarm();
      const handle = this.handle;
      this.handle = null;
      await handle?.close().catch(() => undefined);
    });
  }

  private async ensureOpen(): Promise<DeviceFileHandle> {
    this.idle.disarm();
    if (this.handle) return this.handle;
    try {
      this.handle = await withTimeout(this.openFile(this.path), this.timeouts.connectMs, () =>
        Object.assign(new Error('open timed out'), { code: 'ETIMEDOUT' }),
      );
    } catch (err) {
      throw this.openFailure(err);
    }
    return this.handle;
  }

  /**
   * Each write is given writeMs from the end of the one before: the printer has that long to take
   * the next chunk, however long the whole job takes.
   */
  private async send(handle: DeviceFileHandle, bytes: Uint8Array): Promise<void> {
    let sent = 0;
    while (sent < bytes.length) {
      const length = Math.min(CHUNK_BYTES, bytes.length - sent);
      const timedOut = () => Object.assign(new Error('write timed out'), { code: 'ETIMEDOUT' });
      try {
        const { bytesWritten } = await withTimeout(handle.write(bytes, sent, length), this.timeouts.writeMs, timedOut);
        sent += bytesWritten;
      } catch (err) {
        throw this.writeFailure(err, sent, length, bytes.length);
      }
    }
  }

  /**
   * A write stuck in the kernel (printer paused) cannot be cancelled; closing without waiting for
   * it lets the next job start on a fresh handle.
   */
  private abandon(): void {
    const handle = this.handle;
    this.handle = null;
    void handle?.close().catch(() => undefined);
  }

  private openFailure(err: unknown): PrinterError {
    const code = errnoCode(err) ?? '';
    const cause = { cause: errorText(err), errno: code };
    switch (code) {
      case 'ENOENT':
      case 'ENXIO':
      case 'ENODEV':
        return this.failure(
          'PRINTER_NOT_FOUND',
          `No printer at ${this.path}: the device file does not exist. Is the printer plugged in and switched on?`,
          cause,
        );
      case 'EACCES':
      case 'EPERM':
        return this.failure(
          'PRINTER_NO_PERMISSION',
          `Packdesk may not write to ${this.path}. On Linux add your user to the group that owns it (usually "lp": \`sudo usermod -aG lp $USER\`, then log in again).`,
          cause,
        );
      case 'EBUSY':
        return this.failure(
          'PRINTER_CLAIMED_BY_OS',
          `${this.path} is held by another program (often the CUPS USB backend). Print through CUPS instead (spool:NAME) or stop that queue.`,
          cause,
        );
      case 'EISDIR':
        return this.failure(
          'PRINTER_NOT_FOUND',
          `${this.path} is a folder, not a printer device. For a folder of label files use preview:${this.path}.`,
          cause,
        );
      case 'ETIMEDOUT':
        return this.failure('PRINTER_TIMEOUT', `Opening ${this.path} took longer than ${this.timeouts.connectMs} ms.`, cause);
      default:
        return this.failure('PRINTER_OFFLINE', `Cannot open ${this.path}: ${errorText(err)}.`, cause);
    }
  }

  private writeFailure(err: unknown, sent: number, pending: number, total: number): PrinterError {
    const code = errnoCode(err) ?? '';
    const details = { cause: errorText(err), errno: code, bytesSent: sent, bytesConfirmed: sent, totalBytes: total };
    const progress = `after ${byteCount(sent)} of ${byteCount(total)}; the label may be partly printed`;
    if (code === 'ETIMEDOUT') {
      // The write we stopped waiting for is still with the OS and may yet reach the printer.
      const unknown = { ...details, bytesSent: BYTES_UNKNOWN };
      return this.failure(
        'PRINTER_TIMEOUT',
        `The printer at ${this.path} took no data for ${this.timeouts.writeMs} ms, after ${byteCount(sent)} of ${byteCount(total)} (the next ${byteCount(pending)} may still reach it); the label may be partly printed. It may be paused or out of labels.`,
        unknown,
      );
    }
    if (code === 'ENODEV' || code === 'ENXIO' || code === 'EIO' || code === 'ENOENT') {
      return this.failure('PRINTER_UNPLUGGED', `The printer at ${this.path} went away ${progress}. Plug it back in and reprint.`, details);
    }
    return this.failure('PRINTER_OFFLINE', `Writing to ${this.path} failed (${code || errorText(err)}) ${progress}.`, details);
  }

  private failure(code: PrinterErrorCode, message: string, details: Record<string, unknown>): PrinterError {
    return printerError(code, message, { uri: this.uri, ...details });
  }

  private rest(): void {
    this.idle.arm(this.timeouts.idleMs, () => void this.close());
  }
}
