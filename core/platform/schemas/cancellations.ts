/** Buyer cancellation requests and the seller's answers (PLATFORM-API.md, "Cancellations"). */
import { z } from 'zod';

const text = z.string().nullish();

export const cancellationSchema = z.object({
  cancel_id: z.string(),
  order_id: z.string(),
  cancel_status: z.string(),
  cancel_type: text,
  role: text,
  cancel_reason: text,
  cancel_reason_text: text,
  create_time: z.number().int().nullish(),
  update_time: z.number().int().nullish(),
  cancel_line_items: z.array(z.object({ order_line_item_id: text, sku_id: text, seller_sku: text, product_name: text, sku_name: text })).nullish(),
  /** `SELLER_RESPOND_CANCEL` with its deadline (Unix seconds) when the seller must answer. */
  seller_next_action_response: z.array(z.object({ action: z.string(), deadline: z.number().int().nullish() })).nullish(),
});
export type PlatformCancellation = z.infer<typeof cancellationSchema>;

export const cancellationPageSchema = z.object({
  cancellations: z.array(cancellationSchema).nullish(),
  next_page_token: z.string().nullish(),
  total_count: z.number().int().nullish(),
});

export interface CancellationSearchFilter {
  order_ids?: string[];
  cancel_status?: string[];
  cancel_types?: string[];
  update_time_ge?: number;
  update_time_lt?: number;
  create_time_ge?: number;
  create_time_lt?: number;
}

export const rejectReasonsSchema = z.object({
  reasons: z.array(z.object({ name: z.string(), text: z.string().nullish() })).nullish(),
});
export type RejectReason = { name: string; text: string | null };

export interface RejectCancellationRequest {
  reject_reason: string;
  comment?: string;
}

export interface SellerCancelRequest {
  order_id: string;
  cancel_reason: string;
  order_line_item_ids?: string[];
}

export const sellerCancelSchema = z.object({ cancel_id: text, cancel_status: text }).nullish();
