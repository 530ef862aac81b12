/**
 * Orders as the 202309 API sends them (PLATFORM-API.md, "Orders"). Only what the sync reads is
 * required; unknown fields are dropped, absent or null ones read as null/undefined.
 */
import { z } from 'zod';

const text = z.string().nullish();
const seconds = z.number().int().nullish();

/** One unit: the API has no quantity, so two of a SKU are two line items. */
export const lineItemSchema = z.object({
  id: z.string(),
  sku_id: z.string(),
  seller_sku: text,
  product_id: text,
  product_name: text,
  sku_name: text,
  sku_image: text,
  package_id: text,
  package_status: text,
  tracking_number: text,
  shipping_provider_name: text,
  display_status: text,
  cancel_user: text,
  cancel_reason: text,
  is_gift: z.boolean().nullish(),
  sale_price: text,
  currency: text,
  combined_listing_skus: z.array(z.looseObject({ sku_id: text, seller_sku: text, sku_count: z.number().nullish() })).nullish(),
});
export type PlatformLineItem = z.infer<typeof lineItemSchema>;

/** Not returned while the order is UNPAID or ON_HOLD; the phone number arrives masked. */
export const recipientAddressSchema = z.object({
  name: text,
  phone_number: text,
  full_address: text,
  address_detail: text,
  address_line1: text,
  address_line2: text,
  address_line3: text,
  address_line4: text,
  postal_code: text,
  region_code: text,
  district_info: z.array(z.object({ address_level_name: text, address_name: text, address_level: text })).nullish(),
});
export type PlatformRecipientAddress = z.infer<typeof recipientAddressSchema>;

export const orderSchema = z.object({
  id: z.string(),
  status: z.string(),
  create_time: z.number().int(),
  update_time: z.number().int(),
  paid_time: seconds,
  line_items: z.array(lineItemSchema),
  packages: z.array(z.object({ id: z.string() })).nullish(),
  buyer_message: text,
  seller_note: text,
  split_or_combine_tag: text,
  shipping_type: text,
  delivery_option_id: text,
  delivery_option_name: text,
  shipping_provider: text,
  shipping_provider_id: text,
  tracking_number: text,
  is_on_hold_order: z.boolean().nullish(),
  is_buyer_request_cancel: z.boolean().nullish(),
  request_cancel_time: seconds,
  cancel_reason: text,
  cancellation_initiator: text,
  cancel_time: seconds,
  warehouse_id: text,
  recipient_address: recipientAddressSchema.nullish(),
  // The platform's deadlines (Unix seconds); they win over Packdesk's computed ones.
  rts_sla_time: seconds,
  tts_sla_time: seconds,
  shipping_due_time: seconds,
  collection_due_time: seconds,
  delivery_due_time: seconds,
  cancel_order_sla_time: seconds,
  rts_time: seconds,
});
export type PlatformOrder = z.infer<typeof orderSchema>;

export const orderPageSchema = z.object({
  orders: z.array(orderSchema).nullish(),
  next_page_token: z.string().nullish(),
  total_count: z.number().int().nullish(),
});

export const orderDetailSchema = z.object({ orders: z.array(orderSchema).nullish() });

/** The JSON body of an orders search; times are Unix seconds. */
export interface OrderSearchFilter {
  update_time_ge?: number;
  update_time_lt?: number;
  create_time_ge?: number;
  create_time_lt?: number;
  order_status?: string;
  is_buyer_request_cancel?: boolean;
}
