import { PRINTER_ERROR_CODES, PrinterError } from '../../printer/errors.js';
import { PackdeskError, type ErrorCode } from '../domain/errors.js';

/**
 * The printer module names its failures with its own closed set (printer/errors.ts); the core's
 * set lists every one of them too. This fails to compile the day the printer module has a code
 * the core does not know.
 */
export const PRINTER_CODES_IN_CORE: readonly ErrorCode[] = PRINTER_ERROR_CODES;

/** A failure with a code from the closed set — the core's own or the printer module's — as the core's error. */
export function codedError(err: unknown): PackdeskError | undefined {
  if (err instanceof PackdeskError) return err;
  if (err instanceof PrinterError) return new PackdeskError(err.code, err.message, err.details);
  return undefined;
}
