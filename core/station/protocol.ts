import { z } from 'zod';
import type { Response } from '../api/dispatch.js';
import type { EventName, Events } from '../api/events.js';
import type { ErrorInfo } from '../domain/errors.js';

/**
 * The station host's wire format: JSON text frames over one WebSocket.
 *   client → server  { id, method, input }
 *   server → client  { id, response }          (id null when the frame had no readable id)
 *   server → client  { event, payload }        (push, never answered)
 * The method and input are not checked here: the dispatcher validates them through the contract,
 * so the WebSocket can never accept more than Electron's IPC does.
 */
export interface CallFrame {
  id: number;
  method: string;
  input: unknown;
}

export interface ReplyFrame {
  id: number | null;
  response: Response;
}

export type PushFrame = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];

/** Frames above this get INVALID_INPUT unread: no API input comes near it (scans are ≤ 500 chars). */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** ws drops the connection (close 1009) above this, so a hostile peer cannot make us buffer more. */
export const HARD_FRAME_BYTES = 4 * MAX_FRAME_BYTES;

const callShape = z.strictObject({
  // Ids are the client's own counter; bounded so they survive JSON round trips exactly.
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(200),
  // Left out by JSON.stringify when undefined; the contract decides whether the method needs one.
  input: z.unknown().optional(),
});

export type ParsedFrame = { ok: true; call: CallFrame } | { ok: false; id: number | null; error: ErrorInfo };

function invalid(id: number | null, message: string): ParsedFrame {
  return { ok: false, id, error: { code: 'INVALID_INPUT', message } };
}

/**
 * Reads the id of a frame too large to parse, so the caller's pending call can be failed instead
 * of waiting forever. Only the first bytes are looked at; clients put the id first.
 */
export function leadingId(head: string): number | null {
  const m = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(head.slice(0, 64));
  return m ? Number(m[1]) : null;
}

function readableId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** Turns one inbound frame into a call, or into the error to answer it with. Never throws. */
export function parseCallFrame(data: Buffer, isBinary: boolean): ParsedFrame {
  if (data.length > MAX_FRAME_BYTES) {
    return invalid(leadingId(data.subarray(0, 64).toString('utf8')), `A message may be at most ${MAX_FRAME_BYTES} bytes; this one was ${data.length}.`);
  }
  if (isBinary) return invalid(null, 'Send API calls as JSON text frames.');
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return invalid(null, 'The message is not valid JSON.');
  }
  const parsed = callShape.safeParse(value);
  if (!parsed.success) {
    return invalid(readableId(value), 'A call must look like {"id": <number>, "method": "<name>", "input": {…}}.');
  }
  return { ok: true, call: { id: parsed.data.id, method: parsed.data.method, input: parsed.data.input } };
}

export function replyFrame(id: number | null, response: Response): string {
  return JSON.stringify({ id, response } satisfies ReplyFrame);
}

export function pushFrame<E extends EventName>(event: E, payload: Events[E]): string {
  return JSON.stringify({ event, payload });
}
