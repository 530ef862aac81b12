/**
 * How many bytes of a TCP connection the printer has not acknowledged yet: the socket's send
 * queue as the kernel reports it. Why: on Linux a socket that has filled its send buffer is
 * reported writable again only once a third of the buffer has drained (several hundred kilobytes
 * with loopback's autotuned buffers), so a printer reading slowly but steadily can go many seconds
 * without one of our writes completing. The queue shrinking is the printer taking bytes, seen as
 * it happens. Read from /proc/net/tcp and tcp6 (Linux); elsewhere there is no such file and the
 * transport relies on its write completions, which those kernels report as space frees.
 */
import { readFile } from 'node:fs/promises';
import { isIPv4 } from 'node:net';
import os from 'node:os';

export interface SocketEnds {
  localPort?: number | undefined;
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
}

/** The kernel's tables, IPv4 first. Injected in tests. */
export type ReadTable = (path: string) => Promise<string>;

const TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];
const ESTABLISHED = '01';

const readTable: ReadTable = (path) => readFile(path, 'latin1');

/**
 * The bytes sent and not yet acknowledged on this connection, or undefined where the system does
 * not say (not Linux, no /proc, connection not found).
 */
export async function unacknowledgedBytes(socket: SocketEnds, read: ReadTable = readTable): Promise<number | undefined> {
  const { localPort, remoteAddress, remotePort } = socket;
  if (localPort === undefined || remotePort === undefined || remoteAddress === undefined) return undefined;
  const local = `:${hexPort(localPort)}`;
  const remote = procAddresses(remoteAddress).map((address) => `${address}:${hexPort(remotePort)}`);
  for (const path of TABLES) {
    let table: string;
    try {
      table = await read(path);
    } catch {
      continue;
    }
    for (const line of table.split('\n')) {
      // sl local_address rem_address st tx_queue:rx_queue …
      const [, localAddress, remAddress, state, queues] = line.trim().split(/\s+/);
      if (state !== ESTABLISHED || !localAddress?.endsWith(local) || !remote.includes(remAddress ?? '')) continue;
      const tx = Number.parseInt(queues?.split(':')[0] ?? '', 16);
      return Number.isFinite(tx) ? tx : undefined;
    }
  }
  return undefined;
}

function hexPort(port: number): string {
  return port.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The address as /proc prints it: each 32-bit word of the network-order address read in the
 * machine's byte order. An IPv4 peer may sit in tcp6 as ::ffff:a.b.c.d, so both forms are given.
 */
export function procAddresses(address: string, endianness: 'LE' | 'BE' = os.endianness()): string[] {
  const v4 = isIPv4(address) ? address : /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) {
    const bytes = v4.split('.').map(Number);
    return [words(bytes, endianness), words([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes], endianness)];
  }
  const bytes = ipv6Bytes(address);
  return bytes ? [words(bytes, endianness)] : [];
}

function words(bytes: readonly number[], endianness: 'LE' | 'BE'): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const word = bytes.slice(i, i + 4);
    for (const byte of endianness === 'LE' ? word.reverse() : word) out += byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function ipv6Bytes(address: string): number[] | undefined {
  const plain = address.split('%')[0] ?? '';
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => Number.parseInt(g, 16));
  if (groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return undefined;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}
