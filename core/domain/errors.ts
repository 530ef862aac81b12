/**
 * The closed set of error and verdict codes. Every failure that leaves the core carries one of
 * these; anything else is turned into INTERNAL at the dispatcher and logged.
 */
export const ERROR_CODES = [
  // input and plumbing
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'CONFIRMATION_REQUIRED',
  'INTERNAL',
  // store
  'DB_TOO_NEW',
  'DB_OPEN_FAILED',
  /** Another Packdesk program kept the database busy longer than a write may wait: try again. */
  'DATABASE_BUSY',
  // orders and their rules
  'ORDER_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'ORDER_UNPAID',
  'ORDER_ON_HOLD',
  'ORDER_CANCELLED',
  'ORDER_ALREADY_SHIPPED',
  'ORDER_CANCEL_REQUESTED',
  /** Packed (or short-packed) already: not to be packed again; its label may be reprinted. */
  'ORDER_ALREADY_PACKED',
  'ORDER_NOT_PACKED',
  'NO_CANCEL_REQUEST',
  'DEADLINE_PASSED',
  'REDELIVERY_ALREADY_REQUESTED',
  'ADDRESS_INCOMPLETE',
  // scanning
  'SCAN_EMPTY',
  'SCAN_INVALID_CHARACTERS',
  'NO_OPEN_ORDER',
  'NOTHING_TO_UNDO',
  // handover
  'HANDOVER_NOT_FOUND',
  'HANDOVER_CLOSED',
  // printers and print jobs
  'PRINTER_NOT_FOUND',
  'PRINTER_OFFLINE',
  'PRINTER_TIMEOUT',
  'PRINTER_NO_PERMISSION',
  'PRINTER_CLAIMED_BY_OS',
  'PRINTER_UNPLUGGED',
  'PRINTER_UNSUPPORTED',
  'PAPER_OUT',
  'HEAD_OPEN',
  'PAUSED',
  'RIBBON_OUT',
  'PAPER_JAM',
  'OVERHEATED',
  'BUFFER_FULL',
  'LABEL_INVALID',
  'LABEL_UNAVAILABLE',
  'JOB_NOT_FOUND',
  'JOB_OUTCOME_UNKNOWN',
  /** The print batch is being printed right now (by this or another Packdesk program). */
  'BATCH_RUNNING',
  // files
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_NOT_TEXT',
  'IMPORT_INVALID',
  // the platform (TikTok Shop) and the shop's credentials
  'PLATFORM_AUTH_NEEDED',
  'PLATFORM_THROTTLED',
  'PLATFORM_UNREACHABLE',
  'PLATFORM_CLOCK_SKEW',
  'PLATFORM_REJECTED',
  'PLATFORM_BAD_RESPONSE',
  'PLATFORM_LABEL_NOT_READY',
  /** A TikTok-shipped package whose platform label is not stored yet: Packdesk's own label would not scan. */
  'PLATFORM_LABEL_MISSING',
  'CREDENTIALS_UNAVAILABLE',
  'IMPORT_WRONG_KIND',
  'FOLDER_NOT_ALLOWED',
  'FOLDER_NOT_WRITABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class PackdeskError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'PackdeskError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

export function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw new PackdeskError(code, message, details);
}

/** For exhaustive switches: the compiler proves this is unreachable. */
export function missingCase(value: never): never {
  throw new PackdeskError('INTERNAL', `Unhandled case: ${String(value)}`);
}
