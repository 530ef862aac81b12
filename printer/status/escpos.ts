/**
 * ESC/POS real-time status: `DLE EOT n` answers one byte per query, even while the printer is
 * offline or its buffer is full. We ask n = 1 (printer), 2 (offline cause) and 4 (paper roll
 * sensor). Bits from Epson's ESC/POS reference; every answer byte has bits 1 and 4 set and bits 0
 * and 7 clear, which tells a real answer from noise.
 */
import { makeStatus } from './make.js';
import type { PrinterCondition, PrinterStatus } from './types.js';

const DLE = 0x10;
const EOT = 0x04;
export const ESCPOS_STATUS_QUERY = Uint8Array.of(DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 4);
export const ESCPOS_ANSWER_BYTES = 3;

const FIXED_MASK = 0x93;
const FIXED_BITS = 0x12;

const PRINTER_OFFLINE = 0x08; // n=1 bit 3
const COVER_OPEN = 0x04; // n=2 bit 2
const STOPPED_PAPER_END = 0x20; // n=2 bit 5
const ERROR = 0x40; // n=2 bit 6
const PAPER_END = 0x60; // n=4 bits 5 and 6 (near-end, bits 2 and 3, still prints)

export function isEscposStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_BITS;
}

/** The last three bytes answer our three queries; null when fewer arrived or they are not status bytes. */
export function parseEscposStatus(answer: Uint8Array): PrinterStatus | null {
  if (answer.length < ESCPOS_ANSWER_BYTES) return null;
  const [printer, cause, paper] = answer.subarray(answer.length - ESCPOS_ANSWER_BYTES);
  if (![printer!, cause!, paper!].every(isEscposStatusByte)) return null;
  const found: PrinterCondition[] = [];
  if ((cause! & COVER_OPEN) !== 0) found.push('HEAD_OPEN');
  if ((paper! & PAPER_END) !== 0 || (cause! & STOPPED_PAPER_END) !== 0) found.push('PAPER_OUT');
  // Offline or in error with no cause we can name (auto-cutter, mechanical, head temperature).
  if (found.length === 0 && ((printer! & PRINTER_OFFLINE) !== 0 || (cause! & ERROR) !== 0)) found.push('OFFLINE');
  return makeStatus(found, answer);
}
