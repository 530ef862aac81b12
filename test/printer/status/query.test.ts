import { describe, expect, it } from 'vitest';
import { parseStatus, printerStatus, statusQuery } from '../../../printer/status/query.js';
import type { PrinterTransport } from '../../../printer/transports/types.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * A transport that answers each write with chunks handed out one per read, the way a socket
 * delivers a status answer in pieces. `null` answers model a one-way transport.
 */
class ScriptedTransport implements PrinterTransport {
  readonly uri = 'test:scripted';
  readonly writes: Uint8Array[] = [];
  readonly reads: number[] = [];
  private pending: Uint8Array[];

  constructor(
    private readonly answer: ((query: Uint8Array) => Uint8Array[]) | null,
    stale: Uint8Array[] = [],
  ) {
    this.pending = [...stale];
  }

  async open() {}
  async close() {}
  async write(bytes: Uint8Array) {
    this.writes.push(bytes);
    this.pending.push(...(this.answer?.(bytes) ?? []));
  }
  async read(timeoutMs: number) {
    this.reads.push(timeoutMs);
    if (this.answer === null) return null;
    const next = this.pending.shift();
    if (next) return next;
    await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 20)));
    return new Uint8Array(0);
  }
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const HS_PAPER_OUT = ['\x02030,1,0,1218,000,0,0,0,000,0,0,0\x03\r\n', '\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n', '\x021234,0\x03\r\n'];

describe('statusQuery', () => {
  it('sends ~HQES then ~HS to ZPL, DLE EOT 1/2/4 to ESC/POS and ESC ! ? to TSPL', () => {
    expect(Buffer.from(statusQuery('zpl')).toString('latin1')).toBe('~HQES~HS');
    expect(hex(statusQuery('escpos'))).toBe('100401100402100404');
    expect(hex(statusQuery('tspl'))).toBe('1b213f');
  });
});

describe('parseStatus', () => {
  it('routes each language to its parser', () => {
    expect(parseStatus('tspl', Uint8Array.of(0x04))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseStatus('escpos', Uint8Array.of(0x1a, 0x12, 0x72))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseStatus('zpl', latin1(HS_PAPER_OUT.join('')))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseStatus('zpl', Uint8Array.of(0x04))).toBeNull();
  });
});

describe('printerStatus', () => {
  it('assembles an answer that arrives in pieces and stops as soon as it is whole', async () => {
    const pieces = HS_PAPER_OUT.map(latin1);
    const transport = new ScriptedTransport(() => [pieces[0]!.subarray(0, 10), pieces[0]!.subarray(10), pieces[1]!, pieces[2]!]);
    const status = await printerStatus(transport, 'zpl', 5000);
    expect(status?.conditions).toEqual(['PAPER_OUT']);
    expect(transport.writes.map((w) => Buffer.from(w).toString('latin1'))).toEqual(['~HQES~HS']);
    expect(transport.reads).toHaveLength(1 + 4); // the drain, then one read per piece
  });

  it('is null for a transport that cannot read, and sends nothing (a spooler would print the query)', async () => {
    const transport = new ScriptedTransport(null);
    expect(await printerStatus(transport, 'zpl', 100)).toBeNull();
    expect(transport.writes).toEqual([]);
  });

  it('is null when the printer says nothing within the timeout', async () => {
    const transport = new ScriptedTransport(() => []);
    expect(await printerStatus(transport, 'tspl', 50)).toBeNull();
    expect(transport.writes).toHaveLength(1);
  });

  it('is null when the answer is garbage', async () => {
    expect(await printerStatus(new ScriptedTransport(() => [latin1('?!?')]), 'escpos', 50)).toBeNull();
  });

  it('reads away a late answer to an earlier query before asking', async () => {
    const transport = new ScriptedTransport(() => [Uint8Array.of(0x00)], [Uint8Array.of(0x04)]);
    expect(await printerStatus(transport, 'tspl', 1000)).toMatchObject({ ready: true, raw: '00' });
  });

  it('passes transport failures on: an unreachable printer is an error, not "no answer"', async () => {
    const transport = new ScriptedTransport(() => []);
    transport.write = () => Promise.reject(new Error('PRINTER_OFFLINE'));
    await expect(printerStatus(transport, 'zpl', 50)).rejects.toThrow('PRINTER_OFFLINE');
  });
});
