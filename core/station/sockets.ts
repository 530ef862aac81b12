import WebSocket from 'ws';
import type { Core } from '../core.js';
import type { Response } from '../api/dispatch.js';
import type { EventName, Events, Unsubscribe } from '../api/events.js';
import { EVENT_NAMES, parseCallFrame, pushFrame, replyFrame } from './protocol.js';

/**
 * One API socket: every frame is a call answered by id (calls run concurrently; the dispatcher
 * serialises writes itself), and every core event is pushed as it happens.
 */

/** A browser that stops reading (a frozen tab) must not make the station buffer without end. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface SocketOptions {
  core: Core;
  maxBufferedBytes?: number;
}

/** Sends a frame, or drops the socket when the peer has fallen too far behind to catch up. */
function sendOrDrop(ws: WebSocket, frame: string, limit: number): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  // Checked before adding the frame, so one large answer (a long order list) still goes out.
  if (ws.bufferedAmount > limit) {
    // A slow reader loses its events anyway; a fresh connection reloads what it shows.
    ws.terminate();
    return;
  }
  ws.send(frame);
}

function subscribeAll(core: Core, push: <E extends EventName>(event: E, payload: Events[E]) => void): Unsubscribe[] {
  return EVENT_NAMES.map((name) => core.events.on(name, (payload) => push(name, payload)));
}

async function answer(core: Core, method: string, input: unknown): Promise<Response> {
  try {
    return await core.dispatch(method, input);
  } catch (err) {
    // dispatch never throws by contract; if it ever does, the caller still gets an answer.
    core.context.log.error('The dispatcher threw', err);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Packdesk; it has been logged.' } };
  }
}

/** Wires one accepted socket to the core; everything is released when it closes. */
export function attachSocket(ws: WebSocket, opts: SocketOptions): void {
  const limit = opts.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const unsubscribe = subscribeAll(opts.core, (event, payload) => sendOrDrop(ws, pushFrame(event, payload), limit));

  ws.on('message', (data, isBinary) => {
    const frame = parseCallFrame(toBuffer(data), isBinary);
    if (!frame.ok) return sendOrDrop(ws, replyFrame(frame.id, { ok: false, error: frame.error }), limit);
    const { id, method, input } = frame.call;
    void answer(opts.core, method, input).then((response) => sendOrDrop(ws, replyFrame(id, response), limit));
  });
  ws.on('close', () => {
    for (const off of unsubscribe) off();
  });
  // A reset connection reports an error and then closes; the close handler cleans up.
  ws.on('error', () => {});
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * Pings every socket each `intervalMs`; one that did not answer the previous ping is gone (a
 * laptop lid closed, a cable pulled) and is terminated, which releases its subscriptions.
 */
export function keepAlive(sockets: () => Iterable<WebSocket>, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  const seen = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of sockets()) {
      if (!seen.has(ws)) {
        seen.add(ws);
        alive.add(ws);
        ws.on('pong', () => alive.add(ws));
      }
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
