import { createHmac } from 'node:crypto';

/** A query value as callers give it; arrays travel comma-joined (`ids=1,2`). */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** The query exactly as it will be sent and signed: raw (not URL-encoded) values, in the caller's order. */
export type QueryPairs = readonly (readonly [string, string])[];

/** Keys the platform leaves out of the signature. */
const UNSIGNED_KEYS = new Set(['sign', 'access_token']);

export function toQueryPairs(query: Query): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    pairs.push([key, Array.isArray(value) ? value.join(',') : String(value)]);
  }
  return pairs;
}

/**
 * The platform's request signature (PLATFORM-API.md, "Hosts and signing"): lowercase hex
 * HMAC-SHA256 keyed with the app secret over
 * `secret + path + sorted(key + value, except sign/access_token) + raw body + secret`.
 * `body` is the text sent byte for byte ('' when the request has no body).
 */
export function signRequest(appSecret: string, path: string, query: QueryPairs, body: string): string {
  const signed = query
    .filter(([key]) => !UNSIGNED_KEYS.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => key + value)
    .join('');
  return createHmac('sha256', appSecret)
    .update(appSecret + path + signed + body + appSecret, 'utf8')
    .digest('hex');
}

/** The query string on the wire: every key and value URL-encoded, so page tokens keep their `+ / =`. */
export function encodeQuery(query: QueryPairs): string {
  return query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}
