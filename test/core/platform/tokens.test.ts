/** Sign-in, refresh ahead of expiry, one refresh for concurrent calls, and 105002. */
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../core/platform/client.js';
import { handEnteredTokens } from '../../../core/platform/tokens.js';
import {
  ACCESS_TOKEN,
  APP_KEY,
  APP_SECRET,
  caught,
  DAY_MS,
  ok,
  platformServer,
  REFRESH_TOKEN,
  refusal,
  signatureValid,
  T0,
  testClient,
  testRuntime,
  tokens,
  type Received,
} from './support.js';

const NEW_ACCESS = 'ROW_access_token_NEW_333';
const NEW_REFRESH = 'ROW_refresh_token_NEW_444';
const tokenData = (access = NEW_ACCESS, refresh = NEW_REFRESH) => ({
  access_token: access,
  access_token_expire_in: T0 / 1000 + 7 * 86400,
  refresh_token: refresh,
  refresh_token_expire_in: T0 / 1000 + 60 * 86400,
  open_id: 'open-1',
  seller_name: 'Test Seller',
  granted_scopes: ['seller.order.info'],
});
const isRefresh = (req: Received) => req.path === '/api/v2/token/refresh';

describe('tokens', () => {
  it('exchanges an auth code on the auth host, unsigned, reading expiry as absolute seconds', async () => {
    const server = await platformServer(() => ({ json: ok(tokenData()) }));
    const { runtime } = testRuntime();
    const got = await signIn({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      authBase: server.url,
      apiBase: 'http://127.0.0.1:9',
      authCode: 'AUTHCODE-xyz',
      runtime,
    });
    const [req] = server.requests;
    expect(req!.path).toBe('/api/v2/token/get');
    expect(Object.fromEntries(req!.query)).toEqual({ app_key: APP_KEY, app_secret: APP_SECRET, auth_code: 'AUTHCODE-xyz', grant_type: 'authorized_code' });
    expect(got).toMatchObject({
      accessToken: NEW_ACCESS,
      refreshToken: NEW_REFRESH,
      accessTokenExpiresAt: T0 + 7 * DAY_MS,
      refreshTokenExpiresAt: T0 + 60 * DAY_MS,
      obtainedAt: T0,
    });
  });

  it('reads a refused auth code as PLATFORM_AUTH_NEEDED', async () => {
    const server = await platformServer(() => ({ json: refusal(36004004, 'invalid auth code') }));
    const { runtime } = testRuntime();
    const err = await caught(() => signIn({ appKey: APP_KEY, appSecret: APP_SECRET, authBase: server.url, authCode: 'AUTHCODE-bad', runtime }));
    expect(err.code).toBe('PLATFORM_AUTH_NEEDED');
  });

  it('refreshes ahead of expiry, saves the new pair, then calls with the new token', async () => {
    const server = await platformServer((req) => (isRefresh(req) ? { json: ok(tokenData()) } : { json: ok({ package_status: 'PROCESSING' }) }));
    const { client, saved } = testClient(server, { tokens: tokens({ accessTokenExpiresAt: T0 + 5 * 60_000 }) });
    await client.getPackage('P1');
    const [refresh, call] = server.requests;
    expect(refresh!.path).toBe('/api/v2/token/refresh');
    expect(Object.fromEntries(refresh!.query)).toEqual({ app_key: APP_KEY, app_secret: APP_SECRET, refresh_token: REFRESH_TOKEN, grant_type: 'refresh_token' });
    expect(saved.map((t) => t.refreshToken)).toEqual([NEW_REFRESH]);
    expect(call!.headers['x-tts-access-token']).toBe(NEW_ACCESS);
    expect(client.tokens().accessToken).toBe(NEW_ACCESS);
  });

  it('refreshes when less than 10 % of the life is left, and not before', async () => {
    const server = await platformServer((req) => (isRefresh(req) ? { json: ok(tokenData()) } : { json: ok({ package_status: 'PROCESSING' }) }));
    const life = 7 * DAY_MS;
    const early = testClient(server, { tokens: tokens({ obtainedAt: T0 - life * 0.85, accessTokenExpiresAt: T0 + life * 0.15 }) });
    await early.client.getPackage('P1');
    expect(server.requests.filter(isRefresh)).toHaveLength(0);
    const late = testClient(server, { tokens: tokens({ obtainedAt: T0 - life * 0.95, accessTokenExpiresAt: T0 + life * 0.05 }) });
    await late.client.getPackage('P1');
    expect(server.requests.filter(isRefresh)).toHaveLength(1);
  });

  it('shares one refresh between concurrent calls', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = await platformServer(async (req) => {
      if (!isRefresh(req)) return { json: ok({ package_status: 'PROCESSING' }) };
      await held;
      return { json: ok(tokenData()) };
    });
    const { client, saved } = testClient(server, { tokens: tokens({ accessTokenExpiresAt: T0 + 60_000 }) });
    const calls = Promise.all([client.getPackage('P1'), client.getPackage('P2'), client.getOrders(['O1'])].map((p) => p.catch((e) => e)));
    await waitFor(() => server.requests.length >= 1);
    release();
    await calls;
    expect(server.requests.filter(isRefresh)).toHaveLength(1);
    expect(saved).toHaveLength(1);
    expect(server.requests.filter((r) => !isRefresh(r)).map((r) => r.headers['x-tts-access-token'])).toEqual([NEW_ACCESS, NEW_ACCESS, NEW_ACCESS]);
  });

  it('after 105002 refreshes first and tries once more', async () => {
    const server = await platformServer((req) => {
      if (isRefresh(req)) return { json: ok(tokenData()) };
      return req.headers['x-tts-access-token'] === ACCESS_TOKEN
        ? { status: 401, json: refusal(105002, 'access token expired') }
        : { json: ok({ package_status: 'PROCESSING' }) };
    });
    const { client, waits } = testClient(server);
    await client.getPackage('P1');
    expect(server.requests.map((r) => r.path)).toEqual(['/fulfillment/202309/packages/P1', '/api/v2/token/refresh', '/fulfillment/202309/packages/P1']);
    expect(signatureValid(server.requests[2]!)).toBe(true);
    expect(waits).toEqual([]);
  });

  it('gives PLATFORM_AUTH_NEEDED when 105002 comes again after the refresh', async () => {
    const server = await platformServer((req) => (isRefresh(req) ? { json: ok(tokenData()) } : { json: refusal(105002, 'access token expired') }));
    const { client } = testClient(server);
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_AUTH_NEEDED');
    expect(server.requests.filter(isRefresh)).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it('gives PLATFORM_AUTH_NEEDED when the refresh is refused', async () => {
    const server = await platformServer((req) =>
      isRefresh(req) ? { json: refusal(36004005, 'refresh token invalid') } : { json: refusal(105002, 'expired') },
    );
    const { client, saved } = testClient(server);
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_AUTH_NEEDED');
    expect(saved).toEqual([]);
  });

  it('does not ask the platform when the refresh token itself has expired', async () => {
    const server = await platformServer(() => ({ json: ok({ package_status: 'PROCESSING' }) }));
    const { client } = testClient(server, { tokens: tokens({ accessTokenExpiresAt: T0 - 1000, refreshTokenExpiresAt: T0 - 1000 }) });
    expect((await caught(() => client.getPackage('P1'))).code).toBe('PLATFORM_AUTH_NEEDED');
    expect(server.requests).toEqual([]);
  });

  it('keeps using a still-valid token when refreshing ahead fails for the network', async () => {
    const server = await platformServer((req) => (isRefresh(req) ? { drop: true } : { json: ok({ package_status: 'PROCESSING' }) }));
    const { client } = testClient(server, { tokens: tokens({ accessTokenExpiresAt: T0 + 5 * 60_000 }), runtime: { backoff: { maxAttempts: 1 } } });
    await client.getPackage('P1');
    expect(server.requests.at(-1)!.headers['x-tts-access-token']).toBe(ACCESS_TOKEN);
  });

  it('says CREDENTIALS_UNAVAILABLE when a refreshed pair cannot be saved, and saves it on the next call', async () => {
    const server = await platformServer((req) => (isRefresh(req) ? { json: ok(tokenData()) } : { json: ok({ package_status: 'PROCESSING' }) }));
    let failSave = true;
    const kept: string[] = [];
    const { client } = testClient(server, {
      tokens: tokens({ accessTokenExpiresAt: T0 + 60_000 }),
      saveTokens: (t) => {
        if (failSave) throw new Error('disk full');
        kept.push(t.refreshToken);
      },
    });
    expect((await caught(() => client.getPackage('P1'))).code).toBe('CREDENTIALS_UNAVAILABLE');
    failSave = false;
    await client.getPackage('P1');
    expect(kept).toEqual([NEW_REFRESH]);
    expect(server.requests.filter(isRefresh)).toHaveLength(1);
  });
});

describe('connecting with tokens typed in by hand', () => {
  it('refreshes them at the first call to learn their expiry, then picks the only shop', async () => {
    const server = await platformServer((req) => {
      if (isRefresh(req)) return { json: ok(tokenData()) };
      if (req.path === '/authorization/202309/shops') return { json: ok({ shops: [{ id: 'S1', name: 'Shop One', cipher: 'ROW_c1' }] }) };
      return { json: ok({ package_status: 'PROCESSING' }) };
    });
    const { client, saved } = testClient(server, { shopCipher: null, tokens: handEnteredTokens('typed-access-1', 'typed-refresh-1') });
    const [shop] = await client.listAuthorizedShops();
    client.useShop(shop!.cipher);
    await client.getPackage('P1');
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/token/refresh', '/authorization/202309/shops', '/fulfillment/202309/packages/P1']);
    expect(server.requests[0]!.query.get('refresh_token')).toBe('typed-refresh-1');
    expect(server.requests[2]!.query.get('shop_cipher')).toBe('ROW_c1');
    expect(saved[0]).toMatchObject({ accessTokenExpiresAt: T0 + 7 * DAY_MS, refreshToken: NEW_REFRESH });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
