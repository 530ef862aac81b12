import type { QueueRow } from '../../../core/api/views.js';

/** Rows fetched per page as the packer scrolls. */
export const QUEUE_PAGE_SIZE = 200;
/** The most rows one orders.queue call may return (the contract's limit). */
export const QUEUE_FETCH_MAX = 1000;

/** Loaded pages of the filtered queue by page number; a missing page is not loaded (yet). */
export type QueuePages = Readonly<Record<number, readonly QueueRow[]>>;

export function pageOf(index: number): number {
  return Math.floor(index / QUEUE_PAGE_SIZE);
}

/** The page numbers that hold rows first..last (inclusive), within a queue of `total` rows. */
export function pagesFor(first: number, last: number, total: number): number[] {
  if (total <= 0 || last < first) return [];
  const from = pageOf(Math.max(0, first));
  const to = pageOf(Math.min(total - 1, last));
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

export function rowAt(pages: QueuePages, index: number): QueueRow | undefined {
  return pages[pageOf(index)]?.[index % QUEUE_PAGE_SIZE];
}

/** Order ids of rows first..last in either direction; rows not loaded are skipped. */
export function idsBetween(pages: QueuePages, a: number, b: number): string[] {
  const ids: string[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const row = rowAt(pages, i);
    if (row) ids.push(row.id);
  }
  return ids;
}

/** Rows fetched at `offset` (any size) cut into cache pages; offset is a multiple of the page size. */
export function splitIntoPages(offset: number, rows: readonly QueueRow[]): Record<number, QueueRow[]> {
  const out: Record<number, QueueRow[]> = {};
  for (let i = 0; i < rows.length; i += QUEUE_PAGE_SIZE) out[pageOf(offset + i)] = rows.slice(i, i + QUEUE_PAGE_SIZE);
  return out;
}

/** Drops pages that lie past the end of a queue that has shrunk. */
export function withinTotal(pages: QueuePages, total: number): QueuePages {
  const out: Record<number, readonly QueueRow[]> = {};
  for (const [p, rows] of Object.entries(pages)) if (Number(p) * QUEUE_PAGE_SIZE < total) out[Number(p)] = rows;
  return out;
}

/** Carriers seen so far, for the carrier filter's suggestions (the core has no list of them). */
export function mergeCarriers(known: readonly string[], rows: readonly QueueRow[]): readonly string[] {
  const added = new Set<string>();
  for (const r of rows) {
    if (r.carrier && !known.includes(r.carrier)) added.add(r.carrier);
  }
  // Nothing new keeps the same array, so the store does not announce a change.
  return added.size > 0 ? [...known, ...added].sort((a, b) => a.localeCompare(b)) : known;
}
