import { describe, expect, it } from 'vitest';
import type { InputArg } from '../../../core/api/contract.js';
import { DAY, HOUR } from '../../../core/domain/clock.js';
import type { Order } from '../../../core/domain/types.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest, outboxRows, snapshot, stored } from './support.js';

const core = freshCoreEachTest();

function failedDelivery(c: TestCore, id: string, failedAgo: number, over: Partial<Order> = {}) {
  const a = seedSku(c, makeSku(`S-${id}`));
  const now = c.clock.now();
  return seedOrder(
    c,
    makeOrder(id, [line(a, 1, 1)], now, {
      status: 'DELIVERY_FAILED',
      paidAt: now - 20 * DAY,
      rtsAt: now - 19 * DAY,
      shippedAt: now - 18 * DAY,
      packedAt: now - 19 * DAY,
      deliveryFailedAt: now - failedAgo,
      ...over,
    }),
  );
}

const newAddress = {
  name: 'Grace Hopper',
  phone: '+44 7700 900123',
  address: '221B Baker Street',
  postcode: 'NW1 6XE',
};

function request(orderId: string, recipient: Partial<InputArg<'orders.requestRedelivery'>['recipient']> = {}) {
  return { orderId, recipient: { ...newAddress, ...recipient } };
}

describe('orders.requestRedelivery', () => {
  it('records the new recipient and tells the platform', async () => {
    const c = core();
    failedDelivery(c, 'D1', 3 * DAY);
    const view = await c.call('orders.requestRedelivery', request('D1'));
    expect(view.recipient).toMatchObject({ ...newAddress, city: 'London', country: 'United Kingdom' });
    expect(view.redeliveryRequestedAt).toBe(c.clock.now());
    // The redelivery deadline is met: it no longer binds the order.
    expect(view.deadlines.map((d) => d.kind)).not.toContain('REQUEST_REDELIVERY');
    const rows = outboxRows(c, 'order.redelivery_requested');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ orderId: 'D1', recipient: { name: 'Grace Hopper', postcode: 'NW1 6XE' } });
  });

  it('only for a failed delivery', async () => {
    const c = core();
    failedDelivery(c, 'T1', 3 * DAY, { status: 'IN_TRANSIT', deliveryFailedAt: null });
    failedDelivery(c, 'A1', 0, { status: 'AWAITING_SHIPMENT', deliveryFailedAt: null });
    expect(await errorCode(c.call('orders.requestRedelivery', request('T1')))).toBe('ILLEGAL_TRANSITION');
    expect(await errorCode(c.call('orders.requestRedelivery', request('A1')))).toBe('ILLEGAL_TRANSITION');
    expect(await errorCode(c.call('orders.requestRedelivery', request('NOPE')))).toBe('ORDER_NOT_FOUND');
    expect(outboxRows(c)).toHaveLength(0);
  });

  it('within 12 days of the failure, the 12th day included; DEADLINE_PASSED after', async () => {
    const c = core();
    failedDelivery(c, 'EDGE', 12 * DAY);
    failedDelivery(c, 'LATE', 12 * DAY + 1);
    expect((await c.call('orders.requestRedelivery', request('EDGE'))).redeliveryRequestedAt).toBe(c.clock.now());
    const before = snapshot(c);
    expect(await errorCode(c.call('orders.requestRedelivery', request('LATE')))).toBe('DEADLINE_PASSED');
    expect(snapshot(c)).toEqual(before);
  });

  it('once per order: REDELIVERY_ALREADY_REQUESTED the second time', async () => {
    const c = core();
    failedDelivery(c, 'D1', 1 * DAY);
    await c.call('orders.requestRedelivery', request('D1'));
    c.clock.advance(HOUR);
    const code = await errorCode(c.call('orders.requestRedelivery', request('D1', { address: '1 Other Road' })));
    expect(code).toBe('REDELIVERY_ALREADY_REQUESTED');
    expect(stored(c, 'D1').recipient.address).toBe('221B Baker Street');
    expect(outboxRows(c)).toHaveLength(1);
  });

  it('the address needs a house number: ADDRESS_INCOMPLETE, nothing saved', async () => {
    const c = core();
    failedDelivery(c, 'D1', 1 * DAY);
    const before = snapshot(c);
    expect(await errorCode(c.call('orders.requestRedelivery', request('D1', { address: 'Baker Street' })))).toBe('ADDRESS_INCOMPLETE');
    expect(snapshot(c)).toEqual(before);
  });

  it('a house number typed with full-width digits (Chinese IME) counts', async () => {
    const c = core();
    failedDelivery(c, 'D1', 1 * DAY);
    const view = await c.call('orders.requestRedelivery', request('D1', { address: '２２１ Baker Street' }));
    expect(view.redeliveryRequestedAt).toBe(c.clock.now());
  });

  it('the postcode is required: INVALID_INPUT naming it', async () => {
    const c = core();
    failedDelivery(c, 'D1', 1 * DAY);
    for (const postcode of ['', '   ']) {
      const res = await c.dispatch('orders.requestRedelivery', request('D1', { postcode }));
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_INPUT');
        expect(res.error.message).toContain('recipient.postcode');
      }
    }
    const { postcode: _dropped, ...noPostcode } = newAddress;
    const missing = await c.dispatch('orders.requestRedelivery', { orderId: 'D1', recipient: noPostcode });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await errorCode(c.call('orders.requestRedelivery', request('D1', { name: ' ' })))).toBe('INVALID_INPUT');
    expect(await errorCode(c.call('orders.requestRedelivery', request('D1', { phone: '12' })))).toBe('INVALID_INPUT');
    expect(stored(c, 'D1').redeliveryRequestedAt).toBeNull();
  });
});
