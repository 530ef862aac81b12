import type { Page } from 'playwright-core';

export interface HandshakeRecord {
  url: string;
  /** The HTTP status of an answered handshake (101: the socket opened). */
  status: number | null;
  /** Chromium's reason when the socket failed, e.g. "…Unexpected response code: 403". */
  error: string | null;
}

/**
 * Records the page's WebSocket handshakes through the DevTools protocol, which sees the HTTP
 * status the page itself is never told: it tells a station that refused (403) from a socket the
 * browser never sent (CSP, local network rules) or one that failed in the network.
 */
export async function recordHandshakes(page: Page): Promise<HandshakeRecord[]> {
  const cdp = await page.context().newCDPSession(page);
  const records = new Map<string, HandshakeRecord>();
  const list: HandshakeRecord[] = [];
  cdp.on('Network.webSocketCreated', (e) => {
    const record: HandshakeRecord = { url: e.url, status: null, error: null };
    records.set(e.requestId, record);
    list.push(record);
  });
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
    const record = records.get(e.requestId);
    if (record) record.status = e.response.status;
  });
  cdp.on('Network.webSocketFrameError', (e) => {
    const record = records.get(e.requestId);
    if (record) record.error = e.errorMessage;
  });
  await cdp.send('Network.enable');
  return list;
}
