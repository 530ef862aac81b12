/** What a platform endpoint is to the server: where it lives, what it needs, and its handler. */
import { refuse } from '../codes.js';
import type { Shop } from '../model.js';
import type { Platform } from '../platform.js';

export interface CallContext {
  platform: Platform;
  params: Record<string, string>;
  query: ReadonlyMap<string, string>;
  rawBody: Buffer;
  /** The shop named by shop_cipher, on shop calls. */
  shop: Shop | undefined;
  /** This server's base URL, for the doc_urls it hands out. */
  base: string;
}

/** An answer that is not the JSON envelope (a PDF, a 404 page). */
export class RawAnswer {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly body: Uint8Array | string,
  ) {}
}

export interface Route {
  /** For counters, e.g. "POST /order/202309/orders/search". */
  name: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** api: signed, with access token; auth: the token host, unsigned; document: a doc_url download. */
  kind: 'api' | 'auth' | 'document';
  scope?: string;
  /** Needs shop_cipher (every api route except /authorization/*). */
  shop?: boolean;
  handle(ctx: CallContext): unknown;
}

export function route(method: Route['method'], path: string, rest: Omit<Route, 'name' | 'method' | 'pattern' | 'kind'> & { kind?: Route['kind'] }): Route {
  const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
  return { name: `${method} ${path}`, method, pattern, kind: 'api', shop: true, ...rest };
}

/** The request body as JSON; none is `{}`. */
export function jsonBody<T extends object>(ctx: CallContext): Partial<T> {
  if (ctx.rawBody.length === 0) return {};
  try {
    const value: unknown = JSON.parse(ctx.rawBody.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Partial<T>;
  } catch {
    // refused below
  }
  return refuse('invalidParam', 'The body is not a JSON object.');
}

export function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) refuse('invalidParam', `${name} must be an integer (Unix seconds).`);
  return value;
}

export function optionalStrings(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) refuse('invalidParam', `${name} must be an array of strings.`);
  return value as string[];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) refuse('invalidParam', `${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Keeps the window filters the searches share: ge inclusive, lt exclusive. */
export function inWindow(t: number, ge: number | undefined, lt: number | undefined): boolean {
  return (ge === undefined || t >= ge) && (lt === undefined || t < lt);
}
