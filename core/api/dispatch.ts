import { ZodError } from 'zod';
import { PackdeskError, type ErrorInfo } from '../domain/errors.js';
import { codedError } from './coded-error.js';
import { contract, isMethod, METHOD_KINDS, type Input, type Method, type Result } from './contract.js';
import type { CoreContext } from './context.js';
import { countPendingOutbox, takeOutboxWritten } from '../store/outbox.js';
import { databaseBusy, isBusy } from '../store/transaction.js';

export type Handler<M extends Method> = (input: Input<M>, ctx: CoreContext) => Result<M> | Promise<Result<M>>;
export type Handlers = { [M in Method]: Handler<M> };

export type Response<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorInfo };

function zodMessage(err: ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

export function toErrorInfo(err: unknown, ctx: Pick<CoreContext, 'log'>): ErrorInfo {
  const coded = codedError(err);
  if (coded) return coded.toInfo();
  if (err instanceof ZodError) return { code: 'INVALID_INPUT', message: zodMessage(err) };
  // A read that met another program's lock (rare in WAL mode): as foreseeable as a busy write.
  if (isBusy(err)) return databaseBusy(0).toInfo();
  ctx.log.error('Unexpected error in the core', err);
  return { code: 'INTERNAL', message: 'Something went wrong inside Packdesk; it has been logged.' };
}

function validate(method: Method, input: unknown): { success: true; data: unknown } | { success: false; message: string } {
  try {
    const parsed = contract[method].safeParse(input ?? {});
    return parsed.success ? { success: true, data: parsed.data } : { success: false, message: zodMessage(parsed.error) };
  } catch (err) {
    // An in-process caller's object whose getter throws is bad input too, not a crash.
    return { success: false, message: `The input could not be read: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** Tells subscribers (the status bar's pending-sync count) when a call queued platform events. */
function announceOutbox(ctx: CoreContext): void {
  if (takeOutboxWritten(ctx.db)) ctx.events.emit('outbox.changed', { pending: countPendingOutbox(ctx.db) });
}

/**
 * A write method runs whole in the writer's queue: its steps (ctx.write) run there at once, and
 * the due rules too, instead of queueing behind itself.
 */
function inWriterQueue(ctx: CoreContext): CoreContext {
  return { ...ctx, write: (fn) => ctx.writer.step(fn), settleDue: () => ctx.writer.applyDue() };
}

/**
 * The one entry point: validates the input against the contract, runs the handler (a write
 * method through the writer's queue, one at a time), and turns every failure into
 * `{ ok: false, error: { code, message } }`. Never throws.
 */
export function createDispatcher(ctx: CoreContext, handlers: Handlers) {
  return async function dispatch(method: string, input: unknown): Promise<Response> {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No API method named ${JSON.stringify(method)}.` } };
    }
    const parsed = validate(method, input);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.message } };
    try {
      const handler = handlers[method] as Handler<Method>;
      const input = parsed.data as Input<Method>;
      const result = METHOD_KINDS[method] === 'write' ? await ctx.writer.queue(() => handler(input, inWriterQueue(ctx))) : await handler(input, ctx);
      announceOutbox(ctx);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err, ctx) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/** Typed call for in-process callers (CLI, tests): resolves with the result or rejects with PackdeskError. */
export async function call<M extends Method>(dispatch: Dispatch, method: M, input: unknown): Promise<Result<M>> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new PackdeskError(res.error.code, res.error.message, res.error.details);
  return res.result as Result<M>;
}
