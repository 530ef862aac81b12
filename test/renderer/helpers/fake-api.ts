import type { Api, EventName, Events, InputArg, Method, Result, Unsubscribe } from '../../../renderer/src/store/api.js';

type Handler<M extends Method> = (input: InputArg<M>) => Result<M> | Promise<Result<M>>;
type Handlers = { [M in Method]?: Handler<M> };

/** A failed call as the real client rejects it: an error with the core's code. */
export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

/** An in-memory stand-in for the core: answers what a test told it to, records every call, emits events on demand. */
export class FakeApi implements Api {
  readonly calls: { method: Method; input: unknown }[] = [];
  private readonly handlers: Handlers = {};
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  handle<M extends Method>(method: M, handler: Handler<M>): this {
    (this.handlers as Record<string, unknown>)[method] = handler;
    return this;
  }

  handles(method: Method): boolean {
    return method in this.handlers;
  }

  async call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>> {
    this.calls.push({ method, input });
    const handler = this.handlers[method] as Handler<M> | undefined;
    if (!handler) throw new FakeApiError('UNKNOWN_METHOD', `The fake core has no answer for ${method}`);
    return handler(input);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (p: Events[E]) => void)(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsTo<M extends Method>(method: M): InputArg<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as InputArg<M>);
  }
}

/** In-memory localStorage so each test starts with no saved settings. */
export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}
