/**
 * The few browser globals the in-page functions of these tests use. The root tsconfig has no DOM
 * library (core and tests are Node code), so functions handed to page.evaluate reach the page's
 * globals through `globalThis as unknown as PageGlobals`. Types only: page.evaluate sends the
 * function's source text, which must not refer to anything imported at run time.
 */
export interface PageMark {
  name: string;
  startTime: number;
  /** What the mark carries: { scanId } for scans, { generation } for queue filters. */
  detail: Record<string, unknown> | null;
}

export interface PageSocket {
  readonly readyState: number;
  onopen: ((e: unknown) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface PageElement {
  readonly tagName: string;
  readonly scrollTop: number;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface PageGlobals {
  WebSocket: new (url: string) => PageSocket;
  location: { host: string; origin: string };
  document: PageElement & { documentElement: PageElement & { lang: string }; body: PageElement };
  performance: { now(): number; getEntriesByName(name: string, type?: string): PageMark[]; clearMarks(name?: string): void };
  requestAnimationFrame(cb: (t: number) => void): number;
  fetch(
    url: string,
    init?: { method?: string; body?: string; mode?: string; headers?: Record<string, string> },
  ): Promise<{ ok: boolean; status: number; type: string; text(): Promise<string> }>;
}
