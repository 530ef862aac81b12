/**
 * Small real HTTP servers on 127.0.0.1, one per test, each answering the way one behaviour
 * needs. Not a simulator: the handler decides every answer. The server checks signatures with
 * its own code (below), written from PLATFORM-API.md, not with the client's signer.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { fixedClock } from '../../../core/domain/clock.js';
import { PlatformClient, type PlatformClientOptions } from '../../../core/platform/client.js';
import type { PlatformLogEntry, RuntimeOptions } from '../../../core/platform/runtime.js';
import type { ShopTokens } from '../../../core/platform/tokens.js';

export const APP_KEY = 'app-key-123';
export const APP_SECRET = 'app-secret-9f8e7d6c5b4a';
export const ACCESS_TOKEN = 'ROW_access_token_AAAAAAAA111';
export const REFRESH_TOKEN = 'ROW_refresh_token_BBBBBBBB222';
export const CIPHER = 'ROW_cipher_ZZZ';
/** 2026-11-26 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const DAY_MS = 24 * 3600_000;

export interface Received {
  method: string;
  path: string;
  /** The query string exactly as it arrived, still URL-encoded. */
  rawQuery: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Answer = { status?: number; headers?: Record<string, string>; json?: unknown; raw?: string | Buffer } | { hang: true } | { drop: true };

export type Handler = (req: Received, index: number) => Answer | Promise<Answer>;

export interface TestServer {
  url: string;
  requests: Received[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export async function platformServer(handler: Handler): Promise<TestServer> {
  const requests: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const received: Received = {
        method: req.method ?? '',
        path: url.pathname,
        rawQuery: (req.url ?? '').split('?')[1] ?? '',
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(received);
      const answer = await handler(received, requests.length - 1);
      if ('hang' in answer) return void hanging.add(res);
      if ('drop' in answer) return void req.socket.destroy();
      const body = answer.raw ?? JSON.stringify(answer.json ?? ok({}));
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const res of hanging) res.socket?.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

export function ok(data: unknown, requestId = 'req-ok'): unknown {
  return { code: 0, message: 'Success', request_id: requestId, data };
}

export function refusal(code: number, message: string, requestId = 'req-refused'): unknown {
  return { code, message, request_id: requestId, data: null };
}

/** The signature as the platform computes it over what arrived: decoded query, raw body bytes. */
export function expectedSign(secret: string, req: Received): string {
  const pairs = [...req.query.entries()].filter(([k]) => k !== 'sign' && k !== 'access_token');
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const message = Buffer.concat([Buffer.from(secret + req.path + pairs.map(([k, v]) => k + v).join(''), 'utf8'), req.body, Buffer.from(secret, 'utf8')]);
  return createHmac('sha256', secret).update(message).digest('hex');
}

export function signatureValid(req: Received, secret = APP_SECRET): boolean {
  return req.query.get('sign') === expectedSign(secret, req);
}

export function tokens(overrides: Partial<ShopTokens> = {}): ShopTokens {
  return {
    accessToken: ACCESS_TOKEN,
    accessTokenExpiresAt: T0 + 7 * DAY_MS,
    refreshToken: REFRESH_TOKEN,
    refreshTokenExpiresAt: T0 + 60 * DAY_MS,
    obtainedAt: T0,
    openId: null,
    sellerName: 'Test Seller',
    grantedScopes: [],
    ...overrides,
  };
}

/** A clock that only moves when the client sleeps, and a record of every sleep. */
export function testRuntime(overrides: RuntimeOptions = {}) {
  const clock = fixedClock(T0);
  const waits: number[] = [];
  const logs: PlatformLogEntry[] = [];
  const runtime: RuntimeOptions = {
    clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    log: (entry) => logs.push(entry),
    timeoutMs: 5_000,
    ...overrides,
  };
  return { clock, waits, logs, runtime };
}

export function testClient(server: TestServer, options: Partial<PlatformClientOptions> & { runtime?: RuntimeOptions } = {}) {
  const env = testRuntime(options.runtime);
  const saved: ShopTokens[] = [];
  const client = new PlatformClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    apiBase: server.url,
    authBase: server.url,
    shopCipher: CIPHER,
    tokens: tokens(),
    saveTokens: (t) => void saved.push(t),
    ...options,
    runtime: env.runtime,
  });
  return { client, saved, ...env };
}

/** Runs `work` and returns what it threw. */
export async function caught(work: () => Promise<unknown>): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await work();
  } catch (err) {
    return err as Error & { code?: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a failure');
}
