/**
 * How bytes reach a printer. Every transport is a small object with explicit timeouts; none of
 * them knows any printer language. Failures reject with a PrinterError (printer/errors.ts).
 */
export interface PrinterTransport {
  /** The printer's address, as saved: tcp://HOST:PORT, usb:VID:PID[:SERIAL], file:PATH, spool:NAME, preview:DIR. */
  readonly uri: string;
  open(): Promise<void>;
  /** Resolves once every byte has been handed to the printer (or its spooler). */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Reads what a bidirectional printer answers (status queries); resolves with what arrived
   * within the timeout, possibly empty. Transports that cannot read resolve with null.
   */
  read(timeoutMs: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export interface TransportTimeouts {
  /** Giving up on reaching the printer (TCP connect, USB open). */
  connectMs: number;
  /** Giving up on a write that makes no progress (printer paused, buffer full). */
  writeMs: number;
  /** Closing a connection nobody used for this long. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 3000, writeMs: 10_000, idleMs: 30_000 };

export type PrinterUri =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'usb'; vendorId: number; productId: number; serial?: string }
  | { kind: 'file'; path: string }
  | { kind: 'spool'; name: string }
  | { kind: 'preview'; dir: string };

/** What a preview transport needs besides the bytes: the label as a picture. */
export interface PreviewArtifacts {
  png?: Uint8Array;
  /** File name stem (e.g. the order id and job id) for the bytes and the PNG. */
  name: string;
}
