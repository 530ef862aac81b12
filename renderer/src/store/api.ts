import type { InputArg, Method, Result } from '../../../core/api/contract.js';
import type { EventName, Events, Unsubscribe } from '../../../core/api/events.js';
import type { ErrorCode as CoreErrorCode } from '../../../core/domain/errors.js';
import { isLinkError, type LinkErrorCode } from '../api/transport.js';

/**
 * What the store needs from the core: typed calls and typed push events. The real client
 * (renderer/src/api/client.ts, over the Electron bridge or the station host's WebSocket)
 * satisfies it, and so does the fake the tests pass in.
 */
export interface Api {
  call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  /** The link to the core going up or down (the station host's socket); absent where it cannot drop. */
  onConnection?(listener: (connected: boolean) => void): Unsubscribe;
  /** The station answering calls or not (it is up but has stopped answering); absent where not watched. */
  onAnswering?(listener: (answering: boolean) => void): Unsubscribe;
}

/** The core's codes, and the renderer's own for a call the station never answered. */
export type ErrorCode = CoreErrorCode | LinkErrorCode;
export { isLinkError };

export type { EventName, Events, InputArg, Method, Result, Unsubscribe };

/** What a failed call carried besides its code (ApiError.details), if anything. */
export function detailsOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'details' in err ? (err as { details: unknown }).details : undefined;
}

/**
 * The code of a failed call. The client rejects with an error carrying one of the core's codes
 * (the closed set is the core's, so it is trusted, not re-listed here); anything without a code
 * (a dropped socket, a bug) is INTERNAL so the screen still has a message for it.
 */
export function errorCodeOf(err: unknown): ErrorCode {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code as ErrorCode;
  }
  return 'INTERNAL';
}
