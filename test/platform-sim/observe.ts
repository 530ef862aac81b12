/**
 * What the simulator saw: every request with its signature verdict and answer, and the counters
 * the exactly-once tests read (ship calls and ship applications per package, cancellation answers
 * applied, idempotent replays).
 */
import type { FaultKind } from './faults.js';
import type { SignatureVerdict } from './signing.js';

export interface RequestRecord {
  seq: number;
  /** Platform time, Unix seconds. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** 'unsigned' for the auth host, labels and unknown paths. */
  signature: SignatureVerdict | 'unsigned';
  status?: number;
  code?: number;
  fault?: FaultKind;
}

export interface Counters {
  requests: number;
  signatureOk: number;
  signatureBad: number;
  signatureMissing: number;
  byRoute: Record<string, number>;
  /** Ship requests (single or batch) that named the package and passed authentication. */
  shipCalls: Record<string, number>;
  /** Times a ship changed the package (more than 1 never happens: the second is "already shipped"). */
  shipApplied: Record<string, number>;
  /** Approve/reject answers applied per cancellation. */
  cancellationAnswers: Record<string, number>;
  /** Approve/reject calls answered from the idempotency store without applying again. */
  idempotentReplays: number;
  tokenExchanges: number;
  tokenRefreshes: number;
  labelDownloads: number;
}

const MAX_LOG = 50_000;

const empty = (): Counters => ({
  requests: 0,
  signatureOk: 0,
  signatureBad: 0,
  signatureMissing: 0,
  byRoute: {},
  shipCalls: {},
  shipApplied: {},
  cancellationAnswers: {},
  idempotentReplays: 0,
  tokenExchanges: 0,
  tokenRefreshes: 0,
  labelDownloads: 0,
});

export class Observer {
  private log: RequestRecord[] = [];
  private seq = 0;
  counters: Counters = empty();

  start(at: number, method: string, path: string, query: ReadonlyMap<string, string>, signature: RequestRecord['signature']): RequestRecord {
    const record: RequestRecord = { seq: ++this.seq, at, method, path, query: Object.fromEntries(query), signature };
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    const c = this.counters;
    c.requests++;
    if (signature === 'ok') c.signatureOk++;
    if (signature === 'bad') c.signatureBad++;
    if (signature === 'missing') c.signatureMissing++;
    return record;
  }

  countRoute(name: string): void {
    this.counters.byRoute[name] = (this.counters.byRoute[name] ?? 0) + 1;
  }

  bump(table: 'shipCalls' | 'shipApplied' | 'cancellationAnswers', id: string): void {
    this.counters[table][id] = (this.counters[table][id] ?? 0) + 1;
  }

  requests(since = 0): RequestRecord[] {
    return this.log.filter((r) => r.seq > since).map((r) => ({ ...r }));
  }

  reset(): void {
    this.counters = empty();
    this.log = [];
  }
}
