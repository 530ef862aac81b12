/**
 * The API's order (202309) in Packdesk's shape: unit line items grouped by SKU into lines with
 * quantities, packages in the platform's order, times in ms, the platform's deadlines, and no
 * address while the platform hides it. Pure: no I/O, no clock.
 */
import { PackdeskError } from '../domain/errors.js';
import type { PlatformSnapshot, SnapshotPackage } from '../domain/sync-merge.js';
import type { OrderLine, OrderStatus, Recipient } from '../domain/types.js';
import { isOrderStatus } from '../shared/vocabulary.js';
import type { PlatformLineItem, PlatformOrder, PlatformRecipientAddress } from '../platform/schemas/orders.js';

/** Seconds (the API's unit) to ms; absent stays null. */
export function ms(seconds: number | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : seconds * 1000;
}

function statusOf(order: PlatformOrder): OrderStatus {
  if (isOrderStatus(order.status) && order.status !== 'DELIVERY_FAILED') return order.status;
  // Unknown to this build: failing the window keeps the cursor, rather than dropping the order silently.
  throw new PackdeskError('PLATFORM_BAD_RESPONSE', `TikTok Shop sent order ${order.id} with a status Packdesk does not know: ${order.status}.`, {
    orderId: order.id,
    status: order.status,
  });
}

function isCancelledItem(item: PlatformLineItem): boolean {
  return Boolean(item.cancel_user) || item.display_status === 'CANCELLED';
}

/**
 * One line per SKU with the number of units. In a cancelled order every unit is kept (the packer
 * may have to put them back); otherwise units the platform cancelled (a partial cancel) are left out.
 */
export function groupLines(order: PlatformOrder, status: OrderStatus): Omit<OrderLine, 'packedQuantity'>[] {
  const lines = new Map<string, Omit<OrderLine, 'packedQuantity'>>();
  for (const item of order.line_items) {
    if (status !== 'CANCELLED' && isCancelledItem(item)) continue;
    const line = lines.get(item.sku_id);
    if (line) line.quantity++;
    else {
      lines.set(item.sku_id, {
        skuId: item.sku_id,
        sellerSku: item.seller_sku ?? '',
        productName: item.product_name ?? '',
        variation: item.sku_name ?? '',
        quantity: 1,
      });
    }
  }
  return [...lines.values()];
}

function shippingType(value: string | null | undefined): SnapshotPackage['shippingType'] {
  return value === 'TIKTOK' || value === 'SELLER' ? value : '';
}

/** The order's packages: the order's list first, then any a line item names that the list missed. */
export function packagesOf(order: PlatformOrder): SnapshotPackage[] {
  const ids = [...(order.packages ?? []).map((p) => p.id)];
  for (const item of order.line_items) if (item.package_id && !ids.includes(item.package_id)) ids.push(item.package_id);
  return ids.map((id) => {
    const item = order.line_items.find((l) => l.package_id === id);
    return {
      id,
      status: item?.package_status ?? '',
      trackingNumber: item?.tracking_number ?? '',
      carrier: item?.shipping_provider_name ?? order.shipping_provider ?? '',
      carrierId: order.shipping_provider_id ?? '',
      shippingType: shippingType(order.shipping_type),
    };
  });
}

/** Address levels: L0 country, L1 state/region, L2 city, L3 district (markets differ; by level, else by position). */
function level(a: PlatformRecipientAddress, n: number): string {
  const levels = a.district_info ?? [];
  const named = levels.find((d) => d.address_level === `L${n}`);
  return (named ?? (levels.every((d) => !d.address_level) ? levels[n] : undefined))?.address_name ?? '';
}

export function recipientOf(a: PlatformRecipientAddress | null | undefined): Recipient | null {
  if (!a) return null;
  const lines = [a.address_line1, a.address_line2, a.address_line3, a.address_line4].filter((l): l is string => Boolean(l?.trim()));
  return {
    name: a.name ?? '',
    phone: a.phone_number ?? '',
    country: level(a, 0) || (a.region_code ?? ''),
    state: level(a, 1),
    city: level(a, 2),
    district: level(a, 3),
    address: a.address_detail || lines.join(', '),
    postcode: a.postal_code ?? '',
  };
}

export function snapshotOf(order: PlatformOrder): PlatformSnapshot {
  const status = statusOf(order);
  const packages = packagesOf(order);
  const requested = order.is_buyer_request_cancel === true;
  return {
    id: order.id,
    updateTime: order.update_time,
    status,
    cancelRequestAt: requested ? (ms(order.request_cancel_time) ?? order.update_time * 1000) : null,
    lines: groupLines(order, status),
    recipient: status === 'UNPAID' || status === 'ON_HOLD' ? null : recipientOf(order.recipient_address),
    buyerMessage: order.buyer_message ?? '',
    sellerNote: order.seller_note ?? '',
    trackingNumber: order.tracking_number || packages.find((p) => p.trackingNumber)?.trackingNumber || '',
    carrier: order.shipping_provider ?? '',
    deliveryOption: order.delivery_option_name ?? '',
    createdAt: order.create_time * 1000,
    paidAt: ms(order.paid_time),
    rtsAt: ms(order.rts_time),
    cancelledAt: ms(order.cancel_time),
    cancelReason: order.cancel_reason ?? '',
    // rts_sla_time is the latest time to arrange shipment; collection_due_time the latest to be collected.
    platformDeadlines: {
      shipBy: ms(order.rts_sla_time ?? order.shipping_due_time),
      collectBy: ms(order.collection_due_time ?? order.tts_sla_time),
    },
    packages,
  };
}

/** The line items as the store keeps them, with their package. */
export function lineItemsOf(order: PlatformOrder): { id: string; skuId: string; sellerSku: string; packageId: string; cancelled: boolean }[] {
  return order.line_items.map((l) => ({
    id: l.id,
    skuId: l.sku_id,
    sellerSku: l.seller_sku ?? '',
    packageId: l.package_id ?? '',
    cancelled: isCancelledItem(l),
  }));
}

/** What the pull stores for one order: the snapshot plus the platform's own details. */
export interface PulledOrder {
  snapshot: PlatformSnapshot;
  lineItems: ReturnType<typeof lineItemsOf>;
  shippingType: string;
  splitOrCombine: string;
}

export function pulledOrder(order: PlatformOrder): PulledOrder {
  return {
    snapshot: snapshotOf(order),
    lineItems: lineItemsOf(order),
    shippingType: order.shipping_type ?? '',
    splitOrCombine: order.split_or_combine_tag ?? '',
  };
}
