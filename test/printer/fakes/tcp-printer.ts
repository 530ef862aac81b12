/**
 * A network label printer on 127.0.0.1 for tests and benchmarks: it records every byte per
 * connection, answers the status queries of ZPL (~HS, ~HQES), ESC/POS (DLE EOT n) and TSPL
 * (ESC ! ?) from a configurable state, and can misbehave on demand — stall (stop reading, so the
 * sender meets backpressure), read slowly, drop a connection mid-job, close idle connections, or
 * refuse.
 */
import net from 'node:net';
import { TcpTransport } from '../../../printer/transports/tcp.js';

export interface FakePrinterState {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  /** Firmware that keeps quiet on ~HS while in error, as newer Zebra firmware does. */
  silentHsInError: boolean;
  /** Answer no status query at all (a one-way printer). */
  mute: boolean;
}

export interface FakeConnection {
  socket: net.Socket;
  chunks: Buffer[];
  bytes: number;
  closed: boolean;
}

const READY: FakePrinterState = { paperOut: false, paused: false, headOpen: false, ribbonOut: false, silentHsInError: false, mute: false };

export class FakeTcpPrinter {
  readonly connections: FakeConnection[] = [];
  state: FakePrinterState = { ...READY };
  private stalled = false;
  private bytesPerSecond: number | null = null;
  private dropAfter: number | null = null;
  private waiters: (() => void)[] = [];
  private total = 0;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(state: Partial<FakePrinterState> = {}): Promise<FakeTcpPrinter> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const printer = new FakeTcpPrinter(server, (server.address() as net.AddressInfo).port);
    printer.state = { ...READY, ...state };
    server.on('connection', (socket) => printer.accept(socket));
    return printer;
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Everything received, over all connections, in order. */
  received(): Buffer {
    return Buffer.concat(this.connections.flatMap((c) => c.chunks));
  }

  receivedBy(connection: number): Buffer {
    return Buffer.concat(this.connections[connection]?.chunks ?? []);
  }

  /** Stops reading: the kernel buffers fill and the sender's writes stop completing. */
  stall(on = true): void {
    this.stalled = on;
    for (const c of this.connections) {
      if (on) c.socket.pause();
      else c.socket.resume();
    }
  }

  /**
   * Reads no faster than this, as a printer printing label after label does: after each chunk
   * it pauses for as long as the chunk takes at this rate. Null reads as fast as data comes.
   */
  readAt(bytesPerSecond: number | null): void {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Resets the connection once it has received this many bytes in total. */
  dropAfterBytes(n: number): void {
    this.dropAfter = n;
  }

  /** Closes every open connection, as printers do with idle ones. */
  async closeConnections(): Promise<void> {
    await Promise.all(
      this.connections
        .filter((c) => !c.closed)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              c.socket.once('close', () => resolve());
              c.socket.end();
            }),
        ),
    );
  }

  get bytesReceived(): number {
    return this.total;
  }

  /** Resolves once at least `n` bytes arrived in total; rejects (a clear test failure) after `timeoutMs`. */
  waitForBytes(n: number, timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(() => this.total >= n, timeoutMs, `${n} bytes (got ${this.total})`);
  }

  /** Resolves once the printer saw connection `i` close. */
  waitForClose(i: number, timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(() => this.connections[i]?.closed === true, timeoutMs, `connection ${i} to close`);
  }

  private async waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`fake printer: gave up waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Stops listening and closes connections: from now on connecting is refused. */
  async stop(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    const connection: FakeConnection = { socket, chunks: [], bytes: 0, closed: false };
    this.connections.push(connection);
    if (this.stalled) socket.pause();
    let tail = '';
    socket.on('data', (data: Buffer) => {
      // A printer that drops the connection after n bytes has taken those n, not the rest of the chunk.
      const dropping = this.dropAfter !== null && this.total + data.length >= this.dropAfter;
      const chunk = dropping ? data.subarray(0, this.dropAfter! - this.total) : data;
      connection.chunks.push(chunk);
      connection.bytes += chunk.length;
      this.total += chunk.length;
      if (dropping) {
        this.dropAfter = null;
        socket.resetAndDestroy();
      } else {
        // Queries can straddle two chunks: look at the end of the last one too.
        const text = tail + chunk.toString('latin1');
        for (const answer of this.answers(text, tail.length)) socket.write(answer);
        tail = text.slice(-5);
      }
      for (const wake of this.waiters.splice(0)) wake();
      this.pace(socket, chunk.length);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connection.closed = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  private pace(socket: net.Socket, bytes: number): void {
    if (this.bytesPerSecond === null || socket.destroyed) return;
    socket.pause();
    setTimeout(
      () => {
        if (!this.stalled) socket.resume();
      },
      (bytes / this.bytesPerSecond) * 1000,
    );
  }

  /** Answers for every query that ends after `seen` characters (earlier ones were answered). */
  private answers(text: string, seen: number): Buffer[] {
    if (this.state.mute) return [];
    const queries = /~HQES|~HS|\x10\x04([\x01\x02\x04])|\x1b!\?/g;
    const out: Buffer[] = [];
    for (const match of text.matchAll(queries)) {
      if (match.index + match[0].length <= seen) continue;
      if (match[0] === '~HQES') out.push(Buffer.from(hqes(this.state), 'latin1'));
      else if (match[0] === '~HS') out.push(...hostStatus(this.state));
      else if (match[0].startsWith('\x10')) out.push(Buffer.of(escposByte(this.state, match[1]!.charCodeAt(0))));
      else out.push(Buffer.of(tsplByte(this.state)));
    }
    return out;
  }
}

function inError(s: FakePrinterState): boolean {
  return s.paperOut || s.headOpen || s.ribbonOut;
}

/** ~HS: three strings, sent as separate writes as a printer's firmware does. */
function hostStatus(s: FakePrinterState): Buffer[] {
  if (s.silentHsInError && inError(s)) return [];
  const f = (b: boolean) => (b ? '1' : '0');
  return [
    `\x02030,${f(s.paperOut)},${f(s.paused)},1218,000,0,0,0,000,0,0,0\x03\r\n`,
    `\x02000,0,${f(s.headOpen)},${f(s.ribbonOut)},1,2,6,0,00000000,1,000\x03\r\n`,
    `\x021234,0\x03\r\n`,
  ].map((line) => Buffer.from(line, 'latin1'));
}

function hqes(s: FakePrinterState): string {
  const bits = (s.paperOut ? 0x1 : 0) | (s.ribbonOut ? 0x2 : 0) | (s.headOpen ? 0x4 : 0) | (s.paused ? 0x10000 : 0);
  const flag = bits === 0 ? '0' : '1';
  return `\x02\r\n  PRINTER STATUS\r\n   ERRORS:         ${flag} 00000000 ${bits.toString(16).toUpperCase().padStart(8, '0')}\r\n   WARNINGS:       0 00000000 00000000\r\n\x03\r\n`;
}

function escposByte(s: FakePrinterState, n: number): number {
  const fixed = 0x12;
  if (n === 1) return fixed | (inError(s) || s.paused ? 0x08 : 0);
  if (n === 2) return fixed | (s.headOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
  return fixed | (s.paperOut ? 0x60 : 0);
}

function tsplByte(s: FakePrinterState): number {
  return (s.headOpen ? 0x01 : 0) | (s.paperOut ? 0x04 : 0) | (s.ribbonOut ? 0x08 : 0) | (s.paused ? 0x10 : 0);
}

/**
 * Sends `count` copies of a label to a fresh loopback printer over one kept-open connection and
 * times it until the printer has every byte (the benchmark's "500 labels" figure).
 */
export async function sendLabels(count: number, bytes: Uint8Array): Promise<{ ms: number; bytesReceived: number }> {
  const printer = await FakeTcpPrinter.start();
  const transport = new TcpTransport('127.0.0.1', printer.port);
  try {
    const start = performance.now();
    for (let i = 0; i < count; i++) await transport.write(bytes);
    await printer.waitForBytes(count * bytes.length);
    const ms = performance.now() - start;
    return { ms, bytesReceived: printer.bytesReceived };
  } finally {
    await transport.close();
    await printer.stop();
  }
}
