/** What goes on the wire: signatures over the bytes received, stamps, headers, encoding. */
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, APP_KEY, CIPHER, ok, platformServer, signatureValid, T0, testClient } from './support.js';

const order = (id: string) => ({ id, status: 'AWAITING_SHIPMENT', create_time: 1, update_time: 2, line_items: [] });

describe('requests to the platform', () => {
  it('signs a POST over exactly the query and body the server received', async () => {
    const server = await platformServer(() => ({ json: ok({ orders: [order('A1')], next_page_token: '', total_count: 1 }) }));
    const { client } = testClient(server);
    const token = 'tok+en/with=equals+/=';
    const page = await client.searchOrders({ update_time_ge: 100, update_time_lt: 200 }, { pageToken: token });
    expect(page.items.map((o) => o.id)).toEqual(['A1']);
    const [req] = server.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/order/202309/orders/search');
    expect(signatureValid(req!)).toBe(true);
    expect(req!.query.get('page_token')).toBe(token);
    expect(req!.rawQuery).toContain('page_token=tok%2Ben%2Fwith%3Dequals%2B%2F%3D');
    expect(req!.query.get('app_key')).toBe(APP_KEY);
    expect(req!.query.get('timestamp')).toBe(String(T0 / 1000));
    expect(req!.query.get('shop_cipher')).toBe(CIPHER);
    expect(req!.query.get('sort_field')).toBe('update_time');
    expect(req!.headers['x-tts-access-token']).toBe(ACCESS_TOKEN);
    expect(req!.query.has('access_token')).toBe(false);
    expect(JSON.parse(req!.body.toString('utf8'))).toEqual({ update_time_ge: 100, update_time_lt: 200 });
  });

  it('signs a body with non-ASCII text byte for byte', async () => {
    const server = await platformServer(() => ({ json: ok({}) }));
    const { client } = testClient(server);
    await client.rejectCancellation('C1', 'outbox-7', { reject_reason: 'seller_reject_apply_product_has_been_packed', comment: '已打包 — déjà emballé' });
    const [req] = server.requests;
    expect(signatureValid(req!)).toBe(true);
    expect(req!.body.toString('utf8')).toContain('已打包 — déjà emballé');
    expect(req!.query.get('idempotency_key')).toBe('outbox-7');
  });

  it('sends no body at all when there is none, and signs over nothing', async () => {
    const server = await platformServer(() => ({ json: ok({}) }));
    const { client } = testClient(server);
    await client.approveCancellation('C9', 'outbox-8');
    const [req] = server.requests;
    expect(req!.method).toBe('POST');
    expect(req!.body.length).toBe(0);
    expect(req!.headers['content-type']).toBeUndefined();
    expect(signatureValid(req!)).toBe(true);
  });

  it('joins ids with commas in the signed value', async () => {
    const server = await platformServer(() => ({ json: ok({ orders: [order('1'), order('2')] }) }));
    const { client } = testClient(server);
    await client.getOrders(['1', '2']);
    const [req] = server.requests;
    expect(req!.query.get('ids')).toBe('1,2');
    expect(signatureValid(req!)).toBe(true);
  });

  it('leaves shop_cipher off /authorization/* and on every shop call', async () => {
    const server = await platformServer((req) =>
      req.path.startsWith('/authorization')
        ? { json: ok({ shops: [{ id: 'S1', name: 'Shop One', cipher: CIPHER, region: 'GB' }] }) }
        : { json: ok({ package_status: 'PROCESSING' }) },
    );
    const { client } = testClient(server, { shopCipher: null });
    const shops = await client.listAuthorizedShops();
    expect(shops).toEqual([expect.objectContaining({ id: 'S1', name: 'Shop One', cipher: CIPHER })]);
    expect(server.requests[0]!.query.has('shop_cipher')).toBe(false);
    expect(signatureValid(server.requests[0]!)).toBe(true);

    const withCipher = testClient(server).client;
    await withCipher.getPackage('P1');
    expect(server.requests[1]!.query.get('shop_cipher')).toBe(CIPHER);
    await expect(client.getPackage('P1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('accepts answers with fields the docs do not list', async () => {
    const server = await platformServer(() => ({ json: { ...(ok({ package_status: 'COMPLETED', brand_new_field: { x: 1 } }) as object), extra: true } }));
    const { client } = testClient(server);
    expect(await client.getPackage('P2')).toMatchObject({ package_status: 'COMPLETED' });
  });

  it('sends to a configurable API base that has a path of its own, signing the path sent', async () => {
    const server = await platformServer(() => ({ json: ok({ package_status: 'PROCESSING' }) }));
    const { client } = testClient({ ...server, url: `${server.url}/sim/` });
    await client.getPackage('P3');
    const [req] = server.requests;
    expect(req!.path).toBe('/sim/fulfillment/202309/packages/P3');
    expect(signatureValid(req!)).toBe(true);
  });
});
