/**
 * Asking a printer how it is, in its own language, over whatever transport reaches it. A printer
 * that does not answer is not an error: many are one-way (device files, spoolers, cheap USB
 * boards), and the caller then prints without knowing — as every driver does.
 */
import type { PrinterLanguage } from '../label/model.js';
import type { PrinterTransport } from '../transports/types.js';
import { ESCPOS_ANSWER_BYTES, ESCPOS_STATUS_QUERY, parseEscposStatus } from './escpos.js';
import { parseTsplStatus, TSPL_STATUS_QUERY } from './tspl.js';
import type { PrinterStatus } from './types.js';
import { parseZplStatus, ZPL_STATUS_QUERY, zplAnswerComplete } from './zpl.js';

/** The bytes that make a printer of this language report its status. */
export function statusQuery(language: PrinterLanguage): Uint8Array {
  switch (language) {
    case 'zpl':
      return new TextEncoder().encode(ZPL_STATUS_QUERY);
    case 'escpos':
      return ESCPOS_STATUS_QUERY.slice();
    case 'tspl':
      return TSPL_STATUS_QUERY.slice();
  }
}

/** The status in an answer; null when the bytes are not a (whole) answer in that language. */
export function parseStatus(language: PrinterLanguage, answer: Uint8Array): PrinterStatus | null {
  switch (language) {
    case 'zpl':
      return parseZplStatus(answer);
    case 'escpos':
      return parseEscposStatus(answer);
    case 'tspl':
      return parseTsplStatus(answer);
  }
}

/** True once the answer is whole, so we stop listening without waiting out the timeout. */
export function answerComplete(language: PrinterLanguage, answer: Uint8Array): boolean {
  switch (language) {
    case 'zpl':
      return zplAnswerComplete(answer);
    case 'escpos':
      return answer.length >= ESCPOS_ANSWER_BYTES;
    case 'tspl':
      return answer.length >= 1;
  }
}

/**
 * Sends the status query, collects the answer for at most `timeoutMs` and parses it. Null when
 * the transport cannot read (then nothing is sent: a spooler would print the query as a job), when
 * the printer says nothing, or when what it says is not a status answer. Transport failures
 * (printer offline, unplugged) reject as usual.
 */
export async function printerStatus(transport: PrinterTransport, language: PrinterLanguage, timeoutMs: number): Promise<PrinterStatus | null> {
  // Leftovers of an earlier, late answer would be taken for this one: read them away first.
  const stale = await transport.read(0);
  if (stale === null) return null;
  await transport.write(statusQuery(language));
  const deadline = performance.now() + timeoutMs;
  const parts: Uint8Array[] = [];
  let answer = new Uint8Array(0);
  for (;;) {
    const remaining = Math.ceil(deadline - performance.now());
    if (remaining <= 0) break;
    const chunk = await transport.read(remaining);
    if (chunk === null || chunk.length === 0) break;
    parts.push(chunk);
    answer = Buffer.concat(parts);
    if (answerComplete(language, answer)) break;
  }
  return answer.length === 0 ? null : parseStatus(language, answer);
}
