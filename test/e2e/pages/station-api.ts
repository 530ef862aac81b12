import type { Page } from 'playwright-core';
import type { Response } from '../../../core/api/dispatch.js';
import type { PageGlobals } from './browser.js';

/** What came of one API call attempted from inside a page. */
export interface SocketAttempt {
  /** The WebSocket handshake succeeded. */
  opened: boolean;
  /** The station's answer to the call, if any arrived. */
  reply: Response | null;
  /** Close code when the socket closed before an answer (1006: the handshake was refused). */
  closeCode: number | null;
  timedOut: boolean;
}

/**
 * Opens a WebSocket from the page (to the page's own station unless `url` says otherwise) and makes
 * one call in the station's wire format. The station decides by the page's Origin and the Host the
 * browser sends, so this is exactly what a script on that page could do.
 */
export function attemptFromPage(page: Page, method: string, input: unknown, url?: string, timeoutMs = 5000): Promise<SocketAttempt> {
  return page.evaluate(
    ({ method, input, url, timeoutMs }) =>
      new Promise<SocketAttempt>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        let opened = false;
        let settled = false;
        const ws = new g.WebSocket(url ?? `ws://${g.location.host}/api`);
        const done = (reply: Response | null, closeCode: number | null, timedOut = false) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          ws.onclose = null;
          ws.close();
          resolve({ opened, reply, closeCode, timedOut });
        };
        const timer = setTimeout(() => done(null, null, true), timeoutMs);
        ws.onopen = () => {
          opened = true;
          ws.send(JSON.stringify({ id: 1, method, input }));
        };
        ws.onmessage = (e) => {
          const msg = JSON.parse(String(e.data)) as { id?: number; response?: Response };
          if (msg.id === 1 && msg.response) done(msg.response, null);
        };
        ws.onerror = () => {};
        ws.onclose = (e) => done(null, e.code);
      }),
    { method, input, url, timeoutMs },
  );
}
