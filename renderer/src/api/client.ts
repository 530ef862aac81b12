import type { InputArg, Method, Result } from '../../../core/api/contract.js';
import type { EventName } from '../../../core/api/events.js';
import { ApiError, internal, isApiResponse, type Listener, type Transport, type Unsubscribe } from './transport.js';
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
  close(): void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const res = await transport.invoke(method, input);
      if (!res.ok) throw new ApiError(res.error);
      return res.result as Result<typeof method>;
    },
    on: (event, cb) => transport.on(event, cb),
    onConnection: (cb) => transport.onConnection?.(cb) ?? (() => {}),
    close: () => transport.close?.(),
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
export type { ApiErrorInfo, ApiResponse, ErrorCode, Listener, Transport, Unsubscribe } from './transport.js';
export { webSocketTransport, type SocketConstructor, type SocketLike, type WebSocketTransportOptions } from './websocket.js';
