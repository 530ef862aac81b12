import type { InputArg, Method, Result } from '../../../core/api/contract.js';
import type { EventName } from '../../../core/api/events.js';
import { callTimeoutMs } from './timeouts.js';
import { ApiError, internal, isApiResponse, isLinkError, linkFailure, type ApiResponse, type Listener, type Transport, type Unsubscribe } from './transport.js';
import { webSocketTransport } from './websocket.js';

/**
 * The renderer's one way to the core, typed from the contract so the compiler checks every call.
 * The same client runs over Electron's preload bridge and over the station host's WebSocket: only
 * the transport differs. Browser code: no Node modules, and only types from core/api.
 */

export interface ApiClient {
  /** Resolves with the method's result or rejects with an ApiError carrying the core's code. */
  call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, cb: Listener<E>): Unsubscribe;
  onConnection(cb: (connected: boolean) => void): Unsubscribe;
  /** The station answering or not (a call waited NOT_ANSWERING_AFTER_MS with no answer to anything). */
  onAnswering(cb: (answering: boolean) => void): Unsubscribe;
  close(): void;
}

export interface ApiClientOptions {
  /** How long a call may wait for its answer; callTimeoutMs (timeouts.ts) by default. */
  timeoutFor?(method: Method): number;
  /** Nothing heard from the station for this long while a call waits: it is not answering. */
  notAnsweringAfterMs?: number;
  /**
   * A cheap call sent when the station has been quiet for a while with a call waiting, so a long
   * call (an import) is told apart from a station that hangs. Null: no probe.
   */
  probe?: Method | null;
}

export const NOT_ANSWERING_AFTER_MS = 3000;
const PROBE_AFTER_MS = 1000;
const WATCH_EVERY_MS = 250;

function timedOut(method: string, ms: number): ApiResponse {
  return linkFailure('STATION_NOT_ANSWERING', `The station did not answer ${method} within ${Math.round(ms / 1000)} s.`);
}

/** The transport's answer, or STATION_NOT_ANSWERING once `ms` have passed. */
function withTimeout(answer: Promise<ApiResponse>, method: string, ms: number): Promise<ApiResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ApiResponse>((resolve) => (timer = setTimeout(() => resolve(timedOut(method, ms)), ms)));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

export function createApiClient(transport: Transport, options: ApiClientOptions = {}): ApiClient {
  const timeoutFor = options.timeoutFor ?? callTimeoutMs;
  const notAnsweringAfter = options.notAnsweringAfterMs ?? NOT_ANSWERING_AFTER_MS;
  const probeMethod = options.probe === undefined ? 'sync.status' : options.probe;
  const waiting = new Map<number, number>();
  const answeringListeners = new Set<(answering: boolean) => void>();
  let nextCall = 1;
  let lastHeard = performance.now();
  let answering = true;
  let probing = false;
  let watch: ReturnType<typeof setInterval> | null = null;

  function setAnswering(value: boolean) {
    if (answering === value) return;
    answering = value;
    for (const cb of answeringListeners) cb(value);
  }

  function heard() {
    lastHeard = performance.now();
    setAnswering(true);
  }

  function probe() {
    if (!probeMethod || probing) return;
    probing = true;
    void withTimeout(transport.invoke(probeMethod, {}), probeMethod, notAnsweringAfter).then((res) => {
      probing = false;
      if (res.ok || !isLinkError(res.error.code)) heard();
    });
  }

  /** Runs while a call waits or the station is not answering; stops itself otherwise. */
  function check() {
    if (waiting.size === 0 && answering) {
      if (watch) clearInterval(watch);
      watch = null;
      return;
    }
    const oldest = Math.min(...waiting.values());
    const quietFor = performance.now() - Math.max(lastHeard, waiting.size > 0 ? oldest : lastHeard);
    if (waiting.size > 0 && quietFor >= notAnsweringAfter) setAnswering(false);
    if (quietFor >= PROBE_AFTER_MS || !answering) probe();
  }

  function startWatch() {
    watch ??= setInterval(check, WATCH_EVERY_MS);
  }

  return {
    async call(method, input) {
      const id = nextCall++;
      waiting.set(id, performance.now());
      startWatch();
      const res = await withTimeout(transport.invoke(method, input), method, timeoutFor(method));
      waiting.delete(id);
      // Only an answer from the station counts; a link failure is the transport speaking.
      if (res.ok || !isLinkError(res.error.code)) heard();
      if (!res.ok) throw new ApiError(res.error);
      return res.result as Result<typeof method>;
    },
    on: (event, cb) => transport.on(event, cb),
    onConnection: (cb) => transport.onConnection?.(cb) ?? (() => {}),
    onAnswering(cb) {
      answeringListeners.add(cb);
      return () => void answeringListeners.delete(cb);
    },
    close: () => {
      if (watch) clearInterval(watch);
      watch = null;
      transport.close?.();
    },
  };
}

/** What Electron's preload exposes as window.packdesk: one IPC channel into the dispatcher. */
export interface ElectronBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): Unsubscribe;
}

export function electronBridgeTransport(bridge: ElectronBridge): Transport {
  return {
    async invoke(method, input) {
      try {
        const res = await bridge.invoke(method, input);
        return isApiResponse(res) ? res : internal('The Packdesk core sent an answer this screen cannot read.');
      } catch (err) {
        return internal(`The Packdesk core did not answer: ${(err as Error)?.message ?? String(err)}`);
      }
    },
    on: (event, cb) => bridge.on(event, cb as (payload: unknown) => void),
  };
}

/** Electron's bridge when the preload put one on the window, else the station host that served this page. */
export function defaultTransport(): Transport {
  const g = globalThis as { packdesk?: ElectronBridge; location?: { host: string; protocol: string } };
  if (g.packdesk) return electronBridgeTransport(g.packdesk);
  if (!g.location) throw new ApiError({ code: 'INTERNAL', message: 'No Packdesk station to connect to.' });
  const scheme = g.location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketTransport(`${scheme}://${g.location.host}/api`);
}

export { ApiError } from './transport.js';
export { isLinkError, LINK_ERROR_CODES } from './transport.js';
export type { ApiErrorInfo, ApiResponse, ErrorCode, LinkErrorCode, Listener, Transport, Unsubscribe } from './transport.js';
export { webSocketTransport, type SocketConstructor, type SocketLike, type WebSocketTransportOptions } from './websocket.js';
