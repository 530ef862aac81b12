/**
 * The control API under /__sim/ (plain JSON, unsigned, loopback only): the same controls the
 * programmatic Platform object offers, for the CLI harness and the end-to-end test.
 */
import { PlatformError } from '../codes.js';
import { FaultSyntaxError } from '../faults.js';
import { ControlError } from '../lifecycle.js';
import type { SimSettings } from '../model.js';
import { ORDER_ACTIONS, type OrderAction, type OrderActionArgs, type Platform } from '../platform.js';
import type { OrderSpec } from '../generate.js';

export interface ControlAnswer {
  status: number;
  json: unknown;
}

type Handler = (p: Platform, m: RegExpExecArray, body: Record<string, unknown>, url: URL) => unknown;

const controls: [string, RegExp, Handler][] = [
  [
    'GET',
    /^\/__sim\/?$/,
    (p) => ({ appKey: p.appKey, appSecret: p.appSecret, shops: p.store.shops, clock: p.clock.reading(), orders: p.store.orders.size, actions: ORDER_ACTIONS }),
  ],
  ['POST', /^\/__sim\/auth-codes$/, (p, _m, b) => ({ auth_code: p.issueAuthCode(b.scopes as string[] | undefined) })],
  ['POST', /^\/__sim\/tokens\/expire$/, (p) => ({ expired: p.expireAccessTokens() })],
  ['POST', /^\/__sim\/orders$/, (p, _m, b) => (typeof b.count === 'number' ? { ids: p.addOrders(b.count) } : { order: p.addOrder(b as OrderSpec) })],
  ['GET', /^\/__sim\/orders\/([^/]+)$/, (p, m) => ({ order: p.order(m[1]!) })],
  ['POST', /^\/__sim\/orders\/([^/]+)\/([a-z-]+)$/, (p, m, b) => ({ order: p.act(m[1]!, m[2] as OrderAction, b as OrderActionArgs) })],
  [
    'GET',
    /^\/__sim\/packages\/([^/]+)$/,
    (p, m) => ({ package: p.package(m[1]!), shipCalls: p.observer.counters.shipCalls[m[1]!] ?? 0, shipApplied: p.observer.counters.shipApplied[m[1]!] ?? 0 }),
  ],
  ['GET', /^\/__sim\/cancellations$/, (p, _m, _b, url) => ({ cancellations: p.cancellations(url.searchParams.get('order_id') ?? undefined) })],
  ['GET', /^\/__sim\/faults$/, (p) => ({ faults: p.faults.list(), skew: p.clock.reading().skew })],
  ['POST', /^\/__sim\/faults$/, (p, _m, b) => ({ faults: p.addFaults(String(b.spec ?? '')) })],
  [
    'DELETE',
    /^\/__sim\/faults$/,
    (p) => {
      p.clearFaults();
      return { faults: [] };
    },
  ],
  ['GET', /^\/__sim\/clock$/, (p) => p.clock.reading()],
  [
    'POST',
    /^\/__sim\/clock$/,
    (p, _m, b) => {
      if (typeof b.skew === 'number') p.setSkew(b.skew);
      if (typeof b.advance === 'number') p.advance(b.advance);
      return p.clock.reading();
    },
  ],
  ['GET', /^\/__sim\/settings$/, (p) => p.settings],
  ['POST', /^\/__sim\/settings$/, (p, _m, b) => p.updateSettings(b as Partial<SimSettings>)],
  ['GET', /^\/__sim\/counters$/, (p) => p.observer.counters],
  [
    'POST',
    /^\/__sim\/counters\/reset$/,
    (p) => {
      p.observer.reset();
      return p.observer.counters;
    },
  ],
  ['GET', /^\/__sim\/requests$/, (p, _m, _b, url) => ({ requests: p.observer.requests(Number(url.searchParams.get('since') ?? 0)) })],
];

export function handleControl(platform: Platform, method: string, url: URL, rawBody: Buffer): ControlAnswer {
  const path = url.pathname;
  const known = controls.filter(([, pattern]) => pattern.test(path));
  const hit = known.find(([m]) => m === method);
  if (!hit) return { status: known.length ? 405 : 404, json: { error: `No control ${method} ${path}.` } };
  try {
    const body = rawBody.length ? (JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>) : {};
    const result = hit[2](platform, hit[1].exec(path)!, body, url);
    platform.tick();
    return { status: 200, json: result };
  } catch (error) {
    if (error instanceof ControlError || error instanceof RangeError) return { status: 409, json: { error: error.message } };
    if (error instanceof SyntaxError || error instanceof FaultSyntaxError) return { status: 400, json: { error: error.message } };
    if (error instanceof PlatformError) return { status: 404, json: { error: error.message, code: error.answer.code } };
    throw error;
  }
}
