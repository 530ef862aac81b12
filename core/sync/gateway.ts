/**
 * The platform calls the sync makes, with answers already in Packdesk's shape. Two kinds behind
 * one interface: `DirectGateway` calls the platform client in this thread (the CLI, tests); the
 * worker gateway (worker-gateway.ts) runs the same code in a worker thread so that reading and
 * checking 100-order pages never holds up a scan in the app or the station.
 */
import { PlatformClient, type BatchShipResult, type PlatformClientOptions } from '../platform/client.js';
import type { PlatformLogEntry } from '../platform/runtime.js';
import type { CancellationSearchFilter, PlatformCancellation, RejectCancellationRequest, SellerCancelRequest } from '../platform/schemas/cancellations.js';
import type { BatchShipPackage, PlatformPackage } from '../platform/schemas/fulfillment.js';
import type { OrderSearchFilter } from '../platform/schemas/orders.js';
import type { ShopTokens } from '../platform/tokens.js';
import type { CancellationRecord } from '../store/sync-orders-repo.js';
import { ms, pulledOrder, type PulledOrder } from './map-order.js';

export const ORDER_PAGE_SIZE = 100;
export const CANCELLATION_PAGE_SIZE = 50;

export interface OrderPage {
  orders: PulledOrder[];
  nextPageToken: string | null;
}

export type { CancellationRecord };

export interface CancellationPage {
  items: CancellationRecord[];
  nextPageToken: string | null;
}

export interface FetchedLabel {
  pdf: Uint8Array;
  trackingNumber: string | null;
}

/** The tokens' life without the tokens: what may be stored and shown. */
export type TokenLife = Omit<ShopTokens, 'accessToken' | 'refreshToken'>;

export interface PlatformGateway {
  /** Refreshes the access token when it is close to expiry; the cycle's first step. */
  refreshIfDue(): Promise<TokenLife>;
  orderPage(filter: OrderSearchFilter, pageToken?: string): Promise<OrderPage>;
  ordersById(ids: readonly string[]): Promise<PulledOrder[]>;
  cancellationPage(filter: CancellationSearchFilter, pageToken?: string): Promise<CancellationPage>;
  batchShip(packages: readonly BatchShipPackage[]): Promise<BatchShipResult>;
  getPackage(packageId: string): Promise<PlatformPackage>;
  /** The SHIPPING_LABEL (A6 PDF) of a shipped package: the link is asked for and downloaded at once. */
  fetchLabel(packageId: string): Promise<FetchedLabel>;
  approveCancellation(cancelId: string, idempotencyKey: string): Promise<void>;
  rejectCancellation(cancelId: string, idempotencyKey: string, request: RejectCancellationRequest): Promise<void>;
  rejectReasons(): Promise<string[]>;
  sellerCancel(request: SellerCancelRequest): Promise<void>;
  close(): Promise<void>;
}

export function tokenLife(tokens: ShopTokens): TokenLife {
  const { accessToken: _a, refreshToken: _r, ...life } = tokens;
  return life;
}

export function cancellationRecord(c: PlatformCancellation): CancellationRecord {
  const respond = (c.seller_next_action_response ?? []).find((a) => a.action === 'SELLER_RESPOND_CANCEL');
  return {
    id: c.cancel_id,
    orderId: c.order_id,
    status: c.cancel_status,
    type: c.cancel_type ?? '',
    role: c.role ?? '',
    reason: c.cancel_reason_text || c.cancel_reason || '',
    requestedAt: ms(c.create_time),
    answerBy: ms(respond?.deadline),
    updateTime: c.update_time ?? c.create_time ?? 0,
  };
}

export interface GatewayOptions extends Omit<PlatformClientOptions, 'saveTokens' | 'runtime'> {
  saveTokens: (tokens: ShopTokens) => Promise<void> | void;
  log?: (entry: PlatformLogEntry) => void;
  /** Tests shorten the client's waits; hosts leave the defaults. */
  runtime?: PlatformClientOptions['runtime'];
}

/** The platform client in this thread. */
export class DirectGateway implements PlatformGateway {
  private readonly client: PlatformClient;

  constructor(options: GatewayOptions) {
    const runtime = { ...options.runtime, ...(options.log ? { log: options.log } : {}) };
    this.client = new PlatformClient({ ...options, runtime });
  }

  async refreshIfDue(): Promise<TokenLife> {
    return tokenLife(await this.client.ensureFreshToken());
  }

  async orderPage(filter: OrderSearchFilter, pageToken?: string): Promise<OrderPage> {
    const page = await this.client.searchOrders(filter, {
      pageSize: ORDER_PAGE_SIZE,
      sortField: 'update_time',
      sortOrder: 'ASC',
      ...(pageToken ? { pageToken } : {}),
    });
    return { orders: page.items.map(pulledOrder), nextPageToken: page.nextPageToken };
  }

  async ordersById(ids: readonly string[]): Promise<PulledOrder[]> {
    return (await this.client.getOrders(ids)).map(pulledOrder);
  }

  async cancellationPage(filter: CancellationSearchFilter, pageToken?: string): Promise<CancellationPage> {
    const page = await this.client.searchCancellations(filter, {
      pageSize: CANCELLATION_PAGE_SIZE,
      sortField: 'update_time',
      sortOrder: 'ASC',
      ...(pageToken ? { pageToken } : {}),
    });
    return { items: page.items.map(cancellationRecord), nextPageToken: page.nextPageToken };
  }

  batchShip(packages: readonly BatchShipPackage[]): Promise<BatchShipResult> {
    return this.client.batchShip(packages);
  }

  getPackage(packageId: string): Promise<PlatformPackage> {
    return this.client.getPackage(packageId);
  }

  async fetchLabel(packageId: string): Promise<FetchedLabel> {
    const doc = await this.client.getShippingDocument(packageId, { type: 'SHIPPING_LABEL', size: 'A6' });
    // The link is a signed grant valid 24 h: it is used here and never stored or passed on.
    const pdf = await this.client.downloadDocument(doc.doc_url);
    return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), trackingNumber: doc.tracking_number ?? null };
  }

  approveCancellation(cancelId: string, idempotencyKey: string): Promise<void> {
    return this.client.approveCancellation(cancelId, idempotencyKey);
  }

  rejectCancellation(cancelId: string, idempotencyKey: string, request: RejectCancellationRequest): Promise<void> {
    return this.client.rejectCancellation(cancelId, idempotencyKey, request);
  }

  async rejectReasons(): Promise<string[]> {
    return (await this.client.rejectReasons()).map((r) => r.name);
  }

  async sellerCancel(request: SellerCancelRequest): Promise<void> {
    await this.client.sellerCancel(request);
  }

  async close(): Promise<void> {}
}
