/**
 * The printer module's own error codes reach the screens as the core's: same code, message and
 * details (bytes sent, the printer's address), never INTERNAL and never logged as a crash.
 */
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../core/api/dispatch.js';
import { ERROR_CODES } from '../../../core/domain/errors.js';
import { codedError } from '../../../core/api/coded-error.js';
import { errorOf } from '../../../core/printing/send.js';
import { PRINTER_ERROR_CODES, PrinterError } from '../../../printer/errors.js';

describe('printer errors in the core', () => {
  it('the core’s closed set holds every printer code, each once', () => {
    for (const code of PRINTER_ERROR_CODES) expect(ERROR_CODES).toContain(code);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(codedError(new PrinterError('PAPER_OUT', 'x'))?.code).toBe('PAPER_OUT');
  });

  it('the dispatcher answers a PrinterError with its code, message and details, without logging it', () => {
    const logged: unknown[] = [];
    const err = new PrinterError('PRINTER_TIMEOUT', 'The printer stopped taking data.', { bytesSent: 'unknown', uri: 'tcp://10.0.0.9:9100' });
    const info = toErrorInfo(err, { log: { error: (_message: string, e?: unknown) => logged.push(e) } });
    expect(info).toEqual({
      code: 'PRINTER_TIMEOUT',
      message: 'The printer stopped taking data.',
      details: { bytesSent: 'unknown', uri: 'tcp://10.0.0.9:9100' },
    });
    expect(logged).toEqual([]);
  });

  it('a print job records a PrinterError’s code, not INTERNAL', () => {
    expect(errorOf(new PrinterError('PAPER_OUT', 'Out of labels.'))).toEqual({ code: 'PAPER_OUT', message: 'Out of labels.' });
    expect(errorOf(new Error('boom')).code).toBe('INTERNAL');
  });
});
