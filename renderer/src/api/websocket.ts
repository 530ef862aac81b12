import type { Method } from '../../../core/api/contract.js';
import type { EventName } from '../../../core/api/events.js';
import { ApiError, internal, isApiResponse, linkFailure, type ApiResponse, type Listener, type Transport, type Unsubscribe } from './transport.js';

/**
 * The station host's transport: calls go out as { id, method, input } and come back by id, so many
 * can be in flight; pushes arrive as { event, payload }. The link reconnects by itself; a call made
 * while it is connecting waits for it, and every call that cannot be answered is failed, never
 * left hanging — a packer must see that a scan did not reach the station.
 */

// Bivariant like DOM handlers, so both the browser's WebSocket and the `ws` package fit.
type Handler<T> = { bivarianceHack(event: T): void }['bivarianceHack'] | null;

/** The part of the browser's WebSocket this transport uses (the `ws` package has it too). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown>;
  onclose: Handler<unknown>;
  onerror: Handler<unknown>;
  onmessage: Handler<{ data: unknown }>;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface WebSocketTransportOptions {
  /** Defaults to the browser's WebSocket; tests pass the `ws` package's. */
  WebSocket?: SocketConstructor;
  /** First reconnect delay, doubled per failed attempt up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** The station refuses frames above 1 MB; refusing here gives the caller the same answer sooner. */
const MAX_FRAME_BYTES = 1024 * 1024;
export const LOST_CONNECTION = 'Lost connection to the station';

function byteLength(text: string): number {
  // A UTF-16 unit is at most 3 UTF-8 bytes: only encode when the cheap bound is not enough.
  return text.length * 3 <= MAX_FRAME_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function invalid(message: string): ApiResponse {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

function browserWebSocket(): SocketConstructor {
  const Socket = (globalThis as { WebSocket?: SocketConstructor }).WebSocket;
  if (!Socket) throw new ApiError({ code: 'INTERNAL', message: 'This environment has no WebSocket; pass one in the options.' });
  return Socket;
}

export function webSocketTransport(url: string, opts: WebSocketTransportOptions = {}): Transport {
  const Socket = opts.WebSocket ?? browserWebSocket();
  const minDelay = opts.minDelayMs ?? 250;
  const maxDelay = opts.maxDelayMs ?? 5000;

  let socket: SocketLike | null = null;
  let open = false;
  let stopped = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  const pending = new Map<number, (res: ApiResponse) => void>();
  const queued: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  function announce(connected: boolean): void {
    for (const cb of connectionListeners) cb(connected);
  }

  function failAll(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    queued.length = 0;
    for (const resolve of waiting) resolve(linkFailure('STATION_UNREACHABLE', message));
  }

  function emit(event: string, payload: unknown): void {
    for (const cb of listeners.get(event) ?? []) {
      try {
        cb(payload);
      } catch (err) {
        // One broken screen must not stop the others hearing the event; the error still surfaces.
        setTimeout(() => {
          throw err;
        });
      }
    }
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: { id?: unknown; response?: unknown; event?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    if (typeof msg.event === 'string') {
      emit(msg.event, msg.payload);
      return;
    }
    if (typeof msg.id !== 'number') return;
    const resolve = pending.get(msg.id);
    if (!resolve) return;
    pending.delete(msg.id);
    resolve(isApiResponse(msg.response) ? msg.response : internal('The station sent an answer this screen cannot read.'));
  }

  function scheduleReconnect(): void {
    if (stopped || retry) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt++);
    retry = setTimeout(connect, delay);
  }

  function connect(): void {
    if (retry) clearTimeout(retry);
    retry = null;
    let ws: SocketLike;
    try {
      ws = new Socket(url);
    } catch {
      failAll(LOST_CONNECTION);
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      open = true;
      for (const frame of queued.splice(0)) ws.send(frame);
      announce(true);
    };
    ws.onmessage = (ev) => receive(ev.data);
    // The close that follows an error does the work.
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      const wasOpen = open;
      socket = null;
      open = false;
      // A call that was sent may or may not have run; the caller decides (scans carry an id, so a retry is safe).
      failAll(LOST_CONNECTION);
      if (wasOpen) announce(false);
      scheduleReconnect();
    };
  }

  function invoke(method: Method, input: unknown): Promise<ApiResponse> {
    if (stopped) return Promise.resolve(linkFailure('STATION_UNREACHABLE', 'The connection to the station was closed.'));
    const id = nextId++;
    let frame: string;
    try {
      frame = JSON.stringify({ id, method, input });
    } catch {
      return Promise.resolve(invalid('The input cannot be sent as JSON.'));
    }
    if (byteLength(frame) > MAX_FRAME_BYTES) return Promise.resolve(invalid(`A message may be at most ${MAX_FRAME_BYTES} bytes.`));
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (open && socket) return socket.send(frame);
      queued.push(frame);
      // A call while waiting to retry is a reason to retry now.
      if (!socket) connect();
    });
  }

  function on<E extends EventName>(event: E, cb: Listener<E>): Unsubscribe {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    const listener = cb as (payload: unknown) => void;
    set.add(listener);
    return () => void set.delete(listener);
  }

  function close(): void {
    stopped = true;
    if (retry) clearTimeout(retry);
    retry = null;
    const ws = socket;
    socket = null;
    open = false;
    ws?.close(1000, 'Client closed');
    failAll('The connection to the station was closed.');
  }

  connect();
  return {
    invoke,
    on,
    onConnection(cb) {
      connectionListeners.add(cb);
      return () => void connectionListeners.delete(cb);
    },
    close,
  };
}
