/**
 * A tiny client for the simulator tests, written apart from the simulator: its own signer (straight
 * from PLATFORM-API.md), URL building that percent-encodes every value, and a shop connection made
 * through the token host like a real client's.
 */
import { createHmac } from 'node:crypto';
import { startSimulator, type Simulator, type SimulatorOptions } from '../platform-sim/index.js';

/** A fixed wall clock for the simulator and the signer: no test depends on the machine's speed. */
export const T0 = 1_760_000_000;
export const fixedClock = (): number => T0 * 1000;

export function sign(secret: string, path: string, params: Record<string, string>, body: string): string {
  const pairs = Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'access_token')
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join('');
  return createHmac('sha256', secret).update(`${secret}${path}${pairs}${body}${secret}`).digest('hex');
}

export interface CallOptions {
  query?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** null sends no access token. */
  token?: string | null;
  /** false leaves shop_cipher out. */
  shop?: boolean;
  timestamp?: number;
  /** Signs with this secret instead of the app's. */
  secret?: string;
  /** Sends this body while signing `body`. */
  sendBody?: string;
  /** Builds the query string by hand, values not encoded (a careless client). */
  unencoded?: boolean;
  /** Sends no sign parameter. */
  omitSign?: boolean;
  signal?: AbortSignal;
}

/**
 * JSON as the simulator sends it. The tests read it field by field and compare it with toEqual,
 * so it is untyped on purpose: the simulator's answers are what is under test.
 */
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON is the subject of these tests (see above).
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  /** The envelope, parsed. */
  json: { code: number; message: string; request_id?: string; data: Json };
}

export class TestClient {
  token = '';
  refreshToken = '';
  cipher = '';

  constructor(
    readonly sim: Simulator,
    readonly now: () => number = () => T0,
  ) {}

  /** Exchanges a fresh auth code and takes the first authorised shop. */
  async connect(scopes?: string[]): Promise<this> {
    const code = this.sim.controls.issueAuthCode(scopes);
    const tokens = await this.auth('/api/v2/token/get', { auth_code: code, grant_type: 'authorized_code' });
    if (tokens.json.code !== 0) throw new Error(`token exchange failed: ${JSON.stringify(tokens.json)}`);
    this.token = tokens.json.data.access_token;
    this.refreshToken = tokens.json.data.refresh_token;
    this.cipher = this.sim.state.shops[0]!.cipher;
    return this;
  }

  async auth(path: string, params: Record<string, string>): Promise<Reply> {
    const query = new URLSearchParams({ app_key: this.sim.appKey, app_secret: this.sim.appSecret, ...params });
    return reply(await fetch(`${this.sim.authBase}${path}?${query}`));
  }

  async call(method: 'GET' | 'POST', path: string, options: CallOptions = {}): Promise<Reply> {
    const params: Record<string, string> = {
      app_key: this.sim.appKey,
      timestamp: String(options.timestamp ?? this.now()),
      ...(options.shop === false ? {} : { shop_cipher: this.cipher }),
      ...options.query,
    };
    const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!options.omitSign) params.sign = sign(options.secret ?? this.sim.appSecret, path, params, body);
    const search = options.unencoded
      ? Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')
      : Object.entries(params)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
          .join('&');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers['x-tts-access-token'] = token;
    const sent = options.sendBody ?? body;
    return reply(await fetch(`${this.sim.apiBase}${path}?${search}`, { method, headers, body: sent === '' ? undefined : sent, signal: options.signal }));
  }
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: JSON.parse(text) };
}

/** Starts a simulator on the fixed clock, with a connected client; close it in afterEach/afterAll. */
export async function simWithClient(options: SimulatorOptions = {}): Promise<{ sim: Simulator; client: TestClient }> {
  const sim = await startSimulator({ clock: fixedClock, orders: 20, ...options });
  return { sim, client: await new TestClient(sim).connect() };
}
