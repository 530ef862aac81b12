/**
 * One signed request to the platform, with its retries. Each attempt is stamped and signed anew
 * over exactly the bytes it sends; failures are read into the closed error codes; waits between
 * attempts honour Retry-After, else back off with full jitter.
 */
import type { z } from 'zod';
import { PackdeskError, type ErrorCode } from '../domain/errors.js';
import { readCapped, readEnvelope, AnswerTooLarge } from './answer.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { networkFailure, type AttemptFailure } from './failures.js';
import type { Redactor } from './redact.js';
import type { PlatformLogEntry, PlatformRuntime } from './runtime.js';
import { encodeQuery, signRequest, toQueryPairs, type Query } from './signing.js';

export interface AccessTokenSource {
  /** A token valid now, refreshed first when it is close to expiry. */
  accessToken(): Promise<string>;
  /** The platform called `rejected` expired (105002): refresh, unless another call already has. */
  refreshAfterRejection(rejected: string): Promise<void>;
}

/**
 * `safe`: reading, or a write the platform deduplicates (idempotency_key) — retried freely.
 * `once`: a write the platform might apply twice (ship, seller cancel) — retried only when it
 * surely did not arrive; otherwise the error says `outcomeUnknown` and the caller reads back first.
 */
export type Repeat = 'safe' | 'once';

export interface PlatformRequest<T> {
  host: 'api' | 'auth';
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  /** JSON-serialised once; absent means no body at all. */
  body?: unknown;
  /** Adds app_key, timestamp and sign (all API-host calls; not the token endpoints). */
  signed: boolean;
  token?: AccessTokenSource;
  repeat: Repeat;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** What a plain refusal means for this call, when more than PLATFORM_REJECTED (the token endpoints: sign in again). */
  refusedAs?: ErrorCode;
}

/** What the retry loop needs to know about a call. */
interface CallSite {
  method: string;
  path: string;
  repeat: Repeat;
  signal?: AbortSignal | undefined;
  token?: AccessTokenSource | undefined;
  refusedAs?: ErrorCode | undefined;
}

export interface PlatformHttpConfig {
  appKey: string;
  appSecret: string;
  apiBase: string;
  authBase: string;
}

type Attempt = { ok: true; value: unknown; requestId?: string } | { ok: false; failure: AttemptFailure };

export class PlatformHttp {
  constructor(
    private readonly config: PlatformHttpConfig,
    private readonly runtime: PlatformRuntime,
    readonly redactor: Redactor,
  ) {
    redactor.add(config.appSecret);
  }

  /** Every line goes out redacted, fields included: the platform's text and ids are echoed in them. */
  log(entry: PlatformLogEntry): void {
    this.runtime.log(this.redactor.value(entry));
  }

  async request<T>(req: PlatformRequest<T>): Promise<T> {
    const value = await this.withRetries(req, (token) => this.send(req, token));
    const parsed = req.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'data'}: ${i.message}`);
    throw this.error(req, 1, {
      code: 'PLATFORM_BAD_RESPONSE',
      advice: 'stop',
      mayHaveApplied: true,
      message: `answer does not have the documented shape (${where.join('; ')})`,
    });
  }

  /** A file the platform links to (a label's doc_url): plain GET, no token, no signature. */
  async download(url: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
    const path = safePath(url);
    const bytes = await this.withRetries({ method: 'GET', path, repeat: 'safe', signal }, async () => {
      const answer = await this.exchange(url, { method: 'GET', redirect: 'follow' }, maxBytes, signal);
      if (!answer.ok) return answer;
      const { res, body } = answer;
      if (res.status >= 200 && res.status < 300) return { ok: true, value: body };
      const transient = res.status === 429 || res.status >= 500;
      return {
        ok: false,
        failure: {
          code: res.status === 429 ? 'PLATFORM_THROTTLED' : transient ? 'PLATFORM_UNREACHABLE' : 'PLATFORM_REJECTED',
          advice: transient ? 'backoff' : 'stop',
          mayHaveApplied: false,
          httpStatus: res.status,
          message: `HTTP ${res.status}`,
          ...retryAfter(res, this.runtime.clock.now()),
        },
      };
    });
    return bytes as Buffer;
  }

  private async withRetries(call: CallSite, attemptOnce: (token: string | undefined) => Promise<Attempt>): Promise<unknown> {
    const { backoff, random, sleep } = this.runtime;
    const log = (entry: PlatformLogEntry) => this.log(entry);
    const { method, path, repeat, signal, token } = call;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const used = token ? await token.accessToken() : undefined;
      const outcome = await attemptOnce(used);
      if (outcome.ok) {
        log({ level: 'debug', event: 'answer', method, path, attempt, ...(outcome.requestId ? { requestId: outcome.requestId } : {}), message: 'ok' });
        return outcome.value;
      }
      const failure = outcome.failure;
      if (failure.advice === 'refresh' && token && used !== undefined && !refreshed) {
        // 105002 is never retried as it is: refresh first, then one more try (not counted as an attempt).
        refreshed = true;
        attempt--;
        await token.refreshAfterRejection(used);
        continue;
      }
      const retry = failure.advice === 'backoff' && attempt < backoff.maxAttempts && (repeat === 'safe' || !failure.mayHaveApplied);
      if (!retry) throw this.error(call, attempt, failure);
      const waitMs = backoffDelay(attempt, random, backoff, failure.retryAfterMs);
      log({ level: 'warn', event: 'retry', method, path, attempt, waitMs, ...logFields(failure), message: this.redactor.text(failure.message) });
      try {
        await sleep(waitMs, signal);
      } catch {
        throw this.error(call, attempt, { ...failure, message: `${failure.message}; stopped while waiting to retry` });
      }
    }
  }

  /** One attempt at an API call: stamped, signed and sent now. */
  private async send(req: PlatformRequest<unknown>, token: string | undefined): Promise<Attempt> {
    const base = req.host === 'api' ? this.config.apiBase : this.config.authBase;
    const url = new URL(base);
    url.pathname = url.pathname.replace(/\/+$/, '') + req.path;
    const stamp = req.signed ? { app_key: this.config.appKey, timestamp: Math.floor(this.runtime.clock.now() / 1000) } : {};
    const pairs = toQueryPairs({ ...stamp, ...req.query });
    const body = req.body === undefined ? '' : JSON.stringify(req.body);
    if (req.signed) pairs.push(['sign', signRequest(this.config.appSecret, url.pathname, pairs, body)]);
    url.search = encodeQuery(pairs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers['x-tts-access-token'] = token;
    const init: RequestInit = { method: req.method, headers, redirect: 'manual', ...(body ? { body: Buffer.from(body, 'utf8') } : {}) };
    const answer = await this.exchange(url.href, init, this.runtime.maxAnswerBytes, req.signal);
    if (!answer.ok) return answer;
    const read = readEnvelope(answer.res.status, answer.body);
    if (read.ok) return { ok: true, value: read.data, ...(read.requestId ? { requestId: read.requestId } : {}) };
    return { ok: false, failure: { ...read.failure, ...retryAfter(answer.res, this.runtime.clock.now()) } };
  }

  /** Sends and reads the whole answer within the timeout; a lost answer becomes a failure. */
  private async exchange(
    url: string,
    init: RequestInit,
    maxBytes: number,
    signal: AbortSignal | undefined,
  ): Promise<{ ok: true; res: Response; body: Buffer } | { ok: false; failure: AttemptFailure }> {
    const timeout = AbortSignal.timeout(this.runtime.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await this.runtime.fetch(url, { ...init, signal: combined });
      return { ok: true, res, body: await readCapped(res, maxBytes) };
    } catch (err) {
      if (err instanceof AnswerTooLarge) {
        return { ok: false, failure: { code: 'PLATFORM_BAD_RESPONSE', advice: 'stop', mayHaveApplied: true, message: err.message } };
      }
      if (signal?.aborted) {
        return { ok: false, failure: { code: 'PLATFORM_UNREACHABLE', advice: 'stop', mayHaveApplied: true, message: 'stopped before the answer came' } };
      }
      const failure = networkFailure(err, timeout.aborted);
      return { ok: false, failure: { ...failure, message: failure.reason } };
    }
  }

  private error(call: CallSite, attempts: number, raw: AttemptFailure): PackdeskError {
    const { method, path, repeat } = call;
    const failure = raw.code === 'PLATFORM_REJECTED' && call.refusedAs ? { ...raw, code: call.refusedAs } : raw;
    const outcomeUnknown = repeat === 'once' && failure.mayHaveApplied;
    const message = `${LEADS[failure.code] ?? 'TikTok Shop failed'}: ${method} ${path}: ${failure.message}${
      attempts > 1 ? ` (after ${attempts} attempts)` : ''
    }${outcomeUnknown ? '; the platform may have acted on it, so read it back before trying again' : ''}`;
    const details = {
      method,
      path,
      attempts,
      ...logFields(failure),
      ...(failure.platformMessage !== undefined ? { platformMessage: failure.platformMessage } : {}),
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      outcomeUnknown,
    };
    const error = new PackdeskError(failure.code, this.redactor.text(message), this.redactor.value(details));
    this.log({ level: 'error', event: 'failed', method, path, attempt: attempts, ...logFields(failure), message: error.message });
    return error;
  }
}

const LEADS: Partial<Record<string, string>> = {
  PLATFORM_AUTH_NEEDED: 'TikTok Shop needs the shop signed in again',
  PLATFORM_THROTTLED: 'TikTok Shop is throttling requests',
  PLATFORM_UNREACHABLE: 'TikTok Shop could not be reached',
  PLATFORM_CLOCK_SKEW: "TikTok Shop refused the request's time stamp (this computer's clock is off)",
  PLATFORM_REJECTED: 'TikTok Shop refused',
  PLATFORM_BAD_RESPONSE: 'TikTok Shop sent an answer Packdesk cannot read',
  PLATFORM_LABEL_NOT_READY: 'TikTok Shop is still generating the label',
};

function logFields(f: AttemptFailure) {
  return {
    ...(f.httpStatus !== undefined ? { httpStatus: f.httpStatus } : {}),
    ...(f.platformCode !== undefined ? { platformCode: f.platformCode } : {}),
    ...(f.requestId !== undefined ? { requestId: f.requestId } : {}),
  };
}

function retryAfter(res: Response, nowMs: number): { retryAfterMs?: number } {
  const ms = parseRetryAfter(res.headers.get('retry-after'), nowMs);
  return ms === undefined ? {} : { retryAfterMs: ms };
}

/** A document link shown in errors and logs by host and path only: its query is a signed grant. */
function safePath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PackdeskError('PLATFORM_BAD_RESPONSE', 'The label link from TikTok Shop is not a URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new PackdeskError('PLATFORM_BAD_RESPONSE', `The label link from TikTok Shop is not a web address (${parsed.protocol}).`);
  }
  return `${parsed.host}${parsed.pathname}`;
}
