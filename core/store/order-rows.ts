import { blankOrder } from '../domain/order.js';
import type { Order, OrderLine, OrderStatus } from '../domain/types.js';

/** The orders table row as SQLite returns it. */
export interface OrderRow {
  id: string;
  status: string;
  cancel_requested_at: number | null;
  recipient_name: string;
  recipient_phone: string;
  country: string;
  state: string;
  city: string;
  district: string;
  address: string;
  postcode: string;
  buyer_username: string;
  buyer_message: string;
  seller_note: string;
  tracking_number: string;
  package_id: string;
  carrier: string;
  delivery_option: string;
  weight_kg: number | null;
  created_at: number;
  paid_at: number | null;
  rts_at: number | null;
  shipped_at: number | null;
  delivered_at: number | null;
  delivery_failed_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string;
  platform_ship_by: number | null;
  platform_collect_by: number | null;
  platform_answer_by: number | null;
  packed_at: number | null;
  packed_by: string | null;
  short_pack_reason: string;
  redelivery_requested_at: number | null;
  handed_over_at: number | null;
  provisional: number;
  version: number;
  updated_at: number;
}

export interface LineRow {
  order_id: string;
  line_no: number;
  sku_id: string;
  seller_sku: string;
  product_name: string;
  variation: string;
  quantity: number;
  packed_quantity: number;
}

export function lineFromRow(r: LineRow): OrderLine {
  return {
    skuId: r.sku_id,
    sellerSku: r.seller_sku,
    productName: r.product_name,
    variation: r.variation,
    quantity: r.quantity,
    packedQuantity: r.packed_quantity,
  };
}

export function orderFromRow(r: OrderRow, lines: OrderLine[]): Order {
  return {
    id: r.id,
    status: r.status as OrderStatus,
    cancelRequestedAt: r.cancel_requested_at,
    lines,
    recipient: {
      name: r.recipient_name,
      phone: r.recipient_phone,
      country: r.country,
      state: r.state,
      city: r.city,
      district: r.district,
      address: r.address,
      postcode: r.postcode,
    },
    buyerUsername: r.buyer_username,
    buyerMessage: r.buyer_message,
    sellerNote: r.seller_note,
    trackingNumber: r.tracking_number,
    packageId: r.package_id,
    carrier: r.carrier,
    deliveryOption: r.delivery_option,
    weightKg: r.weight_kg,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    rtsAt: r.rts_at,
    shippedAt: r.shipped_at,
    deliveredAt: r.delivered_at,
    deliveryFailedAt: r.delivery_failed_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    // answerBy only when the platform sent one: orders from exports compare equal to what a file gives.
    platformDeadlines: {
      shipBy: r.platform_ship_by,
      collectBy: r.platform_collect_by,
      ...(r.platform_answer_by !== null ? { answerBy: r.platform_answer_by } : {}),
    },
    packedAt: r.packed_at,
    packedBy: r.packed_by,
    shortPackReason: r.short_pack_reason,
    redeliveryRequestedAt: r.redelivery_requested_at,
    handedOverAt: r.handed_over_at,
    provisional: r.provisional === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Named parameters for the orders upsert, derived columns included. */
export function orderParams(o: Order, nextDeadlineAt: number | null, isSingleItem: boolean) {
  return {
    id: o.id,
    status: o.status,
    cancel_requested_at: o.cancelRequestedAt,
    recipient_name: o.recipient.name,
    recipient_phone: o.recipient.phone,
    country: o.recipient.country,
    state: o.recipient.state,
    city: o.recipient.city,
    district: o.recipient.district,
    address: o.recipient.address,
    postcode: o.recipient.postcode,
    buyer_username: o.buyerUsername,
    buyer_message: o.buyerMessage,
    seller_note: o.sellerNote,
    tracking_number: o.trackingNumber,
    package_id: o.packageId,
    carrier: o.carrier,
    delivery_option: o.deliveryOption,
    weight_kg: o.weightKg,
    created_at: o.createdAt,
    paid_at: o.paidAt,
    rts_at: o.rtsAt,
    shipped_at: o.shippedAt,
    delivered_at: o.deliveredAt,
    delivery_failed_at: o.deliveryFailedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason,
    platform_ship_by: o.platformDeadlines.shipBy,
    platform_collect_by: o.platformDeadlines.collectBy,
    platform_answer_by: o.platformDeadlines.answerBy ?? null,
    packed_at: o.packedAt,
    packed_by: o.packedBy,
    short_pack_reason: o.shortPackReason,
    redelivery_requested_at: o.redeliveryRequestedAt,
    handed_over_at: o.handedOverAt,
    provisional: o.provisional ? 1 : 0,
    version: o.version,
    updated_at: o.updatedAt,
    next_deadline_at: nextDeadlineAt,
    is_single_item: isSingleItem ? 1 : 0,
  };
}

export const ORDER_COLUMNS = Object.keys(orderParams(blankOrder('', 0), null, false));
