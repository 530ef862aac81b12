/**
 * The bytes that end a half label before the next job (printer/recovery.ts), read the way TSPL and
 * ESC/POS printers read their input: counted picture data first, then commands. Whatever the cut,
 * the next job must be read as it was sent, and nothing in between may print. (ZPL is checked by
 * rendering in test/core/printing/partial-label.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { encodeEscpos } from '../../printer/encoders/escpos.js';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import type { PrinterProfile } from '../../printer/label/model.js';
import { largestCountedBlock, partialJobEnding } from '../../printer/recovery.js';
import { carrierLabel } from './fixtures/carrier-label.js';
import { seeded } from './fixtures/cjk-names.js';
import { parseEscpos } from './oracles/escpos-raster.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** TSPL as a printer reads it: lines, except that BITMAP's header is followed by width × height bytes. */
function tsplCommands(stream: Uint8Array): string[] {
  const text = latin1(stream);
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const bitmap = /^BITMAP (\d+),(\d+),(\d+),(\d+),(\d+),/.exec(text.slice(i, i + 64));
    if (bitmap) {
      out.push(bitmap[0]);
      i += bitmap[0].length + Number(bitmap[3]) * Number(bitmap[4]);
      continue;
    }
    const end = text.indexOf('\r\n', i);
    out.push(text.slice(i, end < 0 ? text.length : end));
    i = end < 0 ? text.length : end + 2;
  }
  return out;
}

/** ESC/POS as a printer reads it: commands, GS v 0 followed by its counted raster, NUL ignored. */
function escposCommands(stream: Uint8Array): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < stream.length) {
    const [a, b, c] = [stream[i], stream[i + 1], stream[i + 2]];
    if (a === 0x1d && b === 0x76 && c === 0x30) {
      const rowBytes = (stream[i + 4] ?? 0) + (stream[i + 5] ?? 0) * 256;
      const rows = (stream[i + 6] ?? 0) + (stream[i + 7] ?? 0) * 256;
      out.push(`GS v 0 ${rowBytes}x${rows}`);
      i += 8 + rowBytes * rows;
    } else if (a === 0x1b && b === 0x40) {
      out.push('ESC @');
      i += 2;
    } else if (a === 0x1b && b === 0x64) {
      out.push(`ESC d ${c}`);
      i += 3;
    } else if (a === 0x1d && b === 0x56) {
      out.push(`GS V ${c}`);
      i += 3;
    } else if (a === 0x00) {
      i++;
    } else {
      out.push(`? ${a}`);
      i++;
    }
  }
  return out;
}

describe('ending a half label', () => {
  it('ZPL: aborts a graphic download and cancels the format being received, nothing else', () => {
    expect(latin1(partialJobEnding({ language: 'zpl', dpi: 203 }))).toBe('~DN~JX\n');
  });

  it('TSPL: after a job cut anywhere, the next job is read command for command and nothing prints between', () => {
    const profile: PrinterProfile = { language: 'tspl', dpi: 203, tspl: { wholeLabelBitmap: true } };
    const job = encodeTspl(carrierLabel(), profile);
    const next = encodeTspl(carrierLabel('Ada Lovelace'), { ...profile, tspl: {} });
    const ending = partialJobEnding(profile);
    expect(largestCountedBlock(profile)).toBe(100 * 1200);
    const rng = seeded(3);
    const header = latin1(job).indexOf('BITMAP');
    for (const cut of [header + 3, header + 30, header + 5000, job.length - 20, ...Array.from({ length: 20 }, () => Math.floor(rng() * job.length))]) {
      const commands = tsplCommands(Buffer.concat([job.subarray(0, cut), ending, next]));
      const nextCommands = tsplCommands(next);
      expect(commands.slice(-nextCommands.length)).toEqual(nextCommands);
      expect(commands.slice(0, -nextCommands.length).filter((c) => c.startsWith('PRINT'))).toEqual([]);
    }
  });

  it('ESC/POS: after a job cut anywhere, the next job is read as sent', () => {
    const profile: PrinterProfile = { language: 'escpos', dpi: 203, stock: { widthMm: 80, heightMm: 60 } };
    const job = encodeEscpos(carrierLabel(), profile);
    const next = encodeEscpos(carrierLabel('Ada Lovelace'), profile);
    const ending = partialJobEnding(profile);
    expect(ending.subarray(-2)).toEqual(Uint8Array.of(0x1b, 0x40));
    const rng = seeded(4);
    for (const cut of [3, 9, 1000, job.length - 5, ...Array.from({ length: 20 }, () => 2 + Math.floor(rng() * (job.length - 2)))]) {
      const commands = escposCommands(Buffer.concat([job.subarray(0, cut), ending, next]));
      const nextCommands = escposCommands(next);
      // The ending's ESC @ is read as a command, then the next job exactly as sent (a command cut
      // in two is the cut job's, read as whatever the printer makes of it).
      expect(commands.slice(-nextCommands.length - 1)).toEqual(['ESC @', ...nextCommands]);
    }
    expect(parseEscpos(next).bands).toBeGreaterThan(0);
  });
});
