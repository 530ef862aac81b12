import { PackdeskError } from '../domain/errors.js';

export interface Page<T> {
  items: T[];
  /** null on the last page. */
  nextPageToken: string | null;
  totalCount: number | null;
}

/**
 * Every page to the end. A token the platform already gave would loop forever (or skip orders
 * silently if we stopped), so it is an error: the caller keeps its cursor and tries the window again.
 */
export async function* followPages<T>(fetchPage: (pageToken: string | undefined) => Promise<Page<T>>): AsyncGenerator<Page<T>> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token);
    yield page;
    if (!page.nextPageToken) return;
    if (seen.has(page.nextPageToken)) {
      throw new PackdeskError('PLATFORM_BAD_RESPONSE', `TikTok Shop repeated a page token after ${seen.size + 1} pages; the listing was not read to its end.`, {
        pages: seen.size + 1,
      });
    }
    seen.add(page.nextPageToken);
    token = page.nextPageToken;
  }
}
