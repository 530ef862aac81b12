/**
 * The TCP send queue as the kernel reports it: how the transport sees a slow printer taking bytes
 * between its own write completions.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { procAddresses, unacknowledgedBytes } from '../../../printer/transports/send-queue.js';
import { FakeTcpPrinter } from '../fakes/tcp-printer.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TABLE = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:A1B2 0100007F:238C 01 0004C000:00000000 01:00000014 00000000     0        0 1 1 0000000000000000 20 4 1 10 -1
   1: 0100007F:238C 0100007F:A1B2 01 00000000:00010000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 1 10 -1
   2: 0100007F:A1B2 0200007F:238C 06 00000010:00000000 00:00000000 00000000     0        0 0 3 0000000000000000
`;

describe('unacknowledgedBytes', () => {
  it('writes addresses as /proc does: each 32-bit word in the machine’s byte order', () => {
    expect(procAddresses('127.0.0.1', 'LE')).toEqual(['0100007F', '0000000000000000FFFF00000100007F']);
    expect(procAddresses('127.0.0.1', 'BE')).toEqual(['7F000001', '00000000000000000000FFFF7F000001']);
    expect(procAddresses('::1', 'LE')).toEqual(['00000000000000000000000001000000']);
    expect(procAddresses('not an address', 'LE')).toEqual([]);
  });

  it('reads the send queue of the established connection with these ends', async () => {
    const read = async (path: string) => (path.endsWith('tcp') ? TABLE : '');
    expect(await unacknowledgedBytes({ localPort: 0xa1b2, remoteAddress: '127.0.0.1', remotePort: 0x238c }, read)).toBe(0x4c000);
    // Another peer, or ends not known: nothing to say.
    expect(await unacknowledgedBytes({ localPort: 0xa1b2, remoteAddress: '127.0.0.9', remotePort: 0x238c }, read)).toBeUndefined();
    expect(await unacknowledgedBytes({}, read)).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('on Linux, sees the bytes a printer that stopped reading has not taken', async () => {
    const printer = await FakeTcpPrinter.start();
    cleanups.push(() => printer.stop());
    printer.stall();
    const socket = net.connect(printer.port, '127.0.0.1');
    cleanups.push(() => void socket.destroy());
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(Buffer.alloc(8 * 1024 * 1024));
    let pending: number | undefined;
    // The kernel fills its buffers as fast as it can; wait on the condition, not on a clock.
    for (let i = 0; i < 200 && !(pending && pending > 0); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      pending = await unacknowledgedBytes(socket);
    }
    expect(pending).toBeGreaterThan(0);
  });
});
