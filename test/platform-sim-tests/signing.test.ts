/**
 * The simulator verifies every signed call as PLATFORM-API.md says: the public vector, a bad or
 * missing signature (106001, HTTP 401), the body byte for byte, raw (decoded) query values, and the
 * timestamp window (5 min before to 30 s after server time, else 36009004).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signature, type Simulator } from '../platform-sim/index.js';
import { signedMessage, verifySignature } from '../platform-sim/signing.js';
import { sign, simWithClient, T0, type TestClient } from './support.js';

const VECTOR = 'd3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f';

describe('the public SDK vector', () => {
  it('the test signer and the simulator both give it', () => {
    const query = new Map([['foo', 'bar']]);
    expect(signedMessage('app_secret', '/test-api', query, new Uint8Array()).toString()).toBe('app_secret/test-apifoobarapp_secret');
    expect(signature('app_secret', '/test-api', query)).toBe(VECTOR);
    expect(sign('app_secret', '/test-api', { foo: 'bar' }, '')).toBe(VECTOR);
  });

  it('the verifier accepts the vector and refuses any other signature; sign and access_token are not signed', () => {
    const query = new Map([
      ['foo', 'bar'],
      ['sign', VECTOR],
      ['access_token', 'whatever'],
    ]);
    expect(verifySignature('app_secret', '/test-api', query, new Uint8Array(), undefined)).toBe('ok');
    expect(verifySignature('app_secret', '/test-api', new Map([...query, ['sign', VECTOR.replace('d3', 'd4')]]), new Uint8Array(), undefined)).toBe('bad');
    expect(verifySignature('app_secret', '/test-api', new Map([['foo', 'bar']]), new Uint8Array(), undefined)).toBe('missing');
  });

  it('a multipart body is left out of the message', () => {
    const query = new Map([
      ['foo', 'bar'],
      ['sign', VECTOR],
    ]);
    expect(verifySignature('app_secret', '/test-api', query, Buffer.from('--x\r\nfile'), 'multipart/form-data; boundary=x')).toBe('ok');
    expect(verifySignature('app_secret', '/test-api', query, Buffer.from('--x\r\nfile'), 'application/json')).toBe('bad');
  });
});

describe('signed calls over HTTP', () => {
  let sim: Simulator;
  let client: TestClient;
  afterEach(async () => sim.close());

  const shops = (opts: Parameters<TestClient['call']>[2] = {}) => client.call('GET', '/authorization/202309/shops', { shop: false, ...opts });
  const search = (opts: Parameters<TestClient['call']>[2] = {}) =>
    client.call('POST', '/order/202309/orders/search', { query: { page_size: '5' }, body: { order_status: 'AWAITING_SHIPMENT' }, ...opts });

  it('accepts a correct signature and counts it', async () => {
    ({ sim, client } = await simWithClient());
    const reply = await search();
    expect(reply.status).toBe(200);
    expect(reply.json.code).toBe(0);
    expect(sim.controls.observer.counters.signatureOk).toBe(1);
  });

  it('refuses a signature made with another secret: 106001, HTTP 401, nothing served', async () => {
    ({ sim, client } = await simWithClient());
    const reply = await search({ secret: 'not_the_secret' });
    expect([reply.status, reply.json.code, reply.json.data]).toEqual([401, 106001, null]);
    expect(sim.controls.observer.counters.signatureBad).toBe(1);
    expect(sim.controls.observer.requests().at(-1)).toMatchObject({ signature: 'bad', status: 401, code: 106001 });
  });

  it('refuses a call whose body differs from the signed one by one byte', async () => {
    ({ sim, client } = await simWithClient());
    const signed = JSON.stringify({ order_status: 'AWAITING_SHIPMENT' });
    expect((await search({ body: signed, sendBody: `${signed} ` })).json.code).toBe(106001);
    expect((await search({ body: signed, sendBody: signed })).json.code).toBe(0);
  });

  it('refuses a call without sign, and one whose values the server decodes differently from what was signed', async () => {
    ({ sim, client } = await simWithClient());
    const unsigned = await shops({ omitSign: true });
    expect([unsigned.status, unsigned.json.code]).toEqual([401, 106001]);
    expect(sim.controls.observer.counters.signatureMissing).toBe(1);
    // Signed "a+b" but sent unencoded: the server reads "a b", as a form decoder does.
    const raw = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '5', note: 'a+b' }, unencoded: true, body: {} });
    expect(raw.json.code).toBe(106001);
    const encoded = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '5', note: 'a+b/c=' }, body: {} });
    expect(encoded.json.code).toBe(0);
  });

  it('the timestamp window is 5 minutes back and 30 seconds ahead of server time', async () => {
    ({ sim, client } = await simWithClient());
    const codeAt = async (timestamp: number) => (await shops({ timestamp })).json.code;
    expect(await codeAt(T0 - 300)).toBe(0);
    expect(await codeAt(T0 + 30)).toBe(0);
    expect(await codeAt(T0 - 301)).toBe(36009004);
    expect(await codeAt(T0 + 31)).toBe(36009004);
    const late = await shops({ timestamp: T0 + 31 });
    expect(late.status).toBe(401);
  });

  it('advancing platform time does not move the window; a clock skew does', async () => {
    ({ sim, client } = await simWithClient());
    sim.controls.advance(3 * 24 * 3600);
    expect((await shops()).json.code).toBe(0);
    sim.controls.setSkew(600);
    expect((await shops()).json.code).toBe(36009004);
    expect((await shops({ timestamp: T0 + 600 })).json.code).toBe(0);
  });
});
