/**
 * The platform gateway of the app and the station: the same calls as DirectGateway, made in a
 * worker thread (gateway-worker.ts). A 100-order page costs a few milliseconds of JSON parsing and
 * checking; done here on the main thread, a scan arriving meanwhile would wait for it.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PackdeskError, type ErrorCode } from '../domain/errors.js';
import type { BatchShipResult } from '../platform/client.js';
import type { PlatformLogEntry, RuntimeOptions } from '../platform/runtime.js';
import type { CancellationSearchFilter, RejectCancellationRequest, SellerCancelRequest } from '../platform/schemas/cancellations.js';
import type { BatchShipPackage, PlatformPackage } from '../platform/schemas/fulfillment.js';
import type { OrderSearchFilter } from '../platform/schemas/orders.js';
import type { CancellationPage, FetchedLabel, GatewayOptions, OrderPage, PlatformGateway, TokenLife } from './gateway.js';
import type { PulledOrder } from './map-order.js';
import { errorShape, type ErrorShape, type WorkerCall, type WorkerReply } from './gateway-worker.js';

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

/** Only the runtime's plain settings cross into the worker; functions stay on this side. */
function plainRuntime(runtime: RuntimeOptions | undefined): RuntimeOptions | undefined {
  if (!runtime) return undefined;
  const { timeoutMs, backoff, maxAnswerBytes, maxDocumentBytes } = runtime;
  return Object.fromEntries(Object.entries({ timeoutMs, backoff, maxAnswerBytes, maxDocumentBytes }).filter(([, v]) => v !== undefined));
}

function toError(e: ErrorShape): PackdeskError {
  return new PackdeskError(e.code as ErrorCode, e.message, e.details);
}

/**
 * The worker's file beside this one: JavaScript once built (dist/app); TypeScript when run from
 * source (CLI, station, tests), where the worker first registers tsx's loader as the main thread was.
 */
function startWorker(workerData: unknown): Worker {
  // Written out whole so the app's build sees the worker as a file it must ship.
  const built = new URL('./gateway-worker.js', import.meta.url);
  if (extname(fileURLToPath(import.meta.url)) !== '.ts') return new Worker(built, { execArgv: [], workerData });
  const entry = new URL(built.href.replace(/\.js$/, '.ts'));
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export class WorkerGateway implements PlatformGateway {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: GatewayOptions) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { saveTokens: _s, log: _l, runtime, ...plain } = this.options;
    const worker = startWorker({ options: { ...plain, runtime: plainRuntime(runtime) } });
    worker.on('message', (m: WorkerReply) => this.heard(worker, m));
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [, p] of this.pending) p.reject(new PackdeskError('INTERNAL', `The sync's worker thread stopped: ${why}`));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private heard(worker: Worker, m: WorkerReply): void {
    if (m.type === 'log') return void this.options.log?.(m.entry as PlatformLogEntry);
    if (m.type === 'saveTokens') {
      Promise.resolve()
        .then(() => this.options.saveTokens(m.tokens))
        .then(
          () => worker.postMessage({ type: 'saved', id: m.id, error: null } satisfies WorkerCall),
          (err: unknown) => worker.postMessage({ type: 'saved', id: m.id, error: errorShape(err) } satisfies WorkerCall),
        );
      return;
    }
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (this.pending.size === 0) worker.unref();
    if (!p) return;
    if (!m.ok) p.reject(toError(m.error));
    else p.resolve(m.json ? JSON.parse(m.value as string) : m.value);
  }

  private ask<T>(method: keyof PlatformGateway, ...args: unknown[]): Promise<T> {
    const worker = this.started();
    const id = this.nextId++;
    // Alive while it works: a CLI must not end with a call in flight, nor stay for an idle worker.
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ type: 'call', id, method, args } satisfies WorkerCall);
    });
  }

  refreshIfDue(): Promise<TokenLife> {
    return this.ask('refreshIfDue');
  }

  orderPage(filter: OrderSearchFilter, pageToken?: string): Promise<OrderPage> {
    return this.ask('orderPage', filter, pageToken);
  }

  ordersById(ids: readonly string[]): Promise<PulledOrder[]> {
    return this.ask('ordersById', ids);
  }

  cancellationPage(filter: CancellationSearchFilter, pageToken?: string): Promise<CancellationPage> {
    return this.ask('cancellationPage', filter, pageToken);
  }

  batchShip(packages: readonly BatchShipPackage[]): Promise<BatchShipResult> {
    return this.ask('batchShip', packages);
  }

  getPackage(packageId: string): Promise<PlatformPackage> {
    return this.ask('getPackage', packageId);
  }

  fetchLabel(packageId: string): Promise<FetchedLabel> {
    return this.ask('fetchLabel', packageId);
  }

  approveCancellation(cancelId: string, idempotencyKey: string): Promise<void> {
    return this.ask('approveCancellation', cancelId, idempotencyKey);
  }

  rejectCancellation(cancelId: string, idempotencyKey: string, request: RejectCancellationRequest): Promise<void> {
    return this.ask('rejectCancellation', cancelId, idempotencyKey, request);
  }

  rejectReasons(): Promise<string[]> {
    return this.ask('rejectReasons');
  }

  sellerCancel(request: SellerCancelRequest): Promise<void> {
    return this.ask('sellerCancel', request);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/** For createCore's `sync.gateways`: platform calls in a worker thread (the app and the station). */
export const workerGateways = (options: GatewayOptions): PlatformGateway => new WorkerGateway(options);
