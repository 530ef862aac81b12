/**
 * Faults on demand, each observed from a client over real HTTP: throttling with Retry-After,
 * internal errors, a call that never answers, a late answer, an answer lost after the ship was
 * applied, a dropped connection, a label still generating, an expired token, malformed JSON, a
 * failure code with HTTP 200, clock skew; and the rule grammar (skip, count, percent).
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestRecord, Simulator } from '../platform-sim/index.js';
import { parseFaults } from '../platform-sim/faults.js';
import { simWithClient, T0, type TestClient } from './support.js';

let sim: Simulator | undefined;
let client: TestClient;
afterEach(async () => {
  expect(sim?.errors ?? []).toEqual([]);
  await sim?.close();
  sim = undefined;
});

const SHOPS = '/authorization/202309/shops';
const shops = () => client.call('GET', SHOPS, { shop: false });

function newPackage(): string {
  const order = sim!.controls.addOrder({ items: [{ sellerSku: 'CASE-CLR-15', qty: 1 }], shippingType: 'TIKTOK' });
  return (order.packages as { id: string }[])[0]!.id;
}
const ship = (id: string, signal?: AbortSignal) => client.call('POST', `/fulfillment/202309/packages/${id}/ship`, { body: {}, signal });

describe('fault rules', () => {
  it('parse KIND[=ARG][@[METHOD:]PATH][+SKIP][#COUNT|%PERCENT] and skew', () => {
    const parsed = parseFaults('429=2@GET:/order/202309/orders/search+1#3, lost@/fulfillment/**%50, skew=-600');
    expect(parsed.skewSeconds).toBe(-600);
    expect(parsed.rules).toMatchObject([
      { kind: '429', arg: 2, method: 'GET', path: '/order/202309/orders/search', skip: 1, count: 3 },
      { kind: 'lost', path: '/fulfillment/**', percent: 50, skip: 0 },
    ]);
    for (const bad of ['teapot', '429@nopath', 'code', 'delay@/x']) expect(() => parseFaults(bad)).toThrow(/Fault/);
  });

  it('skip lets calls through first, count stops after that many, percent fires some of the time', async () => {
    ({ sim, client } = await simWithClient({ faults: `internal@${SHOPS}+1#2` }));
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await shops()).json.code);
    expect(codes).toEqual([0, 36009003, 36009003, 0]);
    sim.controls.clearFaults();
    sim.controls.addFaults(`internal@${SHOPS}%50`);
    let fired = 0;
    for (let i = 0; i < 40; i++) if ((await shops()).json.code !== 0) fired++;
    expect(fired).toBeGreaterThan(5);
    expect(fired).toBeLessThan(35);
  });
});

describe('faults seen by a client', () => {
  it('429 with Retry-After and code 36009002, then the call goes through', async () => {
    ({ sim, client } = await simWithClient({ faults: `429=7@${SHOPS}#2` }));
    const first = await shops();
    expect([first.status, first.json.code, first.headers.get('retry-after')]).toEqual([429, 36009002, '7']);
    expect((await shops()).status).toBe(429);
    expect((await shops()).json.code).toBe(0);
  });

  it('5xx with code 36009003 (status from ARG), and code 36009003 with HTTP 200', async () => {
    ({ sim, client } = await simWithClient({ faults: `500@${SHOPS}#1,500=503@${SHOPS}#1,internal@${SHOPS}#1` }));
    const answers = [await shops(), await shops(), await shops()].map((r) => [r.status, r.json.code]);
    expect(answers).toEqual([
      [500, 36009003],
      [503, 36009003],
      [200, 36009003],
    ]);
  });

  it('hang: the call is never answered and nothing is applied', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, faults: 'hang@POST:/fulfillment/202309/packages/*/ship#1' }));
    const id = newPackage();
    const arrived = once(sim.events, 'request') as Promise<[RequestRecord]>;
    const abort = new AbortController();
    const pending = ship(id, abort.signal);
    const [record] = await arrived;
    expect(record.fault).toBe('hang');
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(sim.controls.package(id).package_status).toBe('TO_FULFILL');
  });

  it('delay: the call is applied and answered later', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, faults: 'delay=0.2@POST:/fulfillment/202309/packages/*/ship#1' }));
    const id = newPackage();
    const answered = once(sim.events, 'answer') as Promise<[RequestRecord]>;
    const reply = await ship(id);
    expect(reply.json.code).toBe(0);
    expect((await answered)[0]).toMatchObject({ fault: 'delay', code: 0 });
    expect(sim.controls.package(id).package_status).toBe('PROCESSING');
  });

  it('lost: the ship is applied, the socket destroyed; reading the package shows it shipped', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, faults: 'lost@POST:/fulfillment/202309/packages/*/ship#1' }));
    const id = newPackage();
    await expect(ship(id)).rejects.toThrow();
    expect(sim.controls.observer.counters.shipApplied[id]).toBe(1);
    const read = await client.call('GET', `/fulfillment/202309/packages/${id}`);
    expect(read.json.data.package_status).toBe('PROCESSING');
    expect((await ship(id)).json.code).toBe(sim.controls.settings.alreadyShippedCode);
    expect(sim.controls.observer.counters.shipCalls[id]).toBe(2);
  });

  it('lost on a batch ship: every package in it is applied', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, faults: 'lost@POST:/fulfillment/202309/packages/ship#1' }));
    const ids = [newPackage(), newPackage()];
    await expect(client.call('POST', '/fulfillment/202309/packages/ship', { body: { packages: ids.map((id) => ({ id })) } })).rejects.toThrow();
    expect(sim.controls.observer.counters.shipApplied).toEqual({ [ids[0]!]: 1, [ids[1]!]: 1 });
  });

  it('reset: the connection drops before anything is applied', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, faults: 'reset@POST:/fulfillment/202309/packages/*/ship#1' }));
    const id = newPackage();
    await expect(ship(id)).rejects.toThrow();
    expect(sim.controls.observer.counters.shipCalls[id]).toBeUndefined();
    expect(sim.controls.package(id).package_status).toBe('TO_FULFILL');
  });

  it('generating: the label call answers 11034037 while the fault lasts', async () => {
    ({ sim, client } = await simWithClient({
      orders: 0,
      settings: { labelGeneratingCalls: 0 },
      faults: 'generating@/fulfillment/202309/packages/*/shipping_documents#1',
    }));
    const id = newPackage();
    await ship(id);
    const label = () => client.call('GET', `/fulfillment/202309/packages/${id}/shipping_documents`, { query: { document_type: 'SHIPPING_LABEL' } });
    expect((await label()).json.code).toBe(11034037);
    expect((await label()).json.code).toBe(0);
  });

  it('expired-token answers 105002 with HTTP 401 without touching the token', async () => {
    ({ sim, client } = await simWithClient({ faults: `expired-token@${SHOPS}#1` }));
    const first = await shops();
    expect([first.status, first.json.code]).toEqual([401, 105002]);
    expect((await shops()).json.code).toBe(0);
  });

  it('malformed: HTTP 200 with a body that is not JSON', async () => {
    ({ sim, client } = await simWithClient({ faults: 'malformed@POST:/order/202309/orders/search#1' }));
    await expect(client.call('POST', '/order/202309/orders/search', { query: { page_size: '10' }, body: {} })).rejects.toThrow(SyntaxError);
  });

  it('code=N: HTTP 200 with that code and no data', async () => {
    ({ sim, client } = await simWithClient({ faults: `code=21011001@${SHOPS}#1` }));
    const reply = await shops();
    expect([reply.status, reply.json.code, reply.json.data]).toEqual([200, 21011001, null]);
  });

  it('skew: the server clock is off, so a correct timestamp falls outside the window', async () => {
    ({ sim, client } = await simWithClient({ faults: 'skew=-400' }));
    expect((await shops()).json.code).toBe(36009004);
    expect((await client.call('GET', SHOPS, { shop: false, timestamp: T0 - 400 })).json.code).toBe(0);
    sim.controls.clearFaults();
    expect((await shops()).json.code).toBe(0);
  });
});
