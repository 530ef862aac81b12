/**
 * Orders, packages and cancellation requests in the platform's JSON shapes (version 202309), as
 * PLATFORM-API.md and the public docs describe them: unit line items, packages by id, absolute
 * Unix-second deadlines, a masked phone, and no address while UNPAID or ON_HOLD.
 */
import { DAY, HOUR, type Address, type LineItem, type SimCancellation, type SimOrder, type SimPackage } from './model.js';
import type { Store } from './store.js';

type Json = Record<string, unknown>;

/** The platform masks phone numbers: country code, two digits, stars, the last two. */
export function maskPhone(phone: string): string {
  return `(+${phone.slice(0, 2)})${phone.slice(2, 4)}${'*'.repeat(Math.max(phone.length - 6, 3))}${phone.slice(-2)}`;
}

function addressJson(a: Address): Json {
  const detail = [a.line1, a.line2].filter(Boolean).join(', ');
  return {
    name: a.name,
    phone_number: maskPhone(a.phone),
    full_address: [detail, a.city, a.state, a.postalCode, a.regionCode].filter(Boolean).join(', '),
    address_detail: detail,
    address_line1: a.line1,
    address_line2: a.line2,
    address_line3: '',
    address_line4: '',
    postal_code: a.postalCode,
    region_code: a.regionCode,
    district_info: [
      { address_level_name: 'Country', address_name: a.regionCode === 'GB' ? 'United Kingdom' : a.regionCode, address_level: 'L0' },
      { address_level_name: 'State', address_name: a.state, address_level: 'L1' },
      { address_level_name: 'City', address_name: a.city, address_level: 'L2' },
    ],
  };
}

/** The platform's deadlines, each rounded up to the hour so they differ from a naive paid_time + N h. */
function deadlines(store: Store, order: SimOrder): Json {
  const up = (t: number): number => Math.ceil(t / HOUR) * HOUR;
  if (order.paidTime === undefined) return order.status === 'UNPAID' ? { cancel_order_sla_time: order.createTime + 2 * DAY } : {};
  const paid = order.paidTime;
  const shipped = store
    .packagesOf(order)
    .map((p) => p.shippedTime)
    .filter((t): t is number => t !== undefined);
  return {
    rts_sla_time: up(paid + 2 * DAY),
    shipping_due_time: up(paid + 3 * DAY),
    tts_sla_time: up(paid + 5 * DAY),
    collection_due_time: shipped.length > 0 ? up(Math.min(...shipped) + 3 * DAY) : up(paid + 5 * DAY),
    delivery_due_time: up(paid + 15 * DAY),
    ...(shipped.length > 0 ? { rts_time: Math.min(...shipped) } : {}),
  };
}

function displayStatus(order: SimOrder, line: LineItem): string {
  return line.cancelledBy ? 'CANCELLED' : order.status === 'PARTIALLY_SHIPPING' ? 'AWAITING_SHIPMENT' : order.status;
}

function lineJson(store: Store, order: SimOrder, line: LineItem, showPackages: boolean): Json {
  const pkg = showPackages && line.packageId ? store.packages.get(line.packageId) : undefined;
  return {
    id: line.id,
    sku_id: line.sku.skuId,
    product_id: line.sku.productId,
    product_name: line.sku.productName,
    sku_name: line.sku.skuName,
    seller_sku: line.sku.sellerSku,
    sku_image: `https://p16-oec.example.invalid/${line.sku.skuId}.jpeg`,
    sku_type: 'NORMAL',
    is_gift: false,
    currency: 'GBP',
    original_price: line.sku.price,
    sale_price: line.sku.price,
    platform_discount: '0',
    seller_discount: '0',
    display_status: displayStatus(order, line),
    ...(pkg ? { package_id: pkg.id, package_status: pkg.status } : {}),
    ...(pkg?.trackingNumber
      ? { tracking_number: pkg.trackingNumber, shipping_provider_name: order.shippingProvider, shipping_provider_id: order.shippingProviderId }
      : {}),
    ...(pkg?.shippedTime ? { rts_time: pkg.shippedTime } : {}),
    ...(line.sku.bundle
      ? {
          combined_listing_skus: line.sku.bundle.map((b) => ({
            sku_id: b.sku.skuId,
            sku_count: b.count,
            product_id: b.sku.productId,
            seller_sku: b.sku.sellerSku,
          })),
        }
      : {}),
    ...(line.cancelledBy ? { cancel_user: line.cancelledBy, cancel_reason: order.cancelReason ?? 'Cancelled' } : {}),
  };
}

export function orderJson(store: Store, order: SimOrder): Json {
  const hidden = order.status === 'UNPAID' || order.status === 'ON_HOLD';
  const showPackages = order.status !== 'UNPAID';
  const packages = showPackages ? store.packagesOf(order) : [];
  const tracking = packages.find((p) => p.trackingNumber)?.trackingNumber;
  const pending = store.pendingCancellation(order);
  const subtotal = order.lineItems.reduce((sum, l) => sum + Number(l.sku.price), 0);
  return {
    id: order.id,
    status: order.status,
    create_time: order.createTime,
    update_time: order.updateTime,
    ...(order.paidTime !== undefined ? { paid_time: order.paidTime } : {}),
    ...(order.cancelTime !== undefined ? { cancel_time: order.cancelTime } : {}),
    user_id: order.userId,
    buyer_email: `${order.userId.slice(-8)}@scs.example.invalid`,
    buyer_message: order.buyerMessage,
    seller_note: order.sellerNote,
    fulfillment_type: 'FULFILLMENT_BY_SELLER',
    delivery_type: 'HOME_DELIVERY',
    shipping_type: order.shippingType,
    delivery_option_id: order.shippingType === 'SELLER' ? '7091146663020005121' : '7091146663020005120',
    delivery_option_name: order.deliveryOptionName,
    shipping_provider: order.shippingProvider,
    shipping_provider_id: order.shippingProviderId,
    ...(tracking ? { tracking_number: tracking } : {}),
    warehouse_id: order.warehouseId,
    is_cod: false,
    is_on_hold_order: order.status === 'ON_HOLD',
    is_buyer_request_cancel: pending !== undefined,
    ...(pending ? { request_cancel_time: pending.createTime } : {}),
    ...(order.cancelReason ? { cancel_reason: order.cancelReason, cancellation_initiator: order.cancellationInitiator } : {}),
    ...(order.splitOrCombine ? { split_or_combine_tag: order.splitOrCombine } : {}),
    packages: packages.map((p) => ({ id: p.id })),
    line_items: order.lineItems.map((l) => lineJson(store, order, l, showPackages)),
    payment: { currency: 'GBP', sub_total: subtotal.toFixed(2), shipping_fee: '0.00', total_amount: subtotal.toFixed(2), tax: '0.00' },
    ...(hidden ? {} : { recipient_address: addressJson(order.address) }),
    ...deadlines(store, order),
  };
}

/** The package detail counts units per SKU, unlike the order's unit line items. */
function skuCounts(lines: LineItem[]): Json[] {
  const bySku = new Map<string, { id: string; name: string; image_url: string; quantity: number }>();
  for (const l of lines) {
    const entry = bySku.get(l.sku.skuId) ?? {
      id: l.sku.skuId,
      name: l.sku.skuName,
      image_url: `https://p16-oec.example.invalid/${l.sku.skuId}.jpeg`,
      quantity: 0,
    };
    entry.quantity++;
    bySku.set(l.sku.skuId, entry);
  }
  return [...bySku.values()];
}

export function packageJson(store: Store, pkg: SimPackage): Json {
  const orders = store.ordersOf(pkg);
  const first = orders[0]!;
  const lines = orders.flatMap((o) => o.lineItems).filter((l) => pkg.lineItemIds.includes(l.id));
  return {
    package_id: pkg.id,
    package_status: pkg.status,
    orders: orders.map((o) => ({ id: o.id, skus: skuCounts(lines.filter((l) => o.lineItems.includes(l))) })),
    order_line_item_ids: lines.map((l) => l.id),
    split_and_combine_tag: orders.length > 1 ? 'COMBINE' : first.splitOrCombine === 'SPLIT' ? 'SPLIT' : 'DEFAULT',
    has_multi_skus: new Set(lines.map((l) => l.sku.skuId)).size > 1,
    note_tag: first.buyerMessage ? 'BUYER_NOTED' : 'BUYER_UNNOTED',
    shipping_type: first.shippingType,
    shipping_provider_name: first.shippingProvider,
    shipping_provider_id: first.shippingProviderId,
    delivery_option_name: first.deliveryOptionName,
    ...(pkg.trackingNumber ? { tracking_number: pkg.trackingNumber } : {}),
    ...(pkg.handoverMethod ? { handover_method: pkg.handoverMethod } : {}),
    create_time: pkg.createTime,
    update_time: pkg.updateTime,
    ...(first.status === 'UNPAID' || first.status === 'ON_HOLD' ? {} : { recipient_address: addressJson(first.address) }),
  };
}

export function cancellationJson(store: Store, c: SimCancellation): Json {
  const order = store.orders.get(c.orderId);
  const lines = order?.lineItems.filter((l) => c.lineItemIds.includes(l.id)) ?? [];
  return {
    cancel_id: c.id,
    order_id: c.orderId,
    cancel_type: c.type,
    cancel_status: c.status === 'CLOSED' ? store.settings.closedCancelStatus : c.status,
    role: c.role,
    cancel_reason: c.reason,
    cancel_reason_text: c.reason,
    create_time: c.createTime,
    update_time: c.updateTime,
    refund_amount: { currency: 'GBP', refund_total: lines.reduce((s, l) => s + Number(l.sku.price), 0).toFixed(2) },
    cancel_line_items: lines.map((l) => ({
      cancel_line_item_id: `${l.id}1`,
      order_line_item_id: l.id,
      sku_id: l.sku.skuId,
      seller_sku: l.sku.sellerSku,
      product_name: l.sku.productName,
      sku_name: l.sku.skuName,
    })),
    seller_next_action_response:
      c.status === 'CANCELLATION_REQUEST_PENDING' && c.deadline !== undefined ? [{ action: 'SELLER_RESPOND_CANCEL', deadline: c.deadline }] : [],
  };
}
