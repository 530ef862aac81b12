import { setTimeout as delay } from 'node:timers/promises';
import { systemClock, type Clock } from '../domain/clock.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

export const DEFAULT_API_BASE = 'https://open-api.tiktokglobalshop.com';
export const DEFAULT_AUTH_BASE = 'https://auth.tiktok-shops.com';

/** One line for the sync log. Never carries a query string, a header or a body; text is redacted. */
export interface PlatformLogEntry {
  level: 'debug' | 'warn' | 'error';
  event: 'answer' | 'retry' | 'failed' | 'token-refreshed' | 'token-refresh-failed';
  method?: string;
  path?: string;
  attempt?: number;
  httpStatus?: number;
  platformCode?: number;
  requestId?: string;
  waitMs?: number;
  message: string;
}

/** Everything the client takes from its surroundings, injectable so tests run without real waits. */
export interface PlatformRuntime {
  fetch: typeof fetch;
  clock: Clock;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1), for backoff jitter. */
  random: () => number;
  log: (entry: PlatformLogEntry) => void;
  /** One attempt, from sending to the last byte of the answer. */
  timeoutMs: number;
  backoff: BackoffPolicy;
  /** An API answer larger than this is refused rather than read into memory. */
  maxAnswerBytes: number;
  /** A label PDF larger than this is refused (A6 labels are tens of KB). */
  maxDocumentBytes: number;
}

export const DEFAULT_RUNTIME: PlatformRuntime = {
  fetch: (...args) => fetch(...args),
  clock: systemClock,
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
  random: Math.random,
  log: () => {},
  timeoutMs: 30_000,
  backoff: DEFAULT_BACKOFF,
  maxAnswerBytes: 32 * 1024 * 1024,
  maxDocumentBytes: 10 * 1024 * 1024,
};

export type RuntimeOptions = Partial<Omit<PlatformRuntime, 'backoff'>> & { backoff?: Partial<BackoffPolicy> };

export function makeRuntime(options: RuntimeOptions = {}): PlatformRuntime {
  return { ...DEFAULT_RUNTIME, ...options, backoff: { ...DEFAULT_BACKOFF, ...options.backoff } };
}
