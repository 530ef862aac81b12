/**
 * ZPL printer status: `~HS` (host status, three <STX>…<ETX> strings of comma-separated digits)
 * and `~HQES` (error and warning bit masks as hex). Field positions and bits are from Zebra's
 * ZPL II Programming Guide (~HS "Host Status Return", ~HQ "Host Query", ES = error status).
 *
 * Both are asked because each covers the other's gap: newer firmware does not answer ~HS at all
 * while the media is out, the ribbon out, the head open or too hot — exactly when it matters —
 * but ~HQES always answers; older firmware and ZPL clones know only ~HS, which alone reports the
 * labels still queued.
 */
import { makeStatus } from './make.js';
import type { PrinterCondition, PrinterStatus } from './types.js';

/** ~HQES first so that, on printers that answer both, the ~HS strings end the answer. */
export const ZPL_STATUS_QUERY = '~HQES~HS';

export interface HostStatus {
  paperOut: boolean;
  paused: boolean;
  formatsInBuffer: number;
  bufferFull: boolean;
  overTemperature: boolean;
  headUp: boolean;
  ribbonOut: boolean;
  thermalTransfer: boolean;
  labelsRemaining: number;
}

/** ~HQES error bits (group 1, the last 8 hex digits of the ERRORS line). */
const HQES_ERRORS: readonly [number, PrinterCondition][] = [
  [0x1, 'PAPER_OUT'], // media out
  [0x2, 'RIBBON_OUT'],
  [0x4, 'HEAD_OPEN'],
  [0x8, 'PAPER_JAM'], // cutter fault: the label is stuck at the cutter
  [0x10, 'OVERHEATED'], // printhead over temperature
  [0x20, 'OVERHEATED'], // motor over temperature
  [0x80, 'OFFLINE'], // printhead detection error
  [0x100, 'OFFLINE'], // invalid firmware configuration
  [0x200, 'OFFLINE'], // printhead thermistor open
  [0x400, 'PAPER_JAM'], // paper feed error
  [0x1000, 'PAPER_JAM'], // paper jam during retract (kiosk printers)
  [0x2000, 'OFFLINE'], // presenter not running
  [0x8000, 'PAPER_JAM'], // clear paper path failed
  [0x10000, 'PAUSED'],
  [0x20000, 'PAPER_JAM'], // retract function timed out
  [0x40000, 'OFFLINE'], // black mark calibrate error
  [0x80000, 'OFFLINE'], // black mark not found
];
/** Bad printhead element: the printer keeps printing (a thin white line); not a reason to stop. */
const HQES_HARMLESS = 0x40;

const BLOCK = /\x02([^\x02\x03]*)\x03/g;
const ERRORS_LINE = /ERRORS:\s*([01])\s+([0-9A-F]{1,8})\s+([0-9A-F]{1,8})/gi;

/** The ~HS strings of the newest complete answer in `text`, or null. */
export function parseHostStatus(text: string): HostStatus | null {
  const blocks = [...text.matchAll(BLOCK)].map((m) => m[1]!.split(','));
  for (let i = blocks.length - 2; i >= 0; i--) {
    const first = blocks[i]!;
    const second = blocks[i + 1]!;
    if (first.length < 12 || second.length < 11 || !allDigits(first) || !allDigits(second)) continue;
    const n = (fields: string[], at: number) => Number(fields[at]!.trim());
    return {
      paperOut: n(first, 1) === 1,
      paused: n(first, 2) === 1,
      formatsInBuffer: n(first, 4),
      bufferFull: n(first, 5) === 1,
      overTemperature: n(first, 11) === 1,
      headUp: n(second, 2) === 1,
      ribbonOut: n(second, 3) === 1,
      thermalTransfer: n(second, 4) === 1,
      labelsRemaining: n(second, 8),
    };
  }
  return null;
}

/** Group-1 error bits of the newest ~HQES answer in `text`, or null. */
export function parseHqesErrors(text: string): { errorPresent: boolean; bits: number } | null {
  const matches = [...text.matchAll(ERRORS_LINE)];
  const last = matches[matches.length - 1];
  if (!last) return null;
  return { errorPresent: last[1] === '1', bits: parseInt(last[3]!, 16) };
}

export function hostStatusConditions(hs: HostStatus): PrinterCondition[] {
  const found: PrinterCondition[] = [];
  if (hs.paperOut) found.push('PAPER_OUT');
  if (hs.paused) found.push('PAUSED');
  if (hs.bufferFull) found.push('BUFFER_FULL');
  if (hs.overTemperature) found.push('OVERHEATED');
  if (hs.headUp) found.push('HEAD_OPEN');
  // Direct-thermal shipping labels use no ribbon: the flag only counts in thermal-transfer mode.
  if (hs.ribbonOut && hs.thermalTransfer) found.push('RIBBON_OUT');
  return found;
}

export function hqesConditions(errorPresent: boolean, bits: number): PrinterCondition[] {
  const found = HQES_ERRORS.filter(([mask]) => (bits & mask) !== 0).map(([, condition]) => condition);
  // An error the table does not know still means "cannot print now".
  if (errorPresent && found.length === 0 && (bits & ~HQES_HARMLESS) !== 0) found.push('OFFLINE');
  if (errorPresent && bits === 0) found.push('OFFLINE');
  return found;
}

/** A ZPL printer's answer to ZPL_STATUS_QUERY; null when it holds neither a whole ~HS nor ~HQES. */
export function parseZplStatus(answer: Uint8Array): PrinterStatus | null {
  const text = latin1(answer);
  const hs = parseHostStatus(text);
  const hq = parseHqesErrors(text);
  if (!hs && !hq) return null;
  const conditions = [...(hs ? hostStatusConditions(hs) : []), ...(hq ? hqesConditions(hq.errorPresent, hq.bits) : [])];
  return makeStatus(conditions, answer, hs ? hs.formatsInBuffer + hs.labelsRemaining : undefined);
}

/**
 * Enough to stop listening: all three ~HS strings (the last one ends the answer), or an ~HQES
 * that reports an error (firmware that then stays silent on ~HS would make us wait for nothing).
 */
export function zplAnswerComplete(answer: Uint8Array): boolean {
  const text = latin1(answer);
  const blocks = [...text.matchAll(BLOCK)].map((m) => m[1]!.split(','));
  const hsDone = blocks.some((b, i) => b.length >= 12 && allDigits(b) && blocks[i + 2] !== undefined);
  const hq = parseHqesErrors(text);
  return hsDone || hq?.errorPresent === true;
}

function allDigits(fields: string[]): boolean {
  return fields.every((f) => /^\s*\d+\s*$/.test(f));
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
