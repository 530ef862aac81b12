/**
 * How a failed attempt is read: which error code it ends in, and whether trying again can help.
 * Codes and their meaning: PLATFORM-API.md ("Hosts and signing", "Fulfilment").
 */
import type { ErrorCode } from '../domain/errors.js';

export const PLATFORM_CODE = {
  badSignature: 106001,
  accessTokenExpired: 105002,
  missingScope: 105005,
  throttled: 36009002,
  internal: 36009003,
  clockSkew: 36009004,
  platformTimeout: 36009007,
  neverRetry: 106013,
  labelStillGenerating: 11034037,
} as const;

/**
 * What to do after a failed attempt.
 * - `refresh`: the access token expired; refresh it, then try once more.
 * - `backoff`: try again after a wait (Retry-After when given).
 * - `stop`: trying again cannot succeed.
 */
export type RetryAdvice = 'refresh' | 'backoff' | 'stop';

export interface AttemptFailure {
  code: ErrorCode;
  advice: RetryAdvice;
  /** The platform may have acted on the request (the answer was lost or it failed midway). */
  mayHaveApplied: boolean;
  message: string;
  retryAfterMs?: number;
  platformCode?: number;
  platformMessage?: string;
  requestId?: string;
  httpStatus?: number;
}

/** The 1050xx codes are the access token's (105002 expired, 105005 scope); all mean "sign in again". */
function isTokenCode(code: number): boolean {
  return code >= 105000 && code < 106000;
}

/** A non-zero envelope code, read together with the HTTP status it came with. */
export function envelopeFailure(code: number, message: string, httpStatus: number): Omit<AttemptFailure, 'message'> {
  const base = { platformCode: code, platformMessage: message, httpStatus };
  if (code === PLATFORM_CODE.accessTokenExpired) return { ...base, code: 'PLATFORM_AUTH_NEEDED', advice: 'refresh', mayHaveApplied: false };
  if (code === PLATFORM_CODE.throttled || httpStatus === 429) return { ...base, code: 'PLATFORM_THROTTLED', advice: 'backoff', mayHaveApplied: false };
  if (code === PLATFORM_CODE.internal || code === PLATFORM_CODE.platformTimeout || httpStatus >= 500) {
    return { ...base, code: 'PLATFORM_UNREACHABLE', advice: 'backoff', mayHaveApplied: true };
  }
  if (code === PLATFORM_CODE.clockSkew) return { ...base, code: 'PLATFORM_CLOCK_SKEW', advice: 'stop', mayHaveApplied: false };
  // A bad signature means a wrong app secret as far as the seller can tell: the connection needs redoing.
  if (code === PLATFORM_CODE.badSignature || isTokenCode(code)) return { ...base, code: 'PLATFORM_AUTH_NEEDED', advice: 'stop', mayHaveApplied: false };
  if (code === PLATFORM_CODE.labelStillGenerating) return { ...base, code: 'PLATFORM_LABEL_NOT_READY', advice: 'stop', mayHaveApplied: false };
  return { ...base, code: 'PLATFORM_REJECTED', advice: 'stop', mayHaveApplied: false };
}

/** An HTTP answer without a readable envelope. */
export function statusFailure(httpStatus: number): Omit<AttemptFailure, 'message'> {
  if (httpStatus === 429) return { httpStatus, code: 'PLATFORM_THROTTLED', advice: 'backoff', mayHaveApplied: false };
  if (httpStatus >= 500) return { httpStatus, code: 'PLATFORM_UNREACHABLE', advice: 'backoff', mayHaveApplied: true };
  if (httpStatus === 401 || httpStatus === 403) return { httpStatus, code: 'PLATFORM_AUTH_NEEDED', advice: 'stop', mayHaveApplied: false };
  return { httpStatus, code: 'PLATFORM_BAD_RESPONSE', advice: 'stop', mayHaveApplied: false };
}

/** Errors that mean the connection was never made, so the request cannot have reached the platform. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The errno-like code buried in undici's "fetch failed" (its `cause`, sometimes one level deeper). */
export function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A request that got no answer: refused, reset, unknown host, or our own timeout. */
export function networkFailure(err: unknown, timedOut: boolean): Omit<AttemptFailure, 'message'> & { reason: string } {
  if (timedOut) return { code: 'PLATFORM_UNREACHABLE', advice: 'backoff', mayHaveApplied: true, reason: 'no answer in time' };
  const code = networkCode(err);
  const reason = code ?? (err instanceof Error ? err.message : 'network error');
  return { code: 'PLATFORM_UNREACHABLE', advice: 'backoff', mayHaveApplied: !(code && NEVER_CONNECTED.has(code)), reason };
}
