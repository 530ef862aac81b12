/**
 * The simulator's HTTP server on 127.0.0.1: the platform's API and token host (same server,
 * different paths), doc_url downloads, and the control API under /__sim/. Every signed call is
 * checked as the platform does (app key, timestamp window, signature, access token, scope,
 * shop_cipher) before faults and handlers run.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CODES, PlatformError, refuse, type PlatformCode } from './codes.js';
import type { FaultRule } from './faults.js';
import type { RequestRecord } from './observe.js';
import { Platform, type PlatformOptions } from './platform.js';
import { authRoutes } from './routes/auth.js';
import { cancellationRoutes } from './routes/cancellations.js';
import { handleControl } from './routes/control.js';
import { fulfillmentRoutes } from './routes/fulfillment.js';
import { orderRoutes } from './routes/orders.js';
import { RawAnswer, type CallContext, type Route } from './routes/route.js';
import { decodeQuery, verifySignature, type SignatureVerdict } from './signing.js';
import type { Store } from './store.js';

const ROUTES: Route[] = [...authRoutes, ...orderRoutes, ...fulfillmentRoutes, ...cancellationRoutes];

/** The platform accepts a timestamp up to 5 minutes old and 30 seconds ahead (PLATFORM-API.md). */
const WINDOW_BEFORE = 300;
const WINDOW_AFTER = 30;
const MAX_BODY = 5 * 1024 * 1024;

export interface SimulatorOptions extends PlatformOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
}

export interface Simulator {
  /** Base URLs for the client: the API host and the token host are this same server. */
  apiBase: string;
  authBase: string;
  appKey: string;
  appSecret: string;
  /** The platform's data. */
  state: Store;
  /** Controls: add and change orders, auth codes, faults, time, settings, counters. */
  controls: Platform;
  /** 'request' (RequestRecord) as each call arrives, 'answer' (RequestRecord) once it is answered. */
  events: EventEmitter;
  /** Bugs in the simulator itself (a handler that threw); a test should expect none. */
  errors: string[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
  code?: number;
}

let requestSerial = 0;

function envelope(status: number, code: number, message: string, data: unknown, headers: Record<string, string> = {}): Answer {
  const request_id = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}SIM${(++requestSerial).toString(16).padStart(8, '0').toUpperCase()}`;
  return { status, code, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code, message, request_id, data }) };
}

const refusal = (answer: PlatformCode, message = answer.message, headers: Record<string, string> = {}): Answer =>
  envelope(answer.http, answer.code, message, null, headers);

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const m = route.method === method ? route.pattern.exec(path) : null;
    if (m) return { route, params: { ...m.groups } };
  }
  return undefined;
}

/** The gateway's checks, in the order the platform reports them. */
function authenticate(ctx: CallContext, signature: SignatureVerdict, accessToken: string | undefined, route: Route): void {
  const { platform, query } = ctx;
  if (query.get('app_key') !== platform.appKey) refuse('appInvalid');
  const timestamp = Number(query.get('timestamp'));
  const now = platform.clock.signingNow();
  if (!Number.isInteger(timestamp) || timestamp < now - WINDOW_BEFORE || timestamp > now + WINDOW_AFTER)
    refuse('timestampOutOfWindow', `Server time is ${now}.`);
  if (signature !== 'ok') refuse('badSignature');
  const scopes = platform.tokens.check(accessToken);
  if (route.scope && !scopes.includes(route.scope)) refuse('scopeMissing', `Needs ${route.scope}.`);
  if (route.shop) {
    ctx.shop = platform.store.shopByCipher(query.get('shop_cipher') ?? '');
    if (!ctx.shop) refuse('shopCipherInvalid');
  }
}

async function run(
  ctx: CallContext,
  found: ReturnType<typeof findRoute>,
  signature: SignatureVerdict | 'unsigned',
  accessToken: string | undefined,
): Promise<Answer> {
  if (!found) refuse('pathNotFound');
  if (found.route.kind === 'api') authenticate(ctx, signature as SignatureVerdict, accessToken, found.route);
  ctx.platform.observer.countRoute(found.route.name);
  const data = await found.route.handle(ctx);
  if (data instanceof RawAnswer) return { status: data.status, headers: { 'content-type': data.contentType }, body: data.body };
  return envelope(200, 0, 'Success', data);
}

/** Faults that answer instead of the platform; null for those that act around the handler. */
function faultAnswer(fault: FaultRule, platform: Platform): Answer | null {
  switch (fault.kind) {
    case '429':
      return refusal(CODES.throttled, undefined, { 'retry-after': String(fault.arg ?? platform.settings.retryAfterSeconds) });
    case '500':
      return refusal({ ...CODES.internal, http: fault.arg ?? 500 });
    case 'internal':
      return refusal({ ...CODES.internal, http: 200 });
    case 'generating':
      return refusal(CODES.labelGenerating);
    case 'expired-token':
      return refusal(CODES.accessTokenExpired);
    case 'code':
      return envelope(200, fault.arg!, `Simulated failure ${fault.arg}.`, null);
    case 'malformed':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"code":0,"message":"Success","data":{"orders":[{"id":"5764' };
    default:
      return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const platform = new Platform(options);
  const events = new EventEmitter();
  const errors: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', base);
    const rawBody = await readBody(req);
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      const { status, json } = handleControl(platform, method, url, rawBody);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      return;
    }
    platform.tick();
    const query = decodeQuery(url.search);
    const found = findRoute(method, url.pathname);
    const signature = found?.route.kind === 'api' ? verifySignature(platform.appSecret, url.pathname, query, rawBody, req.headers['content-type']) : 'unsigned';
    const record = platform.observer.start(platform.clock.now(), method, url.pathname, query, signature);
    events.emit('request', record);
    const fault = platform.faults.pick(method, url.pathname);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'hang') return; // left open until the client gives up or close()
    if (fault?.kind === 'reset') return void req.socket.destroy();
    const ctx: CallContext = { platform, params: found?.params ?? {}, query, rawBody, shop: undefined, base };
    const answer =
      (fault && faultAnswer(fault, platform)) ??
      (await run(ctx, found, signature, req.headers['x-tts-access-token'] as string | undefined).catch((e) => failure(e, record)));
    record.status = answer.status;
    record.code = answer.code;
    if (fault?.kind === 'lost') {
      req.socket.destroy();
      return void events.emit('answer', record); // applied; the client never hears of it
    }
    if (fault?.kind === 'delay') await wait(fault.arg! * 1000);
    if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
    events.emit('answer', record);
  }

  function failure(error: unknown, record: RequestRecord): Answer {
    if (error instanceof PlatformError) return refusal(error.answer, error.message, error.headers);
    errors.push(`${record.method} ${record.path}: ${error instanceof Error ? error.stack : String(error)}`);
    return refusal(CODES.internal);
  }

  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      errors.push(String(error instanceof Error ? error.stack : error));
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiBase: base,
    authBase: base,
    appKey: platform.appKey,
    appSecret: platform.appSecret,
    state: platform.store,
    controls: platform,
    events,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
