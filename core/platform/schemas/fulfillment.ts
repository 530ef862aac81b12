/** Packages, shipping and labels (PLATFORM-API.md, "Fulfilment"). Raw API shapes. */
import { z } from 'zod';
import type { HandoverMethod } from '../../shared/vocabulary.js';

export interface ShipPackageRequest {
  handover_method: HandoverMethod;
  pickup_slot?: { start_time: number; end_time: number };
  /** Only for seller-shipped delivery options. */
  self_shipment?: { tracking_number: string; shipping_provider_id: string };
}

export type BatchShipPackage = ShipPackageRequest & { id: string };

export const batchShipSchema = z
  .object({
    errors: z
      .array(z.object({ code: z.number().int(), message: z.string().nullish(), detail: z.object({ package_id: z.string().nullish() }).nullish() }))
      .nullish(),
  })
  .nullish();

export const packageDetailSchema = z.object({
  package_status: z.string(),
  package_id: z.string().nullish(),
  tracking_number: z.string().nullish(),
  shipping_provider_id: z.string().nullish(),
  shipping_provider_name: z.string().nullish(),
  shipping_type: z.string().nullish(),
  handover_method: z.string().nullish(),
  order_line_item_ids: z.array(z.string()).nullish(),
  orders: z.array(z.object({ id: z.string(), skus: z.array(z.looseObject({ id: z.string().nullish(), quantity: z.number().nullish() })).nullish() })).nullish(),
  create_time: z.number().int().nullish(),
  update_time: z.number().int().nullish(),
});
export type PlatformPackage = z.infer<typeof packageDetailSchema>;

export const shippingDocumentSchema = z.object({
  /** Valid for 24 h: download it at once. */
  doc_url: z.string().min(1),
  tracking_number: z.string().nullish(),
});
export type ShippingDocument = z.infer<typeof shippingDocumentSchema>;
