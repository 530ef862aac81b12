import type { Method } from '../../../core/api/contract.js';
import type { EventName, Events } from '../../../core/api/events.js';
import type { BatchFailure } from '../../../core/api/views.js';

/** What every transport (Electron's bridge, the station's WebSocket) offers the API client. */

/** The core's closed set of error codes (reached through views.ts: the renderer imports only API types). */
export type CoreErrorCode = BatchFailure['code'];

/**
 * What a call fails with when the station never judged it: no answer in time, or no link at all.
 * The renderer's own, since the core cannot say it; a call failed so may or may not have run.
 */
export const LINK_ERROR_CODES = ['STATION_NOT_ANSWERING', 'STATION_UNREACHABLE'] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];
export type ErrorCode = CoreErrorCode | LinkErrorCode;

export function isLinkError(code: string): code is LinkErrorCode {
  return (LINK_ERROR_CODES as readonly string[]).includes(code);
}

export interface ApiErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What the core's dispatcher answers, as it crosses IPC or the socket. */
export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: ApiErrorInfo };

export type Listener<E extends EventName> = (payload: Events[E]) => void;
export type Unsubscribe = () => void;

export interface Transport {
  /** Never rejects: a transport failure comes back as an INTERNAL response. */
  invoke(method: Method, input: unknown): Promise<ApiResponse>;
  on<E extends EventName>(event: E, cb: Listener<E>): Unsubscribe;
  /** Reports the link going up or down, so screens reload what they missed while it was down. */
  onConnection?(cb: (connected: boolean) => void): Unsubscribe;
  close?(): void;
}

/** A failed call as the caller sees it: the core's code and message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(info: ApiErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.details = info.details;
  }
}

export function internal(message: string): ApiResponse {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export function linkFailure(code: LinkErrorCode, message: string): ApiResponse {
  return { ok: false, error: { code, message } };
}

/** The shape of a dispatcher answer; anything else is a broken link, not data. */
export function isApiResponse(value: unknown): value is ApiResponse {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'result' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}
