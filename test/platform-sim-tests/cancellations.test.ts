/**
 * Cancellation requests: search with the seller's answer deadline, approve and reject once per
 * idempotency_key, reject reasons, both spellings of the closed state, seller cancels, and the
 * platform cancelling an order whose request went unanswered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../platform-sim/index.js';
import { simWithClient, T0, type Json, type TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;
afterEach(async () => sim.close());

function askedOrder(): string {
  return sim.controls.addOrder({ items: [{ sellerSku: 'STRAP-BLK', qty: 2 }], buyerRequestCancel: true }).id as string;
}

const search = (body: object, query: Record<string, string> = { page_size: '50' }) =>
  client.call('POST', '/return_refund/202309/cancellations/search', { query, body });
const requestOf = async (orderId: string) => (await search({ order_ids: [orderId] })).json.data.cancellations[0] as Record<string, Json>;
const answer = (cancelId: string, action: 'approve' | 'reject', key?: string, body?: object) =>
  client.call('POST', `/return_refund/202309/cancellations/${cancelId}/${action}`, { query: key ? { idempotency_key: key } : {}, body });

describe('cancellation requests', () => {
  it('a buyer request is PENDING with SELLER_RESPOND_CANCEL due 48 h later, and flags the order', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const orderId = askedOrder();
    const request = await requestOf(orderId);
    expect(request).toMatchObject({ order_id: orderId, cancel_type: 'BUYER_CANCEL', role: 'BUYER', cancel_status: 'CANCELLATION_REQUEST_PENDING' });
    expect(request.seller_next_action_response).toEqual([{ action: 'SELLER_RESPOND_CANCEL', deadline: T0 + 48 * 3600 }]);
    expect(request.cancel_line_items).toHaveLength(2);
    expect(sim.controls.order(orderId)).toMatchObject({ is_buyer_request_cancel: true, request_cancel_time: T0 });
  });

  it('approve with the same idempotency_key twice: the same answer, applied once, the order cancelled', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const orderId = askedOrder();
    const cancelId = (await requestOf(orderId)).cancel_id as string;
    const first = await answer(cancelId, 'approve', 'outbox-41');
    const second = await answer(cancelId, 'approve', 'outbox-41');
    expect([first.json.code, second.json.code]).toEqual([0, 0]);
    expect(second.json.data).toEqual(first.json.data);
    expect(sim.controls.observer.counters.cancellationAnswers[cancelId]).toBe(1);
    expect(sim.controls.observer.counters.idempotentReplays).toBe(1);
    expect(sim.controls.order(orderId)).toMatchObject({ status: 'CANCELLED', is_buyer_request_cancel: false, cancellation_initiator: 'BUYER' });
    expect((await requestOf(orderId)).cancel_status).toBe('CANCELLATION_REQUEST_SUCCESS');
    const other = (await requestOf(askedOrder())).cancel_id as string;
    expect((await answer(other, 'approve', 'outbox-41')).json.code).toBe(36009001);
  });

  it('needs an idempotency_key (unless settings say otherwise)', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const cancelId = (await requestOf(askedOrder())).cancel_id as string;
    expect((await answer(cancelId, 'approve')).json.code).toBe(36009001);
    sim.controls.updateSettings({ requireIdempotencyKey: false });
    expect((await answer(cancelId, 'approve')).json.code).toBe(0);
  });

  it('reject takes a reason from reject_reasons; the closed state is spelled as settings say and found by either spelling', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const reasons = (await client.call('GET', '/return_refund/202309/reject_reasons', { query: { locale: 'en-GB' } })).json.data.reasons as {
      name: string;
      text: string;
    }[];
    expect(reasons.length).toBeGreaterThan(0);
    const orderId = askedOrder();
    const cancelId = (await requestOf(orderId)).cancel_id as string;
    expect((await answer(cancelId, 'reject', 'k1', { reject_reason: 'made_up' })).json.code).toBe(36009001);
    expect((await answer(cancelId, 'reject', 'k2', { reject_reason: reasons[0]!.name, comment: 'Already packed' })).json.code).toBe(0);
    expect(sim.controls.order(orderId)).toMatchObject({ status: 'AWAITING_SHIPMENT', is_buyer_request_cancel: false });
    expect((await requestOf(orderId)).cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
    sim.controls.updateSettings({ closedCancelStatus: 'CANCELLATION_REQUEST_CANCELLED' });
    expect((await requestOf(orderId)).cancel_status).toBe('CANCELLATION_REQUEST_CANCELLED');
    for (const status of ['CANCELLATION_REQUEST_CANCEL', 'CANCELLATION_REQUEST_CANCELLED']) {
      expect((await search({ cancel_status: [status] })).json.data.total_count).toBe(1);
    }
  });

  it('an answer to a request that is no longer pending is refused, and the same key gets the same refusal', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const cancelId = (await requestOf(askedOrder())).cancel_id as string;
    await answer(cancelId, 'approve', 'a');
    const late = await answer(cancelId, 'reject', 'b', { reject_reason: 'seller_reject_apply_product_has_been_packed' });
    const again = await answer(cancelId, 'reject', 'b', { reject_reason: 'seller_reject_apply_product_has_been_packed' });
    expect([late.json.code, again.json.code]).toEqual([25001002, 25001002]);
    expect(sim.controls.observer.counters.cancellationAnswers[cancelId]).toBe(1);
  });

  it('an unanswered request past its deadline cancels the order (the platform does it)', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const orderId = askedOrder();
    sim.controls.advance(48 * 3600 - 1);
    expect(sim.controls.order(orderId).status).toBe('AWAITING_SHIPMENT');
    sim.controls.advance(1);
    expect(sim.controls.order(orderId)).toMatchObject({ status: 'CANCELLED', cancellation_initiator: 'SYSTEM', update_time: T0 + 48 * 3600 });
    expect((await requestOf(orderId)).cancel_status).toBe('CANCELLATION_REQUEST_SUCCESS');
  });

  it('search pages (page_size 1-50) and filters by status and update time', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    for (let i = 0; i < 7; i++) askedOrder();
    sim.controls.advance(100);
    const late = askedOrder();
    const first = await search({ cancel_status: ['CANCELLATION_REQUEST_PENDING'] }, { page_size: '5' });
    expect(first.json.data.cancellations).toHaveLength(5);
    const rest = await search({ cancel_status: ['CANCELLATION_REQUEST_PENDING'] }, { page_size: '5', page_token: first.json.data.next_page_token });
    expect([rest.json.data.cancellations.length, rest.json.data.next_page_token]).toEqual([3, '']);
    expect((await search({ update_time_ge: T0 + 100 })).json.data.cancellations.map((c: Json) => c.order_id)).toEqual([late]);
    expect((await search({}, { page_size: '51' })).json.code).toBe(36009001);
  });
});

describe('seller cancel', () => {
  it('cancels a whole order, or some line items of it', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const whole = sim.controls.addOrder({ items: [{ sellerSku: 'CASE-CLR-15', qty: 1 }] }).id as string;
    const reply = await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: whole, cancel_reason: 'seller_out_of_stock' } });
    expect(reply.json.code).toBe(0);
    expect(reply.json.data.cancel_id).toEqual(expect.any(String));
    expect(sim.controls.order(whole)).toMatchObject({ status: 'CANCELLED', cancellation_initiator: 'SELLER' });
    const part = sim.controls.addOrder({
      items: [
        { sellerSku: 'CASE-CLR-15', qty: 1 },
        { sellerSku: 'STRAP-BLK', qty: 1 },
      ],
    });
    const lineId = (part.line_items as { id: string }[])[1]!.id;
    await client.call('POST', '/return_refund/202309/cancellations', {
      body: { order_id: part.id, cancel_reason: 'seller_out_of_stock', order_line_item_ids: [lineId] },
    });
    const after = sim.controls.order(part.id as string);
    expect(after.status).toBe('AWAITING_SHIPMENT');
    expect((after.line_items as { id: string; display_status: string }[]).map((l) => l.display_status)).toEqual(['AWAITING_SHIPMENT', 'CANCELLED']);
  });

  it('refuses an order already shipped', async () => {
    ({ sim, client } = await simWithClient({ orders: 0 }));
    const id = sim.controls.addOrder({ status: 'AWAITING_COLLECTION' }).id as string;
    expect((await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: id, cancel_reason: 'x' } })).json.code).toBe(25001003);
  });
});
