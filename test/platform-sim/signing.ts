/**
 * The platform's request signature, as PLATFORM-API.md gives it: lowercase hex HMAC-SHA256 keyed
 * with the app secret over secret + path + the sorted query pairs (key then raw value, `sign` and
 * `access_token` left out) + the raw body bytes (none for multipart) + secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Query parameters as the server decoded them; a key sent twice is comma-joined, as array params are. */
export type QueryValues = ReadonlyMap<string, string>;

const UNSIGNED_KEYS = new Set(['sign', 'access_token']);

export function signedMessage(secret: string, path: string, query: QueryValues, body: Uint8Array): Buffer {
  const keys = [...query.keys()].filter((k) => !UNSIGNED_KEYS.has(k)).sort();
  const pairs = keys.map((k) => k + query.get(k)).join('');
  return Buffer.concat([Buffer.from(secret + path + pairs, 'utf8'), body, Buffer.from(secret, 'utf8')]);
}

export function signature(secret: string, path: string, query: QueryValues, body: Uint8Array = new Uint8Array()): string {
  return createHmac('sha256', secret)
    .update(signedMessage(secret, path, query, body))
    .digest('hex');
}

export type SignatureVerdict = 'ok' | 'bad' | 'missing';

/** Multipart bodies are not part of the message (PLATFORM-API.md). */
export function verifySignature(secret: string, path: string, query: QueryValues, body: Uint8Array, contentType: string | undefined): SignatureVerdict {
  const given = query.get('sign');
  if (!given) return 'missing';
  const signedBody = contentType?.toLowerCase().startsWith('multipart/') ? new Uint8Array() : body;
  const expected = Buffer.from(signature(secret, path, query, signedBody), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? 'ok' : 'bad';
}

/**
 * The query as a form decoder reads it (`+` is a space, %XX decoded): a client that sends a page
 * token with a raw `+` gets a different value here than it signed.
 */
export function decodeQuery(search: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) {
    const before = values.get(key);
    values.set(key, before === undefined ? value : `${before},${value}`);
  }
  return values;
}
