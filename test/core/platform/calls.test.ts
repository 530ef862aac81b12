/** The typed calls the sync makes: paging, chunking, per-package errors, labels and their PDFs. */
import { describe, expect, it } from 'vitest';
import { caught, ok, platformServer, refusal, signatureValid, testClient } from './support.js';

const order = (id: string, extra: object = {}) => ({
  id,
  status: 'AWAITING_SHIPMENT',
  create_time: 1_700_000_000,
  update_time: 1_700_000_100,
  line_items: [
    { id: `${id}-L1`, sku_id: 'SKU1', seller_sku: 'MUG-01', package_id: 'PK1' },
    { id: `${id}-L2`, sku_id: 'SKU1', seller_sku: 'MUG-01', package_id: 'PK1' },
  ],
  packages: [{ id: 'PK1' }],
  recipient_address: null,
  ...extra,
});

describe('orders', () => {
  it('follows next_page_token to the end, tokens with + / = arriving intact', async () => {
    const tokens = ['p2+/=', 'p3/+=='];
    const server = await platformServer((req) => {
      const page = req.query.get('page_token');
      const index = page === null ? 0 : tokens.indexOf(page) + 1;
      return { json: ok({ orders: [order(`O${index}`)], next_page_token: tokens[index] ?? '', total_count: 3 }) };
    });
    const { client } = testClient(server);
    const ids: string[] = [];
    for await (const page of client.orderPages({ update_time_ge: 1, update_time_lt: 2 })) ids.push(...page.items.map((o) => o.id));
    expect(ids).toEqual(['O0', 'O1', 'O2']);
    expect(server.requests.map((r) => r.query.get('page_token'))).toEqual([null, ...tokens]);
    expect(server.requests.every((r) => signatureValid(r))).toBe(true);
    expect(server.requests.every((r) => r.query.get('page_size') === '100' && r.query.get('sort_order') === 'ASC')).toBe(true);
  });

  it('refuses a page token the platform already gave', async () => {
    const server = await platformServer((req) => ({ json: ok({ orders: [order('O1')], next_page_token: req.query.get('page_token') ? 'B' : 'A' }) }));
    const { client } = testClient(server);
    const seen: number[] = [];
    const err = await caught(async () => {
      for await (const page of client.orderPages({})) seen.push(page.items.length);
    });
    expect(err.code).toBe('PLATFORM_BAD_RESPONSE');
    expect(server.requests.map((r) => r.query.get('page_token'))).toEqual([null, 'A', 'B']);
  });

  it('keeps the API shape: one line item per unit, masked phone, null address', async () => {
    const server = await platformServer(() => ({
      json: ok({
        orders: [order('O1', { recipient_address: { name: 'Li', phone_number: '(+44)79*****12', district_info: [] }, rts_sla_time: 1_700_100_000 })],
      }),
    }));
    const { client } = testClient(server);
    const [got] = await client.getOrders(['O1']);
    expect(got!.line_items).toHaveLength(2);
    expect(got!.recipient_address?.phone_number).toBe('(+44)79*****12');
    expect(got!.rts_sla_time).toBe(1_700_100_000);
  });

  it('asks for order details 50 ids at a time', async () => {
    const server = await platformServer((req) => ({
      json: ok({
        orders: req.query
          .get('ids')!
          .split(',')
          .map((id) => order(id)),
      }),
    }));
    const { client } = testClient(server);
    const ids = Array.from({ length: 120 }, (_, i) => `O${i}`);
    const orders = await client.getOrders(ids);
    expect(orders.map((o) => o.id)).toEqual(ids);
    expect(server.requests.map((r) => r.query.get('ids')!.split(',').length)).toEqual([50, 50, 20]);
  });

  it('refuses a page size the API does not take', async () => {
    const server = await platformServer(() => ({ json: ok({}) }));
    const { client } = testClient(server);
    await expect(client.searchOrders({}, { pageSize: 101 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(client.searchCancellations({}, { pageSize: 51 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(server.requests).toEqual([]);
  });
});

describe('shipping', () => {
  it('reads per-package errors out of a batch that answered code 0', async () => {
    const server = await platformServer(() => ({
      json: ok({ errors: [{ code: 21011007, message: 'Package item has after-sale request', detail: { package_id: 'PK2' } }] }),
    }));
    const { client } = testClient(server);
    const result = await client.batchShip(['PK1', 'PK2', 'PK3'].map((id) => ({ id, handover_method: 'PICKUP' as const })));
    expect(result).toEqual({
      shipped: ['PK1', 'PK3'],
      failed: [{ packageId: 'PK2', code: 21011007, message: 'Package item has after-sale request' }],
      unattributed: [],
      unknown: [],
    });
    expect(JSON.parse(server.requests[0]!.body.toString()).packages).toHaveLength(3);
  });

  it('leaves every package unknown when an error names none', async () => {
    const server = await platformServer(() => ({ json: ok({ errors: [{ code: 1, message: 'partly failed' }] }) }));
    const { client } = testClient(server);
    const result = await client.batchShip([{ id: 'PK1', handover_method: 'DROP_OFF' }]);
    expect(result).toMatchObject({ shipped: [], unknown: ['PK1'], unattributed: [{ code: 1, message: 'partly failed' }] });
  });

  it('tells a label still being generated from other refusals', async () => {
    const server = await platformServer((_req, i) => ({
      json: i === 0 ? refusal(11034037, 'document is generating') : refusal(21023035, 'package not shipped'),
    }));
    const { client } = testClient(server);
    expect((await caught(() => client.getShippingDocument('PK1'))).code).toBe('PLATFORM_LABEL_NOT_READY');
    const other = await caught(() => client.getShippingDocument('PK1'));
    expect(other.code).toBe('PLATFORM_REJECTED');
    expect(other.details).toMatchObject({ platformCode: 21023035 });
    expect(server.requests[0]!.query.get('document_type')).toBe('SHIPPING_LABEL');
    expect(server.requests[0]!.query.get('document_size')).toBe('A6');
  });
});

describe('label documents', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]);

  it('downloads doc_url without the access token, and checks it is a PDF', async () => {
    const docs = await platformServer((req) =>
      req.path === '/label.pdf' ? { raw: pdf, headers: { 'content-type': 'application/pdf' } } : { raw: '<html>nope</html>' },
    );
    const api = await platformServer(() => ({ json: ok({ doc_url: `${docs.url}/label.pdf?sig=abc`, tracking_number: 'TT123' }) }));
    const { client } = testClient(api);
    const doc = await client.getShippingDocument('PK1');
    expect(doc.tracking_number).toBe('TT123');
    const bytes = await client.downloadDocument(doc.doc_url);
    expect(bytes.equals(pdf)).toBe(true);
    expect(docs.requests[0]!.headers['x-tts-access-token']).toBeUndefined();
    expect(docs.requests[0]!.query.has('sign')).toBe(false);
    const notPdf = await caught(() => client.downloadDocument(`${docs.url}/other`));
    expect(notPdf.code).toBe('PLATFORM_BAD_RESPONSE');
  });

  it('refuses a document over the size limit', async () => {
    const docs = await platformServer(() => ({ raw: pdf }));
    const { client } = testClient(docs, { runtime: { maxDocumentBytes: 1000 } });
    expect((await caught(() => client.downloadDocument(`${docs.url}/big.pdf`))).code).toBe('PLATFORM_BAD_RESPONSE');
  });

  it('reads an expired link (403) as refused, and retries a 503', async () => {
    const docs = await platformServer((req, i) =>
      req.path === '/gone.pdf' ? { status: 403, raw: 'expired' } : i === 1 ? { status: 503, raw: 'busy' } : { raw: pdf },
    );
    const { client } = testClient(docs);
    expect((await caught(() => client.downloadDocument(`${docs.url}/gone.pdf`))).code).toBe('PLATFORM_REJECTED');
    expect((await client.downloadDocument(`${docs.url}/ok.pdf`)).length).toBe(pdf.length);
  });

  it('refuses a link that is not a web address', async () => {
    const server = await platformServer(() => ({ raw: pdf }));
    const { client } = testClient(server);
    expect((await caught(() => client.downloadDocument('file:///etc/passwd'))).code).toBe('PLATFORM_BAD_RESPONSE');
  });
});

describe('cancellations', () => {
  it('pages cancellation requests with their answer deadline, both closed spellings accepted', async () => {
    const cancellation = (id: string, status: string) => ({
      cancel_id: id,
      order_id: `O-${id}`,
      cancel_status: status,
      cancel_type: 'BUYER_CANCEL',
      seller_next_action_response: [{ action: 'SELLER_RESPOND_CANCEL', deadline: 1_700_200_000 }],
    });
    const server = await platformServer((req) =>
      req.query.get('page_token')
        ? { json: ok({ cancellations: [cancellation('C2', 'CANCELLATION_REQUEST_CANCELLED')], next_page_token: '' }) }
        : { json: ok({ cancellations: [cancellation('C1', 'CANCELLATION_REQUEST_CANCEL')], next_page_token: 'n+1' }) },
    );
    const { client } = testClient(server);
    const all = [];
    for await (const page of client.cancellationPages({ cancel_types: ['BUYER_CANCEL'] })) all.push(...page.items);
    expect(all.map((c) => [c.cancel_id, c.cancel_status, c.seller_next_action_response?.[0]?.deadline])).toEqual([
      ['C1', 'CANCELLATION_REQUEST_CANCEL', 1_700_200_000],
      ['C2', 'CANCELLATION_REQUEST_CANCELLED', 1_700_200_000],
    ]);
    expect(server.requests[0]!.query.get('page_size')).toBe('50');
    expect(server.requests[0]!.path).toBe('/return_refund/202309/cancellations/search');
  });

  it('rejects with the caller key, lists reasons, and cancels as the seller', async () => {
    const server = await platformServer((req) => {
      if (req.path.endsWith('/reject_reasons')) return { json: ok({ reasons: [{ name: 'packed', text: 'Already packed' }, { name: 'shipped' }] }) };
      if (req.path === '/return_refund/202309/cancellations') return { json: ok({ cancel_id: 'C5', cancel_status: 'CANCELLATION_REQUEST_SUCCESS' }) };
      return { json: ok(null) };
    });
    const { client } = testClient(server);
    await client.rejectCancellation('C1', 'outbox-3', { reject_reason: 'packed' });
    expect(server.requests[0]!.path).toBe('/return_refund/202309/cancellations/C1/reject');
    expect(server.requests[0]!.query.get('idempotency_key')).toBe('outbox-3');
    expect(await client.rejectReasons()).toEqual([
      { name: 'packed', text: 'Already packed' },
      { name: 'shipped', text: null },
    ]);
    expect(await client.sellerCancel({ order_id: 'O1', cancel_reason: 'out_of_stock' })).toEqual({
      cancelId: 'C5',
      cancelStatus: 'CANCELLATION_REQUEST_SUCCESS',
    });
    await expect(client.approveCancellation('C1', '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
