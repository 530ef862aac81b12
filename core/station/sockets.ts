import WebSocket from 'ws';
import type { Core } from '../core.js';
import type { Response } from '../api/dispatch.js';
import type { EventName, Events, Unsubscribe } from '../api/events.js';
import { EVENT_NAMES } from '../shared/vocabulary.js';
import { parseCallFrame, pushFrame, replyFrame } from './protocol.js';

/**
 * One API socket: every frame is a call answered by id (calls run concurrently; the dispatcher
 * serialises writes itself), and every core event is pushed as it happens.
 *
 * Flow control, per socket: a peer may ask as much as it likes, but the station reads its calls
 * only as fast as the peer reads the answers. Reading stops while too many calls are unanswered or
 * too much output waits unread, and starts again as the output drains. A peer that stops reading
 * altogether is dropped once its output has not moved for `stallMs`, or once it passes a hard cap
 * (a frozen tab must not make the station buffer without end).
 */

/** Output that may wait unread before a socket is dropped outright. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Stop reading calls once this much output waits, or this many calls are unanswered. */
export const HIGH_WATER_BYTES = 1024 * 1024;
export const MAX_CALLS_IN_FLIGHT = 64;
/** How long output may wait without any of it being read before the socket is dropped. */
export const STALL_MS = 60_000;

export interface SocketOptions {
  core: Core;
  maxBufferedBytes?: number;
  stallMs?: number;
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

/** Reads calls only as fast as the peer reads answers; drops a peer that stopped reading. */
class FlowControl {
  private inFlight = 0;
  private paused = false;
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly maxBuffered: number,
    private readonly stallMs: number,
  ) {}

  /**
   * An answer always goes out (at most MAX_CALLS_IN_FLIGHT of them wait); an event to a peer
   * that let more than the cap pile up unread drops the socket.
   */
  send(frame: string, kind: 'answer' | 'event'): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (kind === 'event' && this.ws.bufferedAmount > this.maxBuffered) return void this.ws.terminate();
    // The callback runs once the frame has been handed to the OS: output is moving.
    this.ws.send(frame, () => this.drained());
    this.watch();
  }

  callStarted(): void {
    this.inFlight++;
    this.watch();
  }

  callEnded(): void {
    this.inFlight--;
  }

  close(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private watch(): void {
    const behind = this.ws.bufferedAmount > HIGH_WATER_BYTES;
    if (!this.paused && (behind || this.inFlight >= MAX_CALLS_IN_FLIGHT)) {
      this.paused = true;
      this.ws.pause();
    }
    if (behind && !this.stallTimer) this.stallTimer = setTimeout(() => this.ws.terminate(), this.stallMs);
  }

  private drained(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    const caughtUp = this.ws.bufferedAmount <= HIGH_WATER_BYTES / 4 && this.inFlight < MAX_CALLS_IN_FLIGHT / 2;
    if (this.paused && caughtUp) {
      this.paused = false;
      this.ws.resume();
    } else this.watch();
  }
}

/** Wires one accepted socket to the core; everything is released when it closes. */
export function attachSocket(ws: WebSocket, opts: SocketOptions): void {
  const flow = new FlowControl(ws, opts.maxBufferedBytes ?? MAX_BUFFERED_BYTES, opts.stallMs ?? STALL_MS);
  const unsubscribe = subscribeAll(opts.core, (event, payload) => flow.send(pushFrame(event, payload), 'event'));

  ws.on('message', (data, isBinary) => {
    const frame = parseCallFrame(toBuffer(data), isBinary);
    if (!frame.ok) return flow.send(replyFrame(frame.id, { ok: false, error: frame.error }), 'answer');
    const { id, method, input } = frame.call;
    flow.callStarted();
    void answer(opts.core, method, input).then((response) => {
      flow.callEnded();
      flow.send(replyFrame(id, response), 'answer');
    });
  });
  ws.on('close', () => {
    flow.close();
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
