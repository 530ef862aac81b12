/**
 * Order search and detail: paging to the end with opaque tokens holding + / =, update-time
 * windows, orders changing while a window is paged, and the order shape (unit line items,
 * packages, hidden address, masked phone, platform deadlines).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../platform-sim/index.js';
import { simWithClient, T0, type Json, type TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;
afterEach(async () => sim.close());

type Order = Record<string, Json>;

function search(query: Record<string, string>, body: object = {}) {
  return client.call('POST', '/order/202309/orders/search', { query, body });
}

/** Follows next_page_token to the end, as a sync must; `between` runs after each page. */
async function pageAll(query: Record<string, string>, body: object, between?: (page: number) => void): Promise<{ orders: Order[]; tokens: string[] }> {
  const orders: Order[] = [];
  const tokens: string[] = [];
  let token = '';
  for (let page = 0; page < 1000; page++) {
    const reply = await search({ ...query, ...(token ? { page_token: token } : {}) }, body);
    expect(reply.json.code, reply.json.message).toBe(0);
    orders.push(...reply.json.data.orders);
    token = reply.json.data.next_page_token;
    if (!token) return { orders, tokens };
    tokens.push(token);
    between?.(page);
  }
  throw new Error('paging never ended');
}

describe('paging', () => {
  it('pages to the end with tokens that hold + / and =, each order once, total_count right', async () => {
    ({ sim, client } = await simWithClient({ orders: 60 }));
    const { orders, tokens } = await pageAll({ page_size: '7', sort_field: 'update_time', sort_order: 'ASC' }, {});
    expect(orders).toHaveLength(60);
    expect(new Set(orders.map((o) => o.id)).size).toBe(60);
    expect(tokens).toHaveLength(8);
    for (const t of tokens) {
      expect(t).toContain('+');
      expect(t).toContain('/');
      expect(t).toMatch(/=$/);
    }
    const times = orders.map((o) => o.update_time as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((await search({ page_size: '7' })).json.data.total_count).toBe(60);
  });

  it('sorts by create_time DESC by default and honours sort_order ASC, across pages', async () => {
    ({ sim, client } = await simWithClient({ orders: 30 }));
    const desc = (await pageAll({ page_size: '4' }, {})).orders.map((o) => `${o.create_time} ${o.id}`);
    expect(desc).toHaveLength(30);
    expect(desc).toEqual([...desc].sort().reverse());
    const asc = (await pageAll({ page_size: '7', sort_field: 'create_time', sort_order: 'ASC' }, {})).orders.map((o) => `${o.create_time} ${o.id}`);
    expect(asc).toEqual([...desc].reverse());
    const byUpdate = (await pageAll({ page_size: '6', sort_field: 'update_time', sort_order: 'DESC' }, {})).orders.map((o) => o.update_time as number);
    expect(byUpdate).toHaveLength(30);
    expect(byUpdate).toEqual([...byUpdate].sort((a, b) => b - a));
  });

  it('refuses a token sent without URL-encoding, a damaged token, one from another search, and a bad page_size', async () => {
    ({ sim, client } = await simWithClient({ orders: 20 }));
    const token = (await search({ page_size: '5' })).json.data.next_page_token as string;
    const careless = await client.call('POST', '/order/202309/orders/search', { query: { page_size: '5', page_token: token }, body: {}, unencoded: true });
    expect(careless.json.code).not.toBe(0);
    expect((await search({ page_size: '5', page_token: token.replace('+', ' ') })).json.code).toBe(36009001);
    expect((await search({ page_size: '5', page_token: token.slice(0, -6) })).json.code).toBe(36009001);
    expect((await search({ page_size: '5', page_token: token }, { order_status: 'UNPAID' })).json.code).toBe(36009001);
    expect((await search({ page_size: '5', page_token: token })).json.code).toBe(0);
    for (const size of ['0', '101', 'x']) expect((await search({ page_size: size })).json.code).toBe(36009001);
    expect((await client.call('POST', '/order/202309/orders/search', { body: {} })).json.code).toBe(36009001);
  });
});

describe('update-time windows', () => {
  it('update_time_ge is inclusive and update_time_lt exclusive; create_time and status filter too', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const a = sim.controls.addOrder({ items: [{ sellerSku: 'CASE-CLR-15', qty: 1 }] });
    sim.controls.advance(10);
    const b = sim.controls.addOrder({ items: [{ sellerSku: 'STRAP-BLK', qty: 1 }], status: 'UNPAID' });
    sim.controls.advance(10);
    const c = sim.controls.addOrder({ items: [{ sellerSku: 'STRAP-PNK', qty: 1 }] });
    const ids = async (body: object) => (await pageAll({ page_size: '50', sort_field: 'update_time', sort_order: 'ASC' }, body)).orders.map((o) => o.id);
    expect(await ids({ update_time_ge: T0, update_time_lt: T0 + 10 })).toEqual([a.id]);
    expect(await ids({ update_time_ge: T0 + 10, update_time_lt: T0 + 20 })).toEqual([b.id]);
    expect(await ids({ update_time_ge: T0 + 10 })).toEqual([b.id, c.id]);
    expect(await ids({ create_time_lt: T0 + 20 })).toEqual([a.id, b.id]);
    expect(await ids({ order_status: 'UNPAID' })).toEqual([b.id]);
    sim.controls.advance(5);
    sim.controls.act(a.id as string, 'edit-notes', { sellerNote: 'fragile' });
    expect(await ids({ update_time_ge: T0 + 25 })).toEqual([a.id]);
    expect((await search({ page_size: '5' }, { update_time_ge: 'yesterday' })).json.code).toBe(36009001);
  });

  it('an order changed while its window is being paged leaves no other order unseen', async () => {
    ({ sim, client } = await simWithClient({ orders: 40 }));
    sim.controls.advance(60);
    const window = { update_time_ge: T0 - 7 * 86400, update_time_lt: T0 + 30 };
    const before = (await pageAll({ page_size: '100', sort_field: 'update_time', sort_order: 'ASC' }, window)).orders.map((o) => o.id as string);
    let moved = '';
    const { orders } = await pageAll({ page_size: '5', sort_field: 'update_time', sort_order: 'ASC' }, window, (page) => {
      if (page !== 0) return;
      moved = before[1]!; // served on page 1; now it moves past the window's end
      sim.controls.act(moved, 'edit-notes', { sellerNote: 'changed mid-window' });
    });
    const seen = orders.map((o) => o.id as string);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(before));
  });

  it('with offset paging (a settings option) the same change makes another order fall between pages', async () => {
    ({ sim, client } = await simWithClient({ orders: 40, settings: { paging: 'offset' } }));
    sim.controls.advance(60);
    const window = { update_time_ge: T0 - 7 * 86400, update_time_lt: T0 + 30 };
    const before = (await pageAll({ page_size: '100', sort_field: 'update_time', sort_order: 'ASC' }, window)).orders.map((o) => o.id as string);
    const { orders } = await pageAll({ page_size: '5', sort_field: 'update_time', sort_order: 'ASC' }, window, (page) => {
      if (page === 0) sim.controls.act(before[1]!, 'edit-notes', { sellerNote: 'changed mid-window' });
    });
    expect(new Set(orders.map((o) => o.id)).has(before[5]!)).toBe(false);
  });
});

describe('order shape', () => {
  it('has one line item per unit, grouped by nothing, each naming its package', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const made = sim.controls.addOrder({
      items: [
        { sellerSku: 'CASE-CLR-15', qty: 3 },
        { sellerSku: 'CHG-20W-UK', qty: 1 },
      ],
      shippingType: 'TIKTOK',
    });
    const reply = await client.call('GET', '/order/202309/orders', { query: { ids: made.id as string } });
    const order = reply.json.data.orders[0] as Order;
    expect(order.line_items).toHaveLength(4);
    expect(new Set(order.line_items.map((l: Order) => l.id)).size).toBe(4);
    expect(order.line_items.filter((l: Order) => l.seller_sku === 'CASE-CLR-15')).toHaveLength(3);
    expect(order.line_items[0]).toMatchObject({
      sku_id: expect.any(String),
      product_name: expect.any(String),
      sku_name: expect.any(String),
      package_id: order.packages[0].id,
      package_status: 'TO_FULFILL',
    });
    expect(order.line_items[0]).not.toHaveProperty('quantity');
    expect(order).toMatchObject({ status: 'AWAITING_SHIPMENT', shipping_type: 'TIKTOK', is_buyer_request_cancel: false, is_on_hold_order: false });
  });

  it('a combined listing (bundle) line item names its component SKUs', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const made = sim.controls.addOrder({ items: [{ sellerSku: 'BNDL-CASE-SCRN', qty: 1 }] });
    const line = (made.line_items as Order[])[0]!;
    expect(line.seller_sku).toBe('BNDL-CASE-SCRN');
    expect(line.combined_listing_skus.map((c: Order) => [c.seller_sku, c.sku_count])).toEqual([
      ['CASE-CLR-15', 1],
      ['SCRN-15-2PK', 1],
    ]);
  });

  it('hides the address while UNPAID and ON_HOLD, masks the phone, and shows platform deadlines once paid', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const id = sim.controls.addOrder({ status: 'UNPAID' }).id as string;
    const get = async () => (await client.call('GET', '/order/202309/orders', { query: { ids: id } })).json.data.orders[0] as Order;
    const unpaid = await get();
    expect(unpaid).not.toHaveProperty('recipient_address');
    expect(unpaid.packages).toEqual([]);
    sim.controls.advance(60);
    sim.controls.act(id, 'pay');
    sim.controls.act(id, 'hold');
    const held = await get();
    expect(held).toMatchObject({ status: 'ON_HOLD', is_on_hold_order: true, update_time: T0 + 60 });
    expect(held).not.toHaveProperty('recipient_address');
    sim.controls.act(id, 'release');
    const open = await get();
    const phone = open.recipient_address.phone_number as string;
    expect(phone).toContain('*');
    expect(phone.replace(/\D/g, '').length).toBeLessThan(sim.state.order(id).address.phone.length);
    expect(open.recipient_address).toMatchObject({
      name: expect.any(String),
      full_address: expect.any(String),
      postal_code: expect.any(String),
      region_code: 'GB',
    });
    expect(open.rts_sla_time).toBeGreaterThanOrEqual(open.paid_time + 48 * 3600);
    for (const field of ['shipping_due_time', 'tts_sla_time', 'collection_due_time', 'delivery_due_time'])
      expect(open[field]).toBeGreaterThan(open.rts_sla_time - 1);
  });

  it('split orders have two packages; a combined package holds two orders', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const split = sim.controls.addOrder({
      items: [
        { sellerSku: 'CASE-CLR-15', qty: 2 },
        { sellerSku: 'STRAP-BLK', qty: 2 },
      ],
      split: true,
    });
    const first = sim.controls.addOrder({ items: [{ sellerSku: 'CBL-C2C-1M', qty: 1 }] });
    const second = sim.controls.addOrder({ items: [{ sellerSku: 'CBL-C2C-2M', qty: 1 }], combineWith: first.id as string });
    const orders = (await client.call('GET', '/order/202309/orders', { query: { ids: [split.id, first.id, second.id].join(',') } })).json.data
      .orders as Order[];
    expect(orders[0]).toMatchObject({ split_or_combine_tag: 'SPLIT' });
    expect(orders[0]!.packages).toHaveLength(2);
    expect(new Set(orders[0]!.line_items.map((l: Order) => l.package_id)).size).toBe(2);
    expect(orders[1]!.packages).toEqual(orders[2]!.packages);
    expect(orders[1]).toMatchObject({ split_or_combine_tag: 'COMBINED' });
    const pkg = await client.call('GET', `/fulfillment/202309/packages/${orders[1]!.packages[0].id}`);
    expect(pkg.json.data.split_and_combine_tag).toBe('COMBINE');
    expect(pkg.json.data.orders.map((o: Order) => o.id)).toEqual([first.id, second.id]);
  });

  it('a generated shop holds every status, split and combined packages, seller shipping and pending cancel requests', async () => {
    ({ sim, client } = await simWithClient({ orders: 400 }));
    const { orders } = await pageAll({ page_size: '100' }, {});
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'])
      expect(statuses).toContain(s);
    expect(orders.some((o) => o.split_or_combine_tag === 'SPLIT')).toBe(true);
    expect(orders.some((o) => o.split_or_combine_tag === 'COMBINED')).toBe(true);
    expect(orders.some((o) => o.shipping_type === 'SELLER')).toBe(true);
    expect(orders.some((o) => o.is_buyer_request_cancel && o.request_cancel_time)).toBe(true);
    for (const o of orders) expect(o.update_time).toBeGreaterThanOrEqual(o.create_time);
  });

  it('order detail takes up to 50 ids and leaves out unknown ones', async () => {
    ({ sim, client } = await simWithClient({ orders: 60 }));
    const ids = [...sim.state.orders.keys()];
    expect((await client.call('GET', '/order/202309/orders', { query: { ids: ids.slice(0, 50).join(',') } })).json.data.orders).toHaveLength(50);
    expect((await client.call('GET', '/order/202309/orders', { query: { ids: ids.slice(0, 51).join(',') } })).json.code).toBe(36009001);
    expect((await client.call('GET', '/order/202309/orders', { query: { ids: `${ids[0]},576400000000000000` } })).json.data.orders).toHaveLength(1);
  });
});
