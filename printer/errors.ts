/**
 * The printer module's own failures: a closed set of codes, so that it depends on nothing
 * outside itself. The core's closed set includes every one of these (core/domain/errors.ts) and
 * treats a PrinterError like its own coded error: same code, message and details.
 */

export const PRINTER_ERROR_CODES = [
  // reaching the printer
  'PRINTER_NOT_FOUND',
  'PRINTER_OFFLINE',
  'PRINTER_TIMEOUT',
  'PRINTER_NO_PERMISSION',
  'PRINTER_CLAIMED_BY_OS',
  'PRINTER_UNPLUGGED',
  'PRINTER_UNSUPPORTED',
  // what the printer says about itself
  'PAPER_OUT',
  'HEAD_OPEN',
  'PAUSED',
  'RIBBON_OUT',
  'PAPER_JAM',
  'OVERHEATED',
  'BUFFER_FULL',
  // the label
  'LABEL_INVALID',
  // a printer address, font file or label element the module cannot use
  'INVALID_INPUT',
] as const;

export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly details: unknown;

  constructor(code: PrinterErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'PrinterError';
    this.code = code;
    this.details = details;
  }
}

export function printerFail(code: PrinterErrorCode, message: string, details?: unknown): never {
  throw new PrinterError(code, message, details);
}

/**
 * For exhaustive switches: the compiler proves this is unreachable, so reaching it is a bug, not a
 * printer failure — a plain Error, which the core logs and reports as INTERNAL.
 */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
