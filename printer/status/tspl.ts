/**
 * TSPL status: `ESC ! ?` makes TSC-compatible printers (TSC, Xprinter, Gprinter…) answer one
 * byte, even mid-job. Bits from TSC's TSPL/TSPL2 programming manual.
 */
import { makeStatus } from './make.js';
import type { PrinterCondition, PrinterStatus } from './types.js';

export const TSPL_STATUS_QUERY = Uint8Array.of(0x1b, 0x21, 0x3f);

const BITS: readonly [number, PrinterCondition | null][] = [
  [0x01, 'HEAD_OPEN'],
  [0x02, 'PAPER_JAM'],
  [0x04, 'PAPER_OUT'],
  [0x08, 'RIBBON_OUT'],
  [0x10, 'PAUSED'],
  [0x20, null], // printing: busy, not in trouble
  [0x40, 'HEAD_OPEN'], // cover opened: on label printers the cover holds the head down
  [0x80, 'OFFLINE'], // other error
];

/** Exactly one byte is an answer; anything else (nothing, text, leftovers) is not one we can trust. */
export function parseTsplStatus(answer: Uint8Array): PrinterStatus | null {
  if (answer.length !== 1) return null;
  const byte = answer[0]!;
  const found = BITS.filter(([mask, condition]) => condition !== null && (byte & mask) !== 0).map(([, condition]) => condition!);
  return makeStatus(found, answer);
}
