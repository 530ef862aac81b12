/** What the simulated platform keeps: shops, orders, packages, cancellation requests, and its settings. */

export type OrderStatus =
  | 'UNPAID'
  | 'ON_HOLD'
  | 'AWAITING_SHIPMENT'
  | 'PARTIALLY_SHIPPING'
  | 'AWAITING_COLLECTION'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED';

/** TO_FULFILL is the line item's word for "not arranged yet"; the package detail docs list only the rest. */
export type PackageStatus = 'TO_FULFILL' | 'PROCESSING' | 'FULFILLING' | 'COMPLETED' | 'CANCELLED';

export type ShippingType = 'TIKTOK' | 'SELLER';

export interface Shop {
  id: string;
  name: string;
  region: string;
  cipher: string;
  code: string;
}

export interface Sku {
  skuId: string;
  productId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
  price: string;
  /** A combined listing: one line item that stands for these SKUs (combined_listing_skus). */
  bundle?: { sku: Sku; count: number }[];
}

export interface Address {
  name: string;
  /** Unmasked; the API shows it masked. */
  phone: string;
  regionCode: string;
  postalCode: string;
  state: string;
  city: string;
  line1: string;
  line2: string;
}

/** One unit: the platform has no quantity on a line item. */
export interface LineItem {
  id: string;
  sku: Sku;
  packageId?: string;
  cancelledBy?: 'BUYER' | 'SELLER' | 'SYSTEM';
}

export interface SimOrder {
  id: string;
  shopCipher: string;
  status: OrderStatus;
  createTime: number;
  updateTime: number;
  paidTime?: number;
  cancelTime?: number;
  buyerMessage: string;
  sellerNote: string;
  userId: string;
  shippingType: ShippingType;
  deliveryOptionName: string;
  shippingProvider: string;
  shippingProviderId: string;
  warehouseId: string;
  address: Address;
  lineItems: LineItem[];
  packageIds: string[];
  splitOrCombine?: 'SPLIT' | 'COMBINED';
  /** The pending buyer request, when there is one. */
  pendingCancelId?: string;
  cancelReason?: string;
  cancellationInitiator?: 'BUYER' | 'SELLER' | 'SYSTEM';
}

export interface SimPackage {
  id: string;
  shopCipher: string;
  orderIds: string[];
  lineItemIds: string[];
  status: PackageStatus;
  createTime: number;
  updateTime: number;
  trackingNumber?: string;
  handoverMethod?: 'PICKUP' | 'DROP_OFF';
  shippedTime?: number;
  /** Who arranged it: this API, or Seller Center / another tool. */
  shippedVia?: 'api' | 'elsewhere';
  /** Label calls still answered "generating" since the ship. */
  labelGeneratingLeft: number;
}

export type CancelStatus = 'CANCELLATION_REQUEST_PENDING' | 'CANCELLATION_REQUEST_SUCCESS' | 'CANCELLATION_REQUEST_COMPLETE' | 'CLOSED';

export interface SimCancellation {
  id: string;
  orderId: string;
  shopCipher: string;
  type: 'BUYER_CANCEL' | 'CANCEL';
  role: 'BUYER' | 'SELLER' | 'SYSTEM';
  /** CLOSED is spelled on the wire as settings.closedCancelStatus. */
  status: CancelStatus;
  reason: string;
  createTime: number;
  updateTime: number;
  /** The seller must answer by then, or the platform cancels the order. */
  deadline?: number;
  lineItemIds: string[];
  rejectReason?: string;
}

export interface SimSettings {
  /** Seconds an access token lives (about 7 days on the platform). */
  accessTokenTtl: number;
  refreshTokenTtl: number;
  /** A refresh returns a new refresh token and the old one stops working (unconfirmed: either way). */
  rotateRefreshTokens: boolean;
  /** A refresh ends the previous access token at once (unconfirmed). */
  revokeOldAccessToken: boolean;
  /** Label calls answered 11034037 after each ship. */
  labelGeneratingCalls: number;
  /** How long a doc_url works (24 h). */
  docUrlTtl: number;
  /** Packages one batch ship accepts (unconfirmed; Seller Center's limit is 500). */
  batchShipLimit: number;
  /** keyset: a page token marks the last order seen; offset: it counts orders (skips when orders move). */
  paging: 'keyset' | 'offset';
  /** The closed cancellation state is spelled both ways in the docs. */
  closedCancelStatus: 'CANCELLATION_REQUEST_CANCEL' | 'CANCELLATION_REQUEST_CANCELLED';
  requireIdempotencyKey: boolean;
  /** Paid orders sit ON_HOLD first (about an hour on the platform; some shops skip it). */
  holdOnPay: boolean;
  retryAfterSeconds: number;
  /** The code for shipping a package twice (unconfirmed). */
  alreadyShippedCode: number;
  /** The code for a label of an unshipped package (the docs list 21023035 and 21042104). */
  labelNotShippedCode: number;
}

export const DEFAULT_SETTINGS: SimSettings = {
  accessTokenTtl: 7 * 24 * 3600,
  refreshTokenTtl: 365 * 24 * 3600,
  rotateRefreshTokens: true,
  revokeOldAccessToken: false,
  labelGeneratingCalls: 1,
  docUrlTtl: 24 * 3600,
  batchShipLimit: 500,
  paging: 'keyset',
  closedCancelStatus: 'CANCELLATION_REQUEST_CANCEL',
  requireIdempotencyKey: true,
  holdOnPay: false,
  retryAfterSeconds: 1,
  alreadyShippedCode: 21011006,
  labelNotShippedCode: 21023035,
};

export const HOUR = 3600;
export const DAY = 24 * HOUR;
