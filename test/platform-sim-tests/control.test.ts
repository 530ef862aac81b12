/**
 * The control API under /__sim/ (what the end-to-end test and a person at the CLI use) and the
 * CLI itself: started as `npm run platform-sim` would, it prints what a client needs, and a client
 * signs in and meets the faults it was given.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../platform-sim/index.js';
import { sign, simWithClient, T0, type Json, type TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;

async function control(method: string, path: string, body?: object): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${sim.apiBase}/__sim${path}`, { method, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: await res.json() };
}

describe('control API', () => {
  afterEach(async () => sim.close());

  it('describes the simulator and issues auth codes a client can exchange', async () => {
    ({ sim, client } = await simWithClient({ orders: 5 }));
    const info = await control('GET', '');
    expect(info.json).toMatchObject({ appKey: sim.appKey, appSecret: sim.appSecret, orders: 5, shops: [{ cipher: sim.state.shops[0]!.cipher }] });
    const code = (await control('POST', '/auth-codes')).json.auth_code as string;
    expect((await client.auth('/api/v2/token/get', { auth_code: code, grant_type: 'authorized_code' })).json.code).toBe(0);
  });

  it('adds orders and moves them through their life, refusing moves that make no sense', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const made = await control('POST', '/orders', { items: [{ sellerSku: 'STRAP-PNK', qty: 2 }], status: 'UNPAID' });
    const id = made.json.order.id as string;
    expect(made.json.order.line_items).toHaveLength(2);
    expect((await control('POST', '/clock', { advance: 60 })).json.now).toBe(T0 + 60);
    const paid = await control('POST', `/orders/${id}/pay`);
    expect(paid.json.order).toMatchObject({ status: 'AWAITING_SHIPMENT', paid_time: T0 + 60, update_time: T0 + 60 });
    expect((await control('POST', `/orders/${id}/deliver`)).status).toBe(409);
    expect((await control('POST', `/orders/${id}/teleport`)).status).toBe(409);
    const moved = await control('POST', `/orders/${id}/change-address`, { address: { line1: '1 New Road' } });
    expect(moved.json.order.recipient_address.address_line1).toBe('1 New Road');
    expect((await control('GET', '/orders/576400000000000000')).status).toBe(404);
    expect((await control('POST', '/orders', { count: 4 })).json.ids).toHaveLength(4);
  });

  it('sets and clears faults, reads counters, requests and package ship counts, changes settings', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    expect((await control('POST', '/faults', { spec: '429@/authorization/202309/shops#1' })).json.faults).toHaveLength(1);
    expect((await control('POST', '/faults', { spec: 'nonsense' })).status).toBe(400);
    expect((await client.call('GET', '/authorization/202309/shops', { shop: false })).status).toBe(429);
    expect((await control('DELETE', '/faults')).json.faults).toEqual([]);
    const pkg = (await control('POST', '/orders', { items: [{ sellerSku: 'CASE-CLR-15', qty: 1 }], shippingType: 'TIKTOK' })).json.order.packages[0]
      .id as string;
    await client.call('POST', `/fulfillment/202309/packages/${pkg}/ship`, { body: {} });
    expect((await control('GET', `/packages/${pkg}`)).json).toMatchObject({ shipCalls: 1, shipApplied: 1, package: { package_status: 'PROCESSING' } });
    expect((await control('GET', '/counters')).json.shipCalls).toEqual({ [pkg]: 1 });
    const requests = (await control('GET', '/requests?since=0')).json.requests as { path: string; signature: string; fault?: string }[];
    expect(requests.map((r) => [r.path, r.signature, r.fault])).toEqual([
      ['/api/v2/token/get', 'unsigned', undefined],
      ['/authorization/202309/shops', 'ok', '429'],
      [`/fulfillment/202309/packages/${pkg}/ship`, 'ok', undefined],
    ]);
    expect((await control('POST', '/settings', { labelGeneratingCalls: 3 })).json.labelGeneratingCalls).toBe(3);
    expect((await control('POST', '/settings', { noSuchThing: 1 })).status).toBe(409);
    expect((await control('POST', '/counters/reset')).json.requests).toBe(0);
  });
});

describe('the CLI', () => {
  it('prints base URLs, app key, secret and an auth code, and serves them with the faults it was given', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/platform-sim/main.ts', '--port', '0', '--orders', '7', '--json', '--faults', '429=3@/authorization/202309/shops#1'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const info = JSON.parse(line) as { apiBase: string; authBase: string; appKey: string; appSecret: string; authCode: string; shops: { cipher: string }[] };
      expect(info.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const tokens = (await (
        await fetch(
          `${info.authBase}/api/v2/token/get?app_key=${info.appKey}&app_secret=${info.appSecret}&auth_code=${encodeURIComponent(info.authCode)}&grant_type=authorized_code`,
        )
      ).json()) as { data: { access_token: string } };
      const params = { app_key: info.appKey, timestamp: String(Math.floor(Date.now() / 1000)) };
      const url = `${info.apiBase}/authorization/202309/shops?${new URLSearchParams({ ...params, sign: sign(info.appSecret, '/authorization/202309/shops', params, '') })}`;
      const headers = { 'x-tts-access-token': tokens.data.access_token };
      const first = await fetch(url, { headers });
      expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
      const second = (await (await fetch(url, { headers })).json()) as { code: number; data: { shops: { cipher: string }[] } };
      expect(second.data.shops[0]!.cipher).toBe(info.shops[0]!.cipher);
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
