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
  const intact = bytes.length > MARK.length + 4 && bytes.subarray(0, MARK.length).equals(MARK) && bytes.subarray(MARK.length, MARK.length + 4).equals(checksum(json));
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

/** Pages `items` (already filtered) by (sort value, id); the last page's token is "". */
export function pageOf<T>(items: T[], sortValue: (t: T) => number, id: (t: T) => string, q: PageQuery): Page<T> {
  const dir = q.ascending ? 1 : -1;
  const compare = (a: [number, string], b: [number, string]): number => dir * (a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const keyed = items.map((item) => ({ item, key: [sortValue(item), id(item)] as [number, string] })).sort((a, b) => compare(a.key, b.key));
  const searchKey = createHash('sha256').update(q.searchKey).digest('base64').slice(0, 16);
  let start = 0;
  if (q.pageToken) {
    const token = decodePageToken(q.pageToken);
    if (token.q !== searchKey) refuse('invalidParam', 'page_token belongs to a search with other filters or sort.');
    if (q.mode === 'offset') start = token.n ?? 0;
    else if (token.k) start = keyed.findIndex((e) => compare(e.key, token.k!) > 0);
    if (start < 0) start = keyed.length;
  }
  const slice = keyed.slice(start, start + q.pageSize);
  const more = start + slice.length < keyed.length;
  const last = slice[slice.length - 1];
  const nextPageToken = more && last ? encodePageToken(q.mode === 'offset' ? { q: searchKey, n: start + slice.length } : { q: searchKey, k: last.key }) : '';
  return { items: slice.map((e) => e.item), nextPageToken, totalCount: keyed.length };
}

export function pageSizeOf(raw: string | undefined, max: number): number {
  const size = Number(raw);
  if (raw === undefined || !Number.isInteger(size) || size < 1 || size > max) refuse('invalidParam', `page_size must be 1 to ${max}.`);
  return size;
}
