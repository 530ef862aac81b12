import { describe, expect, it } from 'vitest';
import { parseEscposStatus } from '../../../printer/status/escpos.js';
import { parseTsplStatus } from '../../../printer/status/tspl.js';

const OK = 0x12; // bits 1 and 4 are always set in a DLE EOT answer

describe('ESC/POS DLE EOT 1, 2, 4', () => {
  it('reads an online printer with paper as ready', () => {
    expect(parseEscposStatus(Uint8Array.of(OK, OK, OK))).toEqual({ ready: true, conditions: [], raw: '121212' });
  });

  it('reads paper end from the roll sensor (n=4 bits 5/6) and from the offline cause (n=2 bit 5)', () => {
    expect(parseEscposStatus(Uint8Array.of(OK | 0x08, OK, OK | 0x60))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseEscposStatus(Uint8Array.of(OK | 0x08, OK | 0x20, OK))?.conditions).toEqual(['PAPER_OUT']);
  });

  it('paper near-end (n=4 bits 2/3) still prints', () => {
    expect(parseEscposStatus(Uint8Array.of(OK, OK, OK | 0x0c))?.ready).toBe(true);
  });

  it('reads cover open (n=2 bit 2) as head open', () => {
    expect(parseEscposStatus(Uint8Array.of(OK | 0x08, OK | 0x04, OK))?.conditions).toEqual(['HEAD_OPEN']);
  });

  it('offline or in error with no cause it can name is OFFLINE', () => {
    expect(parseEscposStatus(Uint8Array.of(OK | 0x08, OK, OK))?.conditions).toEqual(['OFFLINE']);
    expect(parseEscposStatus(Uint8Array.of(OK, OK | 0x40, OK))?.conditions).toEqual(['OFFLINE']);
  });

  it('uses the last three bytes when leftovers come first', () => {
    expect(parseEscposStatus(Uint8Array.of(OK | 0x08, OK, OK | 0x60, OK, OK, OK))?.ready).toBe(true);
  });

  it('rejects partial answers and bytes that are not status bytes', () => {
    expect(parseEscposStatus(Uint8Array.of(OK, OK))).toBeNull();
    expect(parseEscposStatus(new Uint8Array(0))).toBeNull();
    expect(parseEscposStatus(Uint8Array.of(OK, 0xff, OK))).toBeNull();
    expect(parseEscposStatus(new Uint8Array(Buffer.from('OK\r\n')))).toBeNull();
  });
});

describe('TSPL ESC ! ?', () => {
  it.each([
    [0x00, []],
    [0x01, ['HEAD_OPEN']],
    [0x02, ['PAPER_JAM']],
    [0x04, ['PAPER_OUT']],
    [0x08, ['RIBBON_OUT']],
    [0x10, ['PAUSED']],
    [0x40, ['HEAD_OPEN']],
    [0x80, ['OFFLINE']],
    [0x05, ['PAPER_OUT', 'HEAD_OPEN']],
  ])('byte 0x%s → %j', (byte, conditions) => {
    expect(parseTsplStatus(Uint8Array.of(byte))).toMatchObject({ ready: conditions.length === 0, conditions, raw: byte.toString(16).padStart(2, '0') });
  });

  it('a printer busy printing (0x20) is not in trouble', () => {
    expect(parseTsplStatus(Uint8Array.of(0x20))?.ready).toBe(true);
  });

  it('only a single byte is an answer: nothing, text or leftovers are not', () => {
    expect(parseTsplStatus(new Uint8Array(0))).toBeNull();
    expect(parseTsplStatus(Uint8Array.of(0x00, 0x04))).toBeNull();
    expect(parseTsplStatus(new Uint8Array(Buffer.from('ERROR\r\n')))).toBeNull();
  });
});
