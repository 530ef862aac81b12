/**
 * "A page from another origin cannot call the API", in a real browser: a page served by a second
 * loopback server (another origin, same machine), and the station's own page reached through a
 * hostname that resolves to 127.0.0.1 (DNS rebinding), each try the WebSocket API and plain
 * fetches. Every attempt is a write (demo.load), so "cannot call" is checked in the core as well
 * as in what the page saw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordHandshakes, type HandshakeRecord } from './handshakes.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import type { PageGlobals } from './pages/browser.js';
import { attemptFromPage } from './pages/station-api.js';
import { describeInChromium } from './suite.js';

/** Chromium resolves this name to 127.0.0.1, as a rebinding attacker's DNS would. */
const REBIND_HOST = 'rebind.test';
const WRITE = { method: 'demo.load', input: { orders: 3 } } as const;

/** The attacker's page: plain HTML on its own loopback port, no CSP of ours. */
async function foreignServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another site</title><h1>Not the station</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface FetchProbe {
  /** The fetch rejected (the browser kept the answer from the page). */
  rejected: boolean;
  /** Response type when it resolved: 'opaque' means the page cannot read it. */
  type: string | null;
  /** What the page could read of the body. */
  body: string;
}

function fetchFromPage(page: Page, url: string, mode: 'cors' | 'no-cors'): Promise<FetchProbe> {
  return page.evaluate(
    async ({ url, mode, frame }) => {
      const g = globalThis as unknown as PageGlobals;
      try {
        // text/plain keeps it a "simple" request: no preflight, it really reaches the station.
        const res = await g.fetch(url, { method: 'POST', mode, body: frame, headers: { 'Content-Type': 'text/plain' } });
        return { rejected: false, type: res.type, body: await res.text() };
      } catch {
        return { rejected: true, type: null, body: '' };
      }
    },
    { url, mode, frame: JSON.stringify({ id: 1, ...WRITE }) },
  );
}

describeInChromium('the station API refuses pages from other origins', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let foreign: Awaited<ReturnType<typeof foreignServer>>;
  let apiUrl: string;
  let handshakes: HandshakeRecord[];

  beforeAll(async () => {
    bench = await startBench();
    foreign = await foreignServer();
    browser = await openBrowser([`--host-resolver-rules=MAP ${REBIND_HOST} 127.0.0.1`]);
    apiUrl = `ws://127.0.0.1:${bench.station.port}/api`;
    handshakes = await recordHandshakes(browser.page);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await foreign?.close();
    await bench?.close();
  });

  const orderCount = async () => (await bench.call('orders.list', {})).length;
  /** What Chromium was told about handshakes to `url` (recorded from index `from`): the station's status line. */
  const refusals = (url: string, from: number) =>
    handshakes
      .slice(from)
      .filter((h) => h.url === url)
      .map((h) => h.error);

  it('answers the station’s own page (the probe works)', async () => {
    await browser.page.goto(`${bench.origin}/`);
    const attempt = await attemptFromPage(browser.page, 'sync.status', {});
    expect(attempt).toMatchObject({ opened: true, reply: { ok: true } });
    expect(handshakes.filter((h) => h.url === apiUrl).map((h) => h.status)).toContain(101);
  });

  it('refuses a WebSocket from another origin on this machine, by either loopback name', async () => {
    await browser.page.goto(`${foreign.origin}/`);
    for (const url of [apiUrl, `ws://localhost:${bench.station.port}/api`]) {
      const from = handshakes.length;
      const attempt = await attemptFromPage(browser.page, WRITE.method, WRITE.input, url);
      // 1006: the handshake failed; the station answered 403 and never opened the socket.
      expect(attempt, url).toEqual({ opened: false, reply: null, closeCode: 1006, timedOut: false });
      expect(refusals(url, from), url).toEqual([expect.stringMatching(/response code: 403/)]);
    }
    expect(await orderCount()).toBe(0);
  });

  it('gives a cross-origin fetch nothing to read and nothing done', async () => {
    const url = `http://127.0.0.1:${bench.station.port}/api`;
    expect(await fetchFromPage(browser.page, url, 'cors')).toEqual({ rejected: true, type: null, body: '' });
    expect(await fetchFromPage(browser.page, url, 'no-cors')).toEqual({ rejected: false, type: 'opaque', body: '' });
    expect(await orderCount()).toBe(0);
  });

  it('refuses its own page reached through a rebinding hostname (Host check)', async () => {
    const page = browser.page;
    const from = handshakes.length;
    await page.goto(`http://${REBIND_HOST}:${bench.station.port}/`);
    // Same origin as the page, so the browser allows it; only the Host header gives it away.
    const url = `ws://${REBIND_HOST}:${bench.station.port}/api`;
    const attempt = await attemptFromPage(page, WRITE.method, WRITE.input, url);
    expect(attempt).toEqual({ opened: false, reply: null, closeCode: 1006, timedOut: false });
    // The renderer's own tries are in the list too: refused with 403 like this one, none ever opened.
    expect(refusals(url, from).filter((e) => e !== null && /response code: 403/.test(e)).length).toBeGreaterThan(1);
    expect(handshakes.slice(from).filter((h) => h.status === 101)).toEqual([]);
    expect(await orderCount()).toBe(0);
    // The screens themselves get no link either: the status bar never learns the sync state.
    await page.getByTestId('status-sync').waitFor();
    expect(await page.getByTestId('status-sync').getAttribute('data-pending')).toBeNull();
    const href = await page.evaluate(() => (globalThis as unknown as PageGlobals).location.host);
    expect(href).toBe(`${REBIND_HOST}:${bench.station.port}`);
    await screenshot(page, 'origin-rebinding-refused');
  });
});
