/**
 * Small helpers the transports share: reading Node's error codes, timers that never keep a
 * finished process alive, and one-at-a-time queues so a status query never interleaves with a job.
 */
import { PrinterError, type PrinterErrorCode } from '../errors.js';

/** Node's errno-style code (ECONNREFUSED, ENOENT, …) of a thrown value, if it has one. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The thrown value as text, for details and pattern matching; never throws itself. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}

export function printerError(code: PrinterErrorCode, message: string, details: Record<string, unknown>): PrinterError {
  return new PrinterError(code, message, details);
}

/**
 * Settles with the promise, or rejects with `onTimeout()` after `ms`. The timer is cleared either
 * way, so a finished operation leaves nothing behind that keeps Node running.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Runs tasks one after another; a failed task does not block the next one. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Closes an unused connection after a while. Unref'd: an idle printer connection must not keep
 * the CLI (or a test run) from exiting.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | null = null;

  arm(ms: number, onIdle: () => void): void {
    this.disarm();
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.timer = setTimeout(onIdle, ms);
    this.timer.unref();
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * `bytesSent` in a failure's details when a write was cut off while the OS still held part of it:
 * some of those bytes may have reached the printer. Never 0 then — 0 means nothing can have printed.
 */
export const BYTES_UNKNOWN = 'unknown';

/** "120,000 bytes" — counts in messages a packer may read aloud to support. */
export function byteCount(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}
