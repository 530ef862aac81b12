export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first retry waits up to this; each further one up to twice as long. */
  baseMs: number;
  /** No computed wait is longer. */
  capMs: number;
  /** A Retry-After longer than this is cut to it, so a bad header cannot stall the sync for hours. */
  retryAfterCapMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 5, baseMs: 500, capMs: 30_000, retryAfterCapMs: 60_000 };

/** Retry-After as seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * The wait before attempt `attempt + 1`. The server's Retry-After wins (capped); otherwise
 * "full jitter": a uniform wait between 0 and the exponential ceiling, so stations that failed
 * together do not retry together.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.retryAfterCapMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
