/**
 * Tokens as PLATFORM-API.md describes them: auth code exchange on the token host, absolute expiry
 * times, refresh with rotation (or not), an expired token answering 105002, a missing scope 105005,
 * the authorised shops with their cipher, and shop_cipher required on shop calls only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../platform-sim/index.js';
import { simWithClient, T0, TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;
afterEach(async () => sim.close());

const shops = (c: TestClient, token?: string | null) => c.call('GET', '/authorization/202309/shops', { shop: false, token });

describe('tokens', () => {
  it('exchanges an auth code once for tokens whose expiry fields are absolute Unix seconds', async () => {
    ({ sim, client } = await simWithClient({ settings: { accessTokenTtl: 7 * 86400 } }));
    const code = sim.controls.issueAuthCode();
    const first = await client.auth('/api/v2/token/get', { auth_code: code, grant_type: 'authorized_code' });
    expect(first.json.code).toBe(0);
    expect(first.json.data).toMatchObject({ access_token_expire_in: T0 + 7 * 86400, seller_name: expect.any(String), open_id: expect.any(String) });
    expect(first.json.data.refresh_token_expire_in).toBeGreaterThan(T0 + 30 * 86400);
    expect(first.json.data.granted_scopes).toContain('seller.order.info');
    const again = await client.auth('/api/v2/token/get', { auth_code: code, grant_type: 'authorized_code' });
    expect(again.json.code).not.toBe(0);
  });

  it('refuses a wrong app secret and a wrong grant_type on the token host', async () => {
    ({ sim, client } = await simWithClient());
    const code = sim.controls.issueAuthCode();
    const bad = await fetch(
      `${sim.authBase}/api/v2/token/get?app_key=${sim.appKey}&app_secret=nope&auth_code=${encodeURIComponent(code)}&grant_type=authorized_code`,
    );
    expect(((await bad.json()) as { code: number }).code).toBe(106002);
    expect((await client.auth('/api/v2/token/get', { auth_code: code, grant_type: 'refresh_token' })).json.code).not.toBe(0);
  });

  it('a refresh rotates the refresh token: the new one works, the old one is refused', async () => {
    ({ sim, client } = await simWithClient());
    const old = client.refreshToken;
    const refreshed = await client.auth('/api/v2/token/refresh', { refresh_token: old, grant_type: 'refresh_token' });
    expect(refreshed.json.code).toBe(0);
    expect(refreshed.json.data.refresh_token).not.toBe(old);
    expect((await shops(client, refreshed.json.data.access_token)).json.code).toBe(0);
    expect((await client.auth('/api/v2/token/refresh', { refresh_token: old, grant_type: 'refresh_token' })).json.code).not.toBe(0);
    const next = await client.auth('/api/v2/token/refresh', { refresh_token: refreshed.json.data.refresh_token, grant_type: 'refresh_token' });
    expect(next.json.code).toBe(0);
    expect(sim.controls.observer.counters.tokenRefreshes).toBe(2);
  });

  it('without rotation a refresh returns the same refresh token, which keeps working', async () => {
    ({ sim, client } = await simWithClient({ settings: { rotateRefreshTokens: false } }));
    const r1 = await client.auth('/api/v2/token/refresh', { refresh_token: client.refreshToken, grant_type: 'refresh_token' });
    const r2 = await client.auth('/api/v2/token/refresh', { refresh_token: client.refreshToken, grant_type: 'refresh_token' });
    expect([r1.json.data.refresh_token, r2.json.data.refresh_token]).toEqual([client.refreshToken, client.refreshToken]);
    expect(r1.json.data.access_token).not.toBe(r2.json.data.access_token);
  });

  it('an access token past its expiry answers 105002 (HTTP 401); a refreshed one works', async () => {
    ({ sim, client } = await simWithClient());
    sim.controls.advance(7 * 86400);
    const expired = await shops(client);
    expect([expired.status, expired.json.code]).toEqual([401, 105002]);
    const refreshed = await client.auth('/api/v2/token/refresh', { refresh_token: client.refreshToken, grant_type: 'refresh_token' });
    expect(refreshed.json.data.access_token_expire_in).toBe(T0 + 14 * 86400);
    expect((await shops(client, refreshed.json.data.access_token)).json.code).toBe(0);
  });

  it('the expire control ends every access token at once', async () => {
    ({ sim, client } = await simWithClient());
    sim.controls.expireAccessTokens();
    expect((await shops(client)).json.code).toBe(105002);
  });

  it('a missing or unknown access token is refused', async () => {
    ({ sim, client } = await simWithClient());
    expect((await shops(client, null)).json.code).toBe(105001);
    expect((await shops(client, 'ROW_made_up')).json.code).toBe(105001);
  });

  it('a call outside the granted scopes answers 105005', async () => {
    ({ sim } = await simWithClient());
    const narrow = await new TestClient(sim).connect(['seller.authorization.info', 'seller.order.info']);
    expect((await narrow.call('POST', '/order/202309/orders/search', { query: { page_size: '1' }, body: {} })).json.code).toBe(0);
    const ship = await narrow.call('GET', '/fulfillment/202309/packages/1153000000000000001');
    expect([ship.status, ship.json.code]).toEqual([403, 105005]);
  });
});

describe('shops and shop_cipher', () => {
  it('lists one authorised shop by default, with its cipher', async () => {
    ({ sim, client } = await simWithClient());
    const reply = await shops(client);
    expect(reply.json.data.shops).toHaveLength(1);
    expect(reply.json.data.shops[0]).toMatchObject({ cipher: sim.state.shops[0]!.cipher, id: expect.any(String), name: expect.any(String) });
  });

  it('lists several when configured, each cipher answering only for its own orders', async () => {
    ({ sim, client } = await simWithClient({ shops: 3 }));
    const listed = (await shops(client)).json.data.shops as { cipher: string }[];
    expect(new Set(listed.map((s) => s.cipher)).size).toBe(3);
    client.cipher = listed[2]!.cipher;
    const other = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '10' }, body: {} });
    expect([other.json.code, other.json.data.total_count]).toEqual([0, 0]);
  });

  it('shop calls need a known shop_cipher; /authorization/* does not', async () => {
    ({ sim, client } = await simWithClient());
    const missing = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '10' }, body: {}, shop: false });
    expect(missing.json.code).toBe(106011);
    const wrong = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '10', shop_cipher: 'ROW_other' }, body: {}, shop: false });
    expect(wrong.json.code).toBe(106011);
    expect((await shops(client)).json.code).toBe(0);
  });
});
