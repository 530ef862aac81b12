/**
 * The simulated platform as one object: its data, tokens, faults, documents and counters, and the
 * controls tests use to change it (the control HTTP API calls the same methods).
 */
import { SimClock, type WallClock } from './clock.js';
import { Documents } from './documents.js';
import { FaultPlan, parseFaults, type FaultRule } from './faults.js';
import { createOrder, generateOrders, type OrderSpec } from './generate.js';
import * as life from './lifecycle.js';
import { DEFAULT_SETTINGS, type Address, type SimSettings, type Shop } from './model.js';
import { Observer } from './observe.js';
import { Random } from './random.js';
import { cancellationJson, orderJson, packageJson } from './serialize.js';
import { Store } from './store.js';
import { TokenBook } from './tokens.js';

export interface PlatformOptions {
  /** Orders made at start (default 50). */
  orders?: number;
  seed?: number;
  /** Wall clock in Unix milliseconds (default Date.now). */
  clock?: WallClock;
  appKey?: string;
  appSecret?: string;
  /** A fault list (see faults.ts) or parsed rules. */
  faults?: string | FaultRule[];
  /** Authorised shops (default 1). */
  shops?: number;
  settings?: Partial<SimSettings>;
}

export const ORDER_ACTIONS = [
  'pay',
  'hold',
  'release',
  'request-cancel',
  'cancel',
  'ship-elsewhere',
  'change-address',
  'in-transit',
  'deliver',
  'complete',
  'edit-notes',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export interface OrderActionArgs {
  reason?: string;
  address?: Partial<Address>;
  buyerMessage?: string;
  sellerNote?: string;
}

function makeShops(count: number): Shop[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `74949560${String(i + 1).padStart(11, '0')}`,
    name: i === 0 ? 'Packdesk Demo Shop' : `Packdesk Demo Shop ${i + 1}`,
    region: 'GB',
    // Real ciphers are opaque text like this; they go into the query as they are.
    cipher: `ROW_sim${i + 1}AAAAAaB3cD4eF5gH6iJ7kL8mN9oP`,
    code: `GBLCSIM${i + 1}`,
  }));
}

export class Platform {
  readonly appKey: string;
  readonly appSecret: string;
  readonly clock: SimClock;
  readonly settings: SimSettings;
  readonly store: Store;
  readonly tokens: TokenBook;
  readonly faults: FaultPlan;
  readonly observer = new Observer();
  readonly documents: Documents;
  /** Idempotency key → the answer given the first time (approve/reject cancellation). */
  readonly idempotent = new Map<string, { fingerprint: string; data: unknown }>();

  constructor(options: PlatformOptions = {}) {
    const seed = options.seed ?? 1;
    this.appKey = options.appKey ?? 'sim_app_key';
    this.appSecret = options.appSecret ?? 'sim_app_secret';
    this.clock = new SimClock(options.clock);
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.store = new Store(this.clock, this.settings, makeShops(options.shops ?? 1), seed);
    this.tokens = new TokenBook(this.clock, this.settings, { openId: 'sim-open-id-0001', name: 'Packdesk Demo Seller', region: 'GB' });
    this.faults = new FaultPlan(new Random(seed ^ 0x27d4eb2f));
    this.documents = new Documents(this.store);
    generateOrders(this.store, options.orders ?? 50);
    if (options.faults) this.addFaults(options.faults);
  }

  // ---- authorisation
  issueAuthCode(scopes?: string[]): string {
    return this.tokens.issueAuthCode(scopes);
  }

  expireAccessTokens(): number {
    return this.tokens.expireAccessTokens();
  }

  // ---- orders
  addOrder(spec: OrderSpec = {}): Record<string, unknown> {
    return orderJson(this.store, createOrder(this.store, spec));
  }

  addOrders(count: number): string[] {
    const before = new Set(this.store.orders.keys());
    generateOrders(this.store, count);
    return [...this.store.orders.keys()].filter((id) => !before.has(id));
  }

  act(orderId: string, action: OrderAction, args: OrderActionArgs = {}): Record<string, unknown> {
    const s = this.store;
    const order = s.order(orderId);
    const run: Record<OrderAction, () => unknown> = {
      pay: () => life.payOrder(s, order),
      hold: () => life.holdOrder(s, order),
      release: () => life.releaseOrder(s, order),
      'request-cancel': () => life.requestCancel(s, order, args.reason),
      cancel: () => life.cancelOrder(s, order, 'SYSTEM', args.reason ?? 'Cancelled by the platform'),
      'ship-elsewhere': () => life.shipElsewhere(s, order),
      'change-address': () => life.changeAddress(s, order, args.address ?? {}),
      'in-transit': () => life.markInTransit(s, order),
      deliver: () => life.markDelivered(s, order),
      complete: () => life.markCompleted(s, order),
      'edit-notes': () => life.editNotes(s, order, args),
    };
    if (!run[action]) throw new life.ControlError(`No order action "${action}"; one of ${ORDER_ACTIONS.join(', ')}.`);
    run[action]();
    return orderJson(s, order);
  }

  order(id: string): Record<string, unknown> {
    return orderJson(this.store, this.store.order(id));
  }

  package(id: string): Record<string, unknown> {
    return packageJson(this.store, this.store.package(id));
  }

  cancellations(orderId?: string): Record<string, unknown>[] {
    return [...this.store.cancellations.values()].filter((c) => !orderId || c.orderId === orderId).map((c) => cancellationJson(this.store, c));
  }

  // ---- faults, time, settings, counters
  addFaults(faults: string | FaultRule[]): FaultRule[] {
    const parsed = typeof faults === 'string' ? parseFaults(faults) : { rules: faults };
    if ('skewSeconds' in parsed && parsed.skewSeconds !== undefined) this.clock.setSkew(parsed.skewSeconds);
    this.faults.add(parsed.rules);
    return this.faults.list();
  }

  clearFaults(): void {
    this.faults.clear();
    this.clock.setSkew(0);
  }

  /** Moves platform time on; the platform's own clocks (overdue cancel requests) run. */
  advance(seconds: number): number {
    this.clock.advance(seconds);
    this.tick();
    return this.clock.now();
  }

  setSkew(seconds: number): void {
    this.clock.setSkew(seconds);
  }

  updateSettings(patch: Partial<SimSettings>): SimSettings {
    for (const key of Object.keys(patch) as (keyof SimSettings)[]) {
      if (!(key in DEFAULT_SETTINGS)) throw new life.ControlError(`No setting "${key}".`);
      if (typeof patch[key] !== typeof DEFAULT_SETTINGS[key]) throw new life.ControlError(`Setting "${key}" must be a ${typeof DEFAULT_SETTINGS[key]}.`);
    }
    Object.assign(this.settings, patch);
    return { ...this.settings };
  }

  tick(): void {
    this.store.tick((c) => life.cancelOverdue(this.store, c));
  }
}
