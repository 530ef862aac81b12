import { describe, expect, it } from 'vitest';
import type { PlatformOrder } from '../../../core/platform/schemas/orders.js';
import { groupLines, lineItemsOf, packagesOf, recipientOf, snapshotOf } from '../../../core/sync/map-order.js';

const T = 1_760_000_000;

function order(over: Partial<PlatformOrder> = {}): PlatformOrder {
  const item = (id: string, sku: string, pkg: string, more: Partial<PlatformOrder['line_items'][number]> = {}) => ({
    id,
    sku_id: sku,
    seller_sku: `S-${sku}`,
    product_name: `Product ${sku}`,
    sku_name: 'Blue',
    package_id: pkg,
    package_status: 'TO_FULFILL',
    ...more,
  });
  return {
    id: '576400000000000001',
    status: 'AWAITING_SHIPMENT',
    create_time: T - 7200,
    update_time: T,
    paid_time: T - 3600,
    line_items: [item('L1', 'A', 'P1'), item('L2', 'A', 'P2'), item('L3', 'B', 'P2'), item('L4', 'A', 'P1')],
    packages: [{ id: 'P1' }, { id: 'P2' }],
    shipping_type: 'TIKTOK',
    shipping_provider: 'TikTok Shipping',
    shipping_provider_id: '7117858858072016686',
    delivery_option_name: 'Standard shipping',
    rts_sla_time: T + 48 * 3600,
    shipping_due_time: T + 72 * 3600,
    collection_due_time: T + 120 * 3600,
    recipient_address: {
      name: 'Ada Lovelace',
      phone_number: '(+44)77******23',
      address_detail: '12 St James Square, Flat 2',
      address_line1: '12 St James Square',
      address_line2: 'Flat 2',
      postal_code: 'SW1Y 4JH',
      region_code: 'GB',
      district_info: [
        { address_level_name: 'Country', address_name: 'United Kingdom', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'England', address_level: 'L1' },
        { address_level_name: 'City', address_name: 'London', address_level: 'L2' },
      ],
    },
    ...over,
  } as PlatformOrder;
}

describe('the API order in Packdesk shape', () => {
  it('groups unit line items by SKU into lines with quantities, keeping every line item id and its package', () => {
    expect(groupLines(order(), 'AWAITING_SHIPMENT')).toEqual([
      { skuId: 'A', sellerSku: 'S-A', productName: 'Product A', variation: 'Blue', quantity: 3 },
      { skuId: 'B', sellerSku: 'S-B', productName: 'Product B', variation: 'Blue', quantity: 1 },
    ]);
    expect(lineItemsOf(order()).map((l) => [l.id, l.skuId, l.packageId])).toEqual([
      ['L1', 'A', 'P1'],
      ['L2', 'A', 'P2'],
      ['L3', 'B', 'P2'],
      ['L4', 'A', 'P1'],
    ]);
  });

  it('leaves out units the platform cancelled, unless the whole order is cancelled', () => {
    const partial = order({
      line_items: [...order().line_items.slice(0, 3), { ...order().line_items[3]!, cancel_user: 'BUYER', display_status: 'CANCELLED' }],
    });
    expect(groupLines(partial, 'AWAITING_SHIPMENT').find((l) => l.skuId === 'A')!.quantity).toBe(2);
    expect(groupLines(partial, 'CANCELLED').find((l) => l.skuId === 'A')!.quantity).toBe(3);
  });

  it('lists packages in the platform order, with the tracking number from their line items', () => {
    const shipped = order({
      line_items: order().line_items.map((l) => (l.package_id === 'P2' ? { ...l, package_status: 'PROCESSING', tracking_number: 'JT2' } : l)),
    });
    expect(packagesOf(shipped).map((p) => [p.id, p.status, p.trackingNumber, p.shippingType])).toEqual([
      ['P1', 'TO_FULFILL', '', 'TIKTOK'],
      ['P2', 'PROCESSING', 'JT2', 'TIKTOK'],
    ]);
    expect(snapshotOf(shipped).trackingNumber).toBe('JT2');
  });

  it('reads the address by level, keeps the masked phone, and has none while UNPAID or ON_HOLD', () => {
    expect(recipientOf(order().recipient_address)).toEqual({
      name: 'Ada Lovelace',
      phone: '(+44)77******23',
      country: 'United Kingdom',
      state: 'England',
      city: 'London',
      district: '',
      address: '12 St James Square, Flat 2',
      postcode: 'SW1Y 4JH',
    });
    expect(snapshotOf(order({ status: 'ON_HOLD' })).recipient).toBeNull();
    expect(snapshotOf(order({ status: 'UNPAID', recipient_address: null })).recipient).toBeNull();
  });

  it('uses the platform deadlines, times in ms, and the request time of a pending cancellation', () => {
    const s = snapshotOf(order({ is_buyer_request_cancel: true, request_cancel_time: T - 60 }));
    expect(s.platformDeadlines).toEqual({ shipBy: (T + 48 * 3600) * 1000, collectBy: (T + 120 * 3600) * 1000 });
    expect(s.paidAt).toBe((T - 3600) * 1000);
    expect(s.cancelRequestAt).toBe((T - 60) * 1000);
    expect(s.updateTime).toBe(T);
  });

  it('refuses a status it does not know rather than dropping the order', () => {
    expect(() => snapshotOf(order({ status: 'TELEPORTED' }))).toThrow(expect.objectContaining({ code: 'PLATFORM_BAD_RESPONSE' }));
  });
});
