import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { printerStatus } from '../../../printer/status/query.js';
import { TcpTransport } from '../../../printer/transports/tcp.js';
import { FakeTcpPrinter } from '../fakes/tcp-printer.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function printer(state: Parameters<typeof FakeTcpPrinter.start>[0] = {}): Promise<FakeTcpPrinter> {
  const p = await FakeTcpPrinter.start(state);
  cleanups.push(() => p.stop());
  return p;
}

function transportTo(p: { port: number }, timeouts: ConstructorParameters<typeof TcpTransport>[2] = {}): TcpTransport {
  const t = new TcpTransport('127.0.0.1', p.port, timeouts);
  cleanups.push(() => t.close());
  return t;
}

/** A job of `size` bytes that is not one byte repeated, so order and completeness both show. */
function job(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PrinterError);
    return err as PrinterError;
  }
  throw new Error('expected a PrinterError');
}

/** A port nothing listens on: bound for a moment, then released. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('TcpTransport', () => {
  it('delivers a 120 KB job byte for byte', async () => {
    const p = await printer();
    const t = transportTo(p);
    const bytes = job(120 * 1024);
    await t.write(bytes);
    await p.waitForBytes(bytes.length);
    expect(p.received().equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps one connection open across jobs', async () => {
    const p = await printer();
    const t = transportTo(p);
    for (const n of [1000, 2000, 3000]) await t.write(job(n));
    await p.waitForBytes(6000);
    expect(p.connections).toHaveLength(1);
    expect(p.received()).toHaveLength(6000);
  });

  it('reports a refused connection as PRINTER_OFFLINE, nothing sent', async () => {
    const t = transportTo({ port: await deadPort() }, { connectMs: 1000 });
    const err = await failure(t.write(job(10)));
    expect(err.code).toBe('PRINTER_OFFLINE');
    expect(err.message).toContain('refused');
    expect(err.details).toMatchObject({ bytesSent: 0 });
  });

  it('reports a printer that never answers the connection as PRINTER_OFFLINE', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed. Either the connect times out or the
    // network says unreachable at once; both mean the printer cannot be reached.
    const t = new TcpTransport('192.0.2.1', 9100, { connectMs: 100 });
    const err = await failure(t.write(job(10)));
    expect(err.code).toBe('PRINTER_OFFLINE');
    expect(err.details).toMatchObject({ uri: 'tcp://192.0.2.1:9100' });
  });

  it('gives up on a connection that is never answered after connectMs: PRINTER_OFFLINE', async () => {
    // A socket that never connects: what a switched-off printer on the local network looks like.
    const t = new TcpTransport('192.168.1.50', 9100, { connectMs: 50 }, () => new net.Socket());
    const err = await failure(t.write(job(10)));
    expect(err.code).toBe('PRINTER_OFFLINE');
    expect(err.details).toMatchObject({ reason: 'connect-timeout', uri: 'tcp://192.168.1.50:9100' });
    expect(err.message).toContain('did not answer within 50 ms');
  });

  it('gives up on a printer that stops reading: PRINTER_TIMEOUT, the bytes sent not known', async () => {
    const p = await printer();
    p.stall();
    const t = transportTo(p, { writeMs: 300 });
    const bytes = job(64 * 1024 * 1024); // more than loopback socket buffers can hold
    const writes = vi.spyOn(net.Socket.prototype, 'write');
    const err = await failure(t.write(bytes));
    expect(err.code).toBe('PRINTER_TIMEOUT');
    // Backpressure: once the kernel buffers are full no more chunks are queued in memory (without
    // waiting for 'drain' the whole 64 MB would be).
    const handedOver = writes.mock.calls.reduce((n, [chunk]) => n + (chunk as Uint8Array).length, 0);
    writes.mockRestore();
    expect(handedOver).toBeLessThan(bytes.length / 2);
    // A chunk was still in the socket: part of it may have reached the printer, so no count is claimed.
    const details = err.details as { bytesSent: unknown; bytesConfirmed: number; totalBytes: number };
    expect(details).toMatchObject({ bytesSent: 'unknown', totalBytes: bytes.length });
    expect(details.bytesConfirmed).toBeLessThan(bytes.length);
    expect(err.message).toMatch(/took no data for 300 ms, after [\d,]+ bytes of 67,108,864 bytes \(and perhaps part of the next [\d,]+ bytes\)/);
  });

  it('never times out a printer that keeps reading, slowly, for much longer than the stall limit', async () => {
    // 4.5 MB at 150 KB/s: the printer takes at least 30 s while the limit is 5 s without progress.
    // The kernel's buffers hide a few megabytes of it from the sender, taken back in bursts.
    const p = await printer();
    p.readAt(150_000);
    const t = transportTo(p, { writeMs: 5000 });
    const bytes = job(4.5 * 1024 * 1024);
    const started = performance.now();
    await t.write(bytes);
    await p.waitForBytes(bytes.length, 180_000);
    expect(performance.now() - started).toBeGreaterThan(20_000);
    expect(p.received().equals(Buffer.from(bytes))).toBe(true);
  }, 240_000);

  it('reconnects when the printer closed the kept-open connection between jobs', async () => {
    const p = await printer();
    const t = transportTo(p);
    await t.write(job(500));
    await p.waitForBytes(500);
    await p.closeConnections();
    await t.write(job(700));
    await p.waitForBytes(1200);
    expect(p.connections).toHaveLength(2);
    expect(p.receivedBy(1).equals(Buffer.from(job(700)))).toBe(true);
  });

  it('reports a connection dropped mid-job as PRINTER_OFFLINE, then prints again on a new one', async () => {
    const p = await printer();
    const t = transportTo(p);
    p.dropAfterBytes(100_000);
    const bytes = job(16 * 1024 * 1024);
    const err = await failure(t.write(bytes));
    expect(err.code).toBe('PRINTER_OFFLINE');
    expect(err.message).toMatch(/closed the connection after [\d,]+ bytes of 16,777,216 bytes/);
    expect(err.details).toMatchObject({ bytesSent: 'unknown', totalBytes: bytes.length });
    await t.write(job(300));
    await p.waitForClose(0);
    expect(p.connections).toHaveLength(2);
  });

  it('reports a printer that went away (server stopped) as PRINTER_OFFLINE', async () => {
    const p = await FakeTcpPrinter.start();
    const t = transportTo(p, { connectMs: 1000 });
    await t.write(job(10));
    await p.stop();
    await p.waitForClose(0);
    const err = await failure(t.write(job(10)));
    expect(err.code).toBe('PRINTER_OFFLINE');
  });

  it('closes an idle connection after idleMs and opens a new one for the next job', async () => {
    const p = await printer();
    const t = transportTo(p, { idleMs: 30 });
    await t.write(job(10));
    await p.waitForClose(0);
    await t.write(job(10));
    await p.waitForBytes(20);
    expect(p.connections).toHaveLength(2);
  });

  it('close() ends the connection cleanly after every byte arrived', async () => {
    const p = await printer();
    const t = new TcpTransport('127.0.0.1', p.port);
    await t.write(job(200_000));
    await t.close();
    await p.waitForClose(0);
    expect(p.received()).toHaveLength(200_000);
  });

  it('read() resolves with nothing when the printer says nothing', async () => {
    const p = await printer({ mute: true });
    const t = transportTo(p);
    await t.open();
    expect(await t.read(20)).toEqual(new Uint8Array(0));
  });
});

describe('status over TCP', () => {
  it('asks a ZPL printer and reads paper out', async () => {
    const p = await printer({ paperOut: true });
    const status = await printerStatus(transportTo(p), 'zpl', 5000);
    expect(status).toMatchObject({ ready: false, conditions: ['PAPER_OUT'], labelsQueued: 0 });
  });

  it('reads a ZPL printer whose firmware keeps quiet on ~HS while the head is open', async () => {
    const p = await printer({ headOpen: true, silentHsInError: true });
    expect((await printerStatus(transportTo(p), 'zpl', 5000))?.conditions).toEqual(['HEAD_OPEN']);
  });

  it('asks ESC/POS and TSPL printers in their own bytes', async () => {
    const p = await printer({ paperOut: true });
    expect((await printerStatus(transportTo(p), 'escpos', 5000))?.conditions).toEqual(['PAPER_OUT']);
    expect((await printerStatus(transportTo(p), 'tspl', 5000))?.conditions).toEqual(['PAPER_OUT']);
    p.state.paperOut = false;
    p.state.paused = true;
    expect((await printerStatus(transportTo(p), 'tspl', 5000))?.conditions).toEqual(['PAUSED']);
  });

  it('is null for a printer that does not answer', async () => {
    const p = await printer({ mute: true });
    expect(await printerStatus(transportTo(p), 'zpl', 100)).toBeNull();
  });

  it('status and a job share one connection', async () => {
    const p = await printer();
    const t = transportTo(p);
    expect((await printerStatus(t, 'zpl', 5000))?.ready).toBe(true);
    await t.write(job(1000));
    await p.waitForBytes(1000 + '~HQES~HS'.length);
    expect(p.connections).toHaveLength(1);
  });
});
