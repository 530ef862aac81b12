/**
 * The platform gateway inside a worker thread (see worker-gateway.ts): HTTP, JSON parsing, answer
 * checking and mapping happen here, so the thread that answers scans never waits on them. Tokens
 * refreshed here are sent to the main thread, which keeps them (credential store and database)
 * before this side goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackdeskError } from '../domain/errors.js';
import type { ShopTokens } from '../platform/tokens.js';
import { DirectGateway, type GatewayOptions, type PlatformGateway } from './gateway.js';

export type WorkerCall = { type: 'call'; id: number; method: keyof PlatformGateway; args: unknown[] } | { type: 'saved'; id: number; error: ErrorShape | null };

export interface ErrorShape {
  code: string;
  message: string;
  details?: unknown;
}

export type WorkerReply =
  | { type: 'result'; id: number; ok: true; value: unknown; json?: true }
  | { type: 'result'; id: number; ok: false; error: ErrorShape }
  | { type: 'saveTokens'; id: number; tokens: ShopTokens }
  | { type: 'log'; entry: unknown };

export function errorShape(err: unknown): ErrorShape {
  if (err instanceof PackdeskError)
    return err.details === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, details: err.details };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** Answers carrying orders go as JSON text: cheaper for the main thread to take in than a structured clone. */
const AS_JSON = new Set<keyof PlatformGateway>(['orderPage', 'ordersById']);

function serve(): void {
  const port = parentPort;
  if (!port) return;
  const saves = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  let nextSave = 1;
  const options = workerData.options as Omit<GatewayOptions, 'saveTokens' | 'log'>;
  const gateway: PlatformGateway = new DirectGateway({
    ...options,
    saveTokens: (tokens) =>
      new Promise<void>((resolve, reject) => {
        const id = nextSave++;
        saves.set(id, { resolve, reject });
        port.postMessage({ type: 'saveTokens', id, tokens } satisfies WorkerReply);
      }),
    log: (entry) => port.postMessage({ type: 'log', entry } satisfies WorkerReply),
  });
  port.on('message', (m: WorkerCall) => {
    if (m.type === 'saved') {
      const save = saves.get(m.id);
      saves.delete(m.id);
      if (m.error) save?.reject(new PackdeskError(m.error.code as never, m.error.message, m.error.details));
      else save?.resolve();
      return;
    }
    const method = gateway[m.method] as (...args: unknown[]) => Promise<unknown>;
    method.apply(gateway, m.args).then(
      (value) => {
        if (AS_JSON.has(m.method)) port.postMessage({ type: 'result', id: m.id, ok: true, value: JSON.stringify(value), json: true } satisfies WorkerReply);
        else if (m.method === 'fetchLabel') {
          // A copy of its own: a Buffer may share a pooled ArrayBuffer, which must never be moved away.
          const label = value as { pdf: Uint8Array; trackingNumber: string | null };
          const pdf = new Uint8Array(label.pdf);
          port.postMessage({ type: 'result', id: m.id, ok: true, value: { ...label, pdf } } satisfies WorkerReply, [pdf.buffer]);
        } else port.postMessage({ type: 'result', id: m.id, ok: true, value } satisfies WorkerReply);
      },
      (err: unknown) => port.postMessage({ type: 'result', id: m.id, ok: false, error: errorShape(err) } satisfies WorkerReply),
    );
  });
}

serve();
