export { ORDER_STATUSES, type OrderStatus } from '../shared/vocabulary.js';
import type { OrderStatus } from '../shared/vocabulary.js';

/** Times are Unix epoch milliseconds throughout the core. */
export type Millis = number;

export interface Recipient {
  name: string;
  phone: string;
  country: string;
  state: string;
  city: string;
  district: string;
  /** Street, house number, unit: the "Detail Address" of the export. */
  address: string;
  postcode: string;
}

export interface OrderLine {
  /** Stable within the order: the platform SKU id, or the seller SKU when the id is missing. */
  skuId: string;
  sellerSku: string;
  productName: string;
  variation: string;
  quantity: number;
  packedQuantity: number;
}

/** Deadlines the platform sent with the order; they override the computed ones. */
export interface PlatformDeadlines {
  shipBy: Millis | null;
  collectBy: Millis | null;
  /** The seller's answer to a buyer's cancellation request is due (sync only; exports lack it). */
  answerBy?: Millis | null;
}

export interface Order {
  id: string;
  status: OrderStatus;
  /** Set while the buyer's cancellation request waits for the seller's answer. */
  cancelRequestedAt: Millis | null;
  lines: OrderLine[];
  recipient: Recipient;
  buyerUsername: string;
  buyerMessage: string;
  sellerNote: string;
  trackingNumber: string;
  packageId: string;
  carrier: string;
  deliveryOption: string;
  weightKg: number | null;
  createdAt: Millis;
  paidAt: Millis | null;
  /** "Ready to ship": when shipment was arranged (awaiting collection from then). */
  rtsAt: Millis | null;
  shippedAt: Millis | null;
  deliveredAt: Millis | null;
  deliveryFailedAt: Millis | null;
  cancelledAt: Millis | null;
  cancelReason: string;
  platformDeadlines: PlatformDeadlines;
  /** Packing outcome: when the last item was scanned, or short-packed with a reason. */
  packedAt: Millis | null;
  /** Who packed it: the packer of the completing scan or of the short-pack. */
  packedBy: string | null;
  shortPackReason: string;
  redeliveryRequestedAt: Millis | null;
  handedOverAt: Millis | null;
  /**
   * True when the local status was set by applying a platform automatic rule offline
   * (e.g. unpaid for 48 h → cancelled); the next platform data replaces it.
   */
  provisional: boolean;
  /** Optimistic concurrency: bumped on every local write. */
  version: number;
  updatedAt: Millis;
}

export interface Sku {
  id: string;
  sellerSku: string;
  name: string;
  variation: string;
  /** Null until someone assigns a bin: SKUs first seen in an order import have none. */
  bin: string | null;
  stockOnHand: number;
  safetyStock: number;
  barcodes: string[];
}
