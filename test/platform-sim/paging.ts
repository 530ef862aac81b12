/**
 * Opaque page tokens and the paging both searches share. A token is standard base64 that always
 * holds `+`, `/` and `=` (a client that puts it in a URL without encoding it sends something else,
 * and is refused), carries a checksum, and is bound to the search's filters and sort.
 */
import { createHash } from 'node:crypto';
import { refuse } from './codes.js';

/** Three bytes whose base64 is "+++/": every token has a '+' and a '/'. */
const MARK = Buffer.from([0xfb, 0xef, 0xbf]);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

interface TokenBody {
  /** The filters and sort the token belongs to. */
  q: string;
  /** keyset: the sort value and id of the last item served. */
  k?: [number, string];
  /** offset: how many items were served. */
  n?: number;
}

const checksum = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest().subarray(0, 4);

export function encodePageToken(body: TokenBody): string {
  let json = Buffer.from(JSON.stringify(body));
  // A length that is not a multiple of 3 ends in '=' padding; JSON does not mind a trailing space.
  if ((MARK.length + 4 + json.length) % 3 === 0) json = Buffer.concat([json, Buffer.from(' ')]);
  return Buffer.concat([MARK, checksum(json), json]).toString('base64');
}

export function decodePageToken(token: string): TokenBody {
  const bytes = BASE64.test(token) ? Buffer.from(token, 'base64') : Buffer.alloc(0);
  const json = bytes.subarray(MARK.length + 4);
  const intact =
    bytes.length > MARK.length + 4 && bytes.subarray(0, MARK.length).equals(MARK) && bytes.subarray(MARK.length, MARK.length + 4).equals(checksum(json));
  if (!intact) refuse('invalidParam', 'page_token is not a token this API issued (was it URL-encoded?).');
  return JSON.parse(json.toString('utf8')) as TokenBody;
}

export interface PageQuery {
  pageSize: number;
  pageToken: string | undefined;
  /** Names the filters and sort; a token from another search is refused. */
  searchKey: string;
  ascending: boolean;
  mode: 'keyset' | 'offset';
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
  totalCount: number;
}

/** An item with its sort key: (sort value, id). */
export type Keyed<T> = { item: T; key: [number, string] };

export const compareKeys = (a: [number, string], b: [number, string]): number => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

export function sortByKey<T>(items: Iterable<T>, sortValue: (t: T) => number, id: (t: T) => string): Keyed<T>[] {
  return [...items].map((item) => ({ item, key: [sortValue(item), id(item)] as [number, string] })).sort((a, b) => compareKeys(a.key, b.key));
}

/** The first index in `ascending` whose key is after `key` (strictly, or also equal when `orEqual`). */
function bound<T>(ascending: Keyed<T>[], key: [number, string], orEqual: boolean): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeys(ascending[mid]!.key, key);
    if (c < 0 || (c === 0 && !orEqual)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of the items `keep` accepts, from `ascending` (sorted by sortByKey) in the search's
 * order; the last page's token is "".
 */
export function pageOf<T>(ascending: Keyed<T>[], keep: (t: T) => boolean, q: PageQuery): Page<T> {
  const searchKey = createHash('sha256').update(q.searchKey).digest('base64').slice(0, 16);
  const token = q.pageToken ? decodePageToken(q.pageToken) : undefined;
  if (token && token.q !== searchKey) refuse('invalidParam', 'page_token belongs to a search with other filters or sort.');
  const at = (i: number): Keyed<T> => ascending[q.ascending ? i : ascending.length - 1 - i]!;
  // Keyset: resume after the last key served, wherever the items around it have moved since.
  let start = 0;
  if (token?.k) start = q.ascending ? bound(ascending, token.k, false) : ascending.length - bound(ascending, token.k, true);
  const totalCount = ascending.reduce((n, e) => (keep(e.item) ? n + 1 : n), 0);
  const items: Keyed<T>[] = [];
  let skip = q.mode === 'offset' ? (token?.n ?? 0) : 0;
  let more = false;
  for (let i = start; i < ascending.length; i++) {
    const entry = at(i);
    if (!keep(entry.item)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (items.length === q.pageSize) {
      more = true;
      break;
    }
    items.push(entry);
  }
  const last = items[items.length - 1];
  const served = (token?.n ?? 0) + items.length;
  const nextPageToken = more && last ? encodePageToken(q.mode === 'offset' ? { q: searchKey, n: served } : { q: searchKey, k: last.key }) : '';
  return { items: items.map((e) => e.item), nextPageToken, totalCount };
}

export function pageSizeOf(raw: string | undefined, max: number): number {
  const size = Number(raw);
  if (raw === undefined || !Number.isInteger(size) || size < 1 || size > max) refuse('invalidParam', `page_size must be 1 to ${max}.`);
  return size;
}
