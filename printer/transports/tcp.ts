/**
 * Raw TCP printing ("port 9100", JetDirect): the bytes go down a socket as they are. One
 * connection serves many jobs (a fresh handshake per label would cost more than the label), is
 * closed after `idleMs` unused, and is opened again when the printer dropped it — printers close
 * idle connections themselves.
 */
import net from 'node:net';
import type { PrinterError, PrinterErrorCode } from '../errors.js';
import { unacknowledgedBytes } from './send-queue.js';
import { StallWatch } from './stall.js';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TransportTimeouts } from './types.js';
import { formatPrinterUri } from './uri.js';
import { byteCount, BYTES_UNKNOWN, errnoCode, errorText, IdleTimer, printerError, SerialQueue } from './util.js';

/**
 * Bytes handed to the socket at a time, so a printer that stops reading holds back the rest
 * ('drain'); small enough that every stretch the kernel takes completes at least one of them.
 */
const CHUNK_BYTES = 16 * 1024;
/** Unread answers kept; printers answer status queries in a few hundred bytes. */
const MAX_BUFFERED = 64 * 1024;

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
const UNKNOWN_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

export class TcpTransport implements PrinterTransport {
  readonly uri: string;
  private readonly timeouts: TransportTimeouts;
  private socket: net.Socket | null = null;
  private connecting: Promise<net.Socket> | null = null;
  private inbox: Buffer[] = [];
  private inboxBytes = 0;
  private wake: (() => void) | null = null;
  private readonly idle = new IdleTimer();
  private readonly jobs = new SerialQueue();

  constructor(
    readonly host: string,
    readonly port: number,
    timeouts: Partial<TransportTimeouts> = {},
    /** Opens the socket; tests pass one that never connects to reach the connect timeout. */
    private readonly createConnection: (options: net.NetConnectOpts) => net.Socket = net.createConnection,
  ) {
    this.uri = formatPrinterUri({ kind: 'tcp', host, port });
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
  }

  async open(): Promise<void> {
    await this.connection();
    this.rest();
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.jobs.run(async () => {
      try {
        await this.writeOnce(bytes);
      } finally {
        this.rest();
      }
    });
  }

  /** Resolves as soon as the printer has said something (or with nothing after `timeoutMs`). */
  async read(timeoutMs: number): Promise<Uint8Array> {
    if (this.inboxBytes === 0 && this.socket) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, timeoutMs));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
    const answer = new Uint8Array(Buffer.concat(this.inbox));
    this.inbox = [];
    this.inboxBytes = 0;
    return answer;
  }

  /** Waits for a job in progress, then ends the connection cleanly. */
  close(): Promise<void> {
    return this.jobs.run(() => this.closeNow());
  }

  private async closeNow(): Promise<void> {
    this.idle.disarm();
    const socket = this.socket;
    this.socket = null;
    this.inbox = [];
    this.inboxBytes = 0;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      // end() lets queued bytes reach the printer; destroy only if it never acknowledges.
      const timer = setTimeout(() => socket.destroy(), this.timeouts.connectMs);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
  }

  private async writeOnce(bytes: Uint8Array): Promise<void> {
    const reused = this.socket !== null && !this.socket.destroyed;
    const socket = await this.connection();
    try {
      await this.sendOn(socket, bytes);
    } catch (err) {
      // The printer had closed a kept-open connection (its reset arrived before our 'close'
      // event): the write failed before the kernel took its first chunk, and a closed connection
      // prints nothing, so one retry on a fresh connection is safe. Any later failure is reported.
      if (!(reused && err instanceof Dropped && err.confirmed === 0)) throw err instanceof Dropped ? err.failure : err;
      try {
        await this.sendOn(await this.connection(), bytes);
      } catch (again) {
        throw again instanceof Dropped ? again.failure : again;
      }
    }
  }

  private async sendOn(socket: net.Socket, bytes: Uint8Array): Promise<void> {
    try {
      await this.send(socket, bytes);
    } catch (err) {
      socket.destroy();
      if (this.socket === socket) this.socket = null;
      throw err;
    }
  }

  private connection(): Promise<net.Socket> {
    this.idle.disarm();
    const live = this.socket;
    if (live && !live.destroyed && live.writable) {
      live.ref();
      return Promise.resolve(live);
    }
    this.socket = null;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = this.createConnection({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          this.failure(
            'PRINTER_OFFLINE',
            `The printer at ${this.where()} did not answer within ${seconds(this.timeouts.connectMs)}: check that it is switched on, on this network, and that the address is right.`,
            { reason: 'connect-timeout', bytesSent: 0 },
          ),
        );
      }, this.timeouts.connectMs);
      const onError = (err: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(this.connectFailure(err));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        this.adopt(socket);
        resolve(socket);
      });
    });
  }

  private adopt(socket: net.Socket): void {
    socket.setNoDelay(true);
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      if (this.inboxBytes + chunk.length <= MAX_BUFFERED) {
        this.inbox.push(chunk);
        this.inboxBytes += chunk.length;
      }
      this.wake?.();
    });
    // Errors while idle (a printer rebooting) only mean "reconnect next time"; jobs see theirs in send().
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.wake?.();
    });
  }

  /**
   * Hands the bytes to the socket a chunk at a time, waiting for 'drain' when its buffer is full.
   * Rejects with a Dropped (the connection failed) or a PRINTER_TIMEOUT (the printer took nothing
   * for writeMs, see StallWatch).
   */
  private send(socket: net.Socket, bytes: Uint8Array): Promise<void> {
    const total = bytes.length;
    if (total === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let queued = 0;
      let confirmed = 0;
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        watch.stop();
        socket.off('drain', pump);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const watch = new StallWatch({
        stallMs: this.timeouts.writeMs,
        pending: () => unacknowledgedBytes(socket),
        onStall: () => {
          socket.destroy();
          finish(this.stallFailure(confirmed, queued, total));
        },
      });
      const onError = (err: Error) => finish(new Dropped(this.dropFailure(err, confirmed, queued, total), confirmed));
      const onClose = () => onError(new Error('connection closed'));
      const pump = () => {
        while (queued < total) {
          const chunk = bytes.subarray(queued, queued + CHUNK_BYTES);
          queued += chunk.length;
          const end = queued;
          const more = socket.write(chunk, (err) => {
            if (err) return onError(err);
            confirmed = end;
            watch.progress();
            if (confirmed === total) finish();
          });
          if (!more) return;
        }
      };
      socket.on('drain', pump);
      socket.once('error', onError);
      socket.once('close', onClose);
      pump();
    });
  }

  private connectFailure(err: Error): PrinterError {
    const code = errnoCode(err) ?? '';
    // Nothing can have been sent on a connection that never opened.
    const cause = { cause: errorText(err), errno: code, bytesSent: 0 };
    if (UNKNOWN_HOST.has(code))
      return this.failure(
        'PRINTER_NOT_FOUND',
        `No printer named "${this.host}" on this network: the name does not resolve. Use the printer's IP address (print its network configuration label).`,
        cause,
      );
    if (code === 'ECONNREFUSED')
      return this.failure(
        'PRINTER_OFFLINE',
        `The printer at ${this.where()} refused the connection: it is on, but nothing accepts raw printing on port ${this.port}. Check the port (usually 9100).`,
        cause,
      );
    if (UNREACHABLE.has(code)) return this.failure('PRINTER_OFFLINE', `Cannot reach the printer at ${this.where()}: it is off or on another network.`, cause);
    return this.failure('PRINTER_OFFLINE', `Cannot connect to the printer at ${this.where()}: ${errorText(err)}.`, cause);
  }

  private dropFailure(err: Error, confirmed: number, queued: number, total: number): PrinterError {
    const code = errnoCode(err) ?? '';
    const known = DROPPED.has(code) || code === '' ? 'closed the connection' : `failed (${code})`;
    return this.failure(
      'PRINTER_OFFLINE',
      `The printer at ${this.where()} ${known} after ${sentSoFar(confirmed, queued, total)}; the label may be partly printed.`,
      {
        ...bytesDetails(confirmed, queued, total),
        cause: errorText(err),
        errno: code,
      },
    );
  }

  private stallFailure(confirmed: number, queued: number, total: number): PrinterError {
    return this.failure(
      'PRINTER_TIMEOUT',
      `The printer at ${this.where()} took no data for ${seconds(this.timeouts.writeMs)}, after ${sentSoFar(confirmed, queued, total)}. It may be paused, out of labels or busy; the label may be partly printed.`,
      bytesDetails(confirmed, queued, total),
    );
  }

  private failure(code: PrinterErrorCode, message: string, details: Record<string, unknown>): PrinterError {
    return printerError(code, message, { uri: this.uri, ...details });
  }

  private where(): string {
    return this.uri.slice('tcp://'.length);
  }

  /** Between jobs: let Node exit if this is all that is left, and close after idleMs unused. */
  private rest(): void {
    this.socket?.unref();
    this.idle.arm(this.timeouts.idleMs, () => void this.close());
  }
}

/** A connection that failed under a write, with how much of it the OS had confirmed taking. */
class Dropped extends Error {
  constructor(
    readonly failure: PrinterError,
    readonly confirmed: number,
  ) {
    super(failure.message);
  }
}

/**
 * How much was sent, honestly: while a chunk was still in the socket when the connection failed,
 * part of it may have reached the printer, so the count is not known — only that at least the
 * confirmed bytes left this computer.
 */
function bytesDetails(confirmed: number, queued: number, total: number): Record<string, unknown> {
  return { bytesSent: queued > confirmed ? BYTES_UNKNOWN : confirmed, bytesConfirmed: confirmed, totalBytes: total };
}

function sentSoFar(confirmed: number, queued: number, total: number): string {
  const perhaps = queued > confirmed ? ` (and perhaps part of the next ${byteCount(queued - confirmed)})` : '';
  return `${byteCount(confirmed)} of ${byteCount(total)}${perhaps}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
