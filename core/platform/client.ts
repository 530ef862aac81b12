/**
 * The TikTok Shop calls Packdesk's sync makes, typed after PLATFORM-API.md and checked with zod.
 * Answers keep the API's own shapes; turning them into Packdesk orders is the sync's job.
 */
import { z } from 'zod';
import { PackdeskError, fail } from '../domain/errors.js';
import { PlatformHttp, type PlatformRequest, type Repeat } from './http.js';
import { followPages, type Page } from './paging.js';
import { Redactor } from './redact.js';
import { DEFAULT_API_BASE, DEFAULT_AUTH_BASE, makeRuntime, type PlatformRuntime, type RuntimeOptions } from './runtime.js';
import { authorizedShopsSchema, type AuthorizedShop } from './schemas/auth.js';
import {
  cancellationPageSchema,
  rejectReasonsSchema,
  sellerCancelSchema,
  type CancellationSearchFilter,
  type PlatformCancellation,
  type RejectCancellationRequest,
  type RejectReason,
  type SellerCancelRequest,
} from './schemas/cancellations.js';
import {
  batchShipSchema,
  packageDetailSchema,
  shippingDocumentSchema,
  type BatchShipPackage,
  type PlatformPackage,
  type ShipPackageRequest,
  type ShippingDocument,
} from './schemas/fulfillment.js';
import { orderDetailSchema, orderPageSchema, type OrderSearchFilter, type PlatformOrder } from './schemas/orders.js';
import type { Query } from './signing.js';
import { exchangeAuthCode, refreshTokens, TokenKeeper, type ShopTokens } from './tokens.js';

export interface PlatformConnection {
  appKey: string;
  appSecret: string;
  /** Defaults to the real API host; the simulator's address in tests. */
  apiBase?: string;
  /** Defaults to the real token host. */
  authBase?: string;
}

export interface PlatformClientOptions extends PlatformConnection {
  /** From the authorised shops (`listAuthorizedShops`); needed by every shop call. */
  shopCipher?: string | null;
  tokens: ShopTokens;
  /** Called with every refreshed pair before it is used; store it (the refresh token may rotate). */
  saveTokens: (tokens: ShopTokens) => Promise<void> | void;
  runtime?: RuntimeOptions;
}

export interface CallOptions {
  /** Stops the call (and its retries) when the host shuts down. */
  signal?: AbortSignal;
}

export interface PageRequest {
  pageSize?: number;
  pageToken?: string;
  sortField?: 'create_time' | 'update_time';
  sortOrder?: 'ASC' | 'DESC';
}

export interface BatchShipResult {
  /** Packages the platform reported no error for. */
  shipped: string[];
  failed: { packageId: string; code: number; message: string }[];
  /** Errors naming no package: the packages in `unknown` must be read back before any retry. */
  unattributed: { code: number; message: string }[];
  unknown: string[];
}

/** Order detail takes at most this many ids a call. */
export const ORDER_DETAIL_MAX_IDS = 50;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

function http(connection: PlatformConnection, runtime: PlatformRuntime): PlatformHttp {
  const config = { ...connection, apiBase: connection.apiBase ?? DEFAULT_API_BASE, authBase: connection.authBase ?? DEFAULT_AUTH_BASE };
  return new PlatformHttp(config, runtime, new Redactor());
}

/** Trades the auth code from the seller's authorisation for the shop's first tokens. */
export function signIn(connection: PlatformConnection & { authCode: string; runtime?: RuntimeOptions }): Promise<ShopTokens> {
  const runtime = makeRuntime(connection.runtime);
  return exchangeAuthCode(http(connection, runtime), connection.appKey, connection.appSecret, connection.authCode, runtime.clock.now());
}

export class PlatformClient {
  private readonly http: PlatformHttp;
  private readonly runtime: PlatformRuntime;
  private readonly keeper: TokenKeeper;
  private shopCipher: string | null;

  constructor(options: PlatformClientOptions) {
    this.runtime = makeRuntime(options.runtime);
    this.http = http(options, this.runtime);
    this.shopCipher = options.shopCipher ?? null;
    const { appKey, appSecret } = options;
    this.http.redactor.add(options.tokens.accessToken, options.tokens.refreshToken);
    this.keeper = new TokenKeeper({
      tokens: options.tokens,
      save: options.saveTokens,
      refresh: (refreshToken) => refreshTokens(this.http, appKey, appSecret, refreshToken, this.runtime.clock.now()),
      clock: this.runtime.clock,
      log: (entry) => this.http.log(entry),
      redact: (text) => this.http.redactor.text(text),
    });
  }

  /** Chooses the shop for shop calls once it is known (connecting: after `listAuthorizedShops`). */
  useShop(shopCipher: string): void {
    if (!shopCipher) fail('INVALID_INPUT', 'A shop cipher is empty.');
    this.shopCipher = shopCipher;
  }

  /** The tokens in use (after any refresh), for "token valid until …". */
  tokens(): ShopTokens {
    return this.keeper.current();
  }

  /** Refreshes now if the token is close to expiry; the sync's first step. */
  async ensureFreshToken(): Promise<ShopTokens> {
    await this.keeper.accessToken();
    return this.keeper.current();
  }

  /** Shops this authorisation covers, with the cipher each shop call needs. */
  async listAuthorizedShops(options: CallOptions = {}): Promise<AuthorizedShop[]> {
    const data = await this.call({ method: 'GET', path: '/authorization/202309/shops', repeat: 'safe', schema: authorizedShopsSchema }, options, false);
    return data.shops ?? [];
  }

  async searchOrders(filter: OrderSearchFilter, page: PageRequest = {}, options: CallOptions = {}): Promise<Page<PlatformOrder>> {
    const data = await this.shop(
      { method: 'POST', path: '/order/202309/orders/search', query: pageQuery(page, 100), body: filter, repeat: 'safe', schema: orderPageSchema },
      options,
    );
    return { items: data.orders ?? [], nextPageToken: data.next_page_token || null, totalCount: data.total_count ?? null };
  }

  /** Every page of a search, in order; a repeated page token is PLATFORM_BAD_RESPONSE. */
  orderPages(filter: OrderSearchFilter, page: Omit<PageRequest, 'pageToken'> = {}, options: CallOptions = {}): AsyncGenerator<Page<PlatformOrder>> {
    return followPages((pageToken) => this.searchOrders(filter, { ...page, ...(pageToken ? { pageToken } : {}) }, options));
  }

  /** Full orders by id, asked for in chunks of 50. */
  async getOrders(ids: readonly string[], options: CallOptions = {}): Promise<PlatformOrder[]> {
    const orders: PlatformOrder[] = [];
    for (let i = 0; i < ids.length; i += ORDER_DETAIL_MAX_IDS) {
      const chunk = ids.slice(i, i + ORDER_DETAIL_MAX_IDS);
      const data = await this.shop({ method: 'GET', path: '/order/202309/orders', query: { ids: chunk }, repeat: 'safe', schema: orderDetailSchema }, options);
      orders.push(...(data.orders ?? []));
    }
    return orders;
  }

  /**
   * Arranges shipment of one package. There is no idempotency key: when the answer is lost the
   * error has `details.outcomeUnknown`, and the caller reads the package before trying again.
   */
  async shipPackage(packageId: string, request: ShipPackageRequest, options: CallOptions = {}): Promise<void> {
    await this.shop(
      { method: 'POST', path: `/fulfillment/202309/packages/${segment(packageId)}/ship`, body: request, repeat: 'once', schema: z.unknown() },
      options,
    );
  }

  /** Ships several packages in one call; the platform answers code 0 with an error per failed package. */
  async batchShip(packages: readonly BatchShipPackage[], options: CallOptions = {}): Promise<BatchShipResult> {
    if (packages.length === 0) return { shipped: [], failed: [], unattributed: [], unknown: [] };
    const data = await this.shop(
      { method: 'POST', path: '/fulfillment/202309/packages/ship', body: { packages }, repeat: 'once', schema: batchShipSchema },
      options,
    );
    const errors = (data?.errors ?? []).map((e) => ({ ...e, message: this.http.redactor.text(e.message ?? '') }));
    return batchResult(
      packages.map((p) => p.id),
      errors,
    );
  }

  async getPackage(packageId: string, options: CallOptions = {}): Promise<PlatformPackage> {
    return this.shop({ method: 'GET', path: `/fulfillment/202309/packages/${segment(packageId)}`, repeat: 'safe', schema: packageDetailSchema }, options);
  }

  /** The label link (valid 24 h). While the platform is still making it: PLATFORM_LABEL_NOT_READY. */
  async getShippingDocument(packageId: string, document: { type?: string; size?: string } = {}, options: CallOptions = {}): Promise<ShippingDocument> {
    const query = { document_type: document.type ?? 'SHIPPING_LABEL', document_size: document.size ?? 'A6' };
    const path = `/fulfillment/202309/packages/${segment(packageId)}/shipping_documents`;
    return this.shop({ method: 'GET', path, query, repeat: 'safe', schema: shippingDocumentSchema }, options);
  }

  /** The label PDF behind a doc_url, checked to be a PDF and not larger than the runtime's limit. */
  async downloadDocument(docUrl: string, options: CallOptions = {}): Promise<Buffer> {
    const bytes = await this.http.download(docUrl, this.runtime.maxDocumentBytes, options.signal);
    if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
      throw new PackdeskError('PLATFORM_BAD_RESPONSE', `The label TikTok Shop linked to is not a PDF (${bytes.length} bytes).`, { bytes: bytes.length });
    }
    return bytes;
  }

  async searchCancellations(filter: CancellationSearchFilter, page: PageRequest = {}, options: CallOptions = {}): Promise<Page<PlatformCancellation>> {
    const path = '/return_refund/202309/cancellations/search';
    const data = await this.shop({ method: 'POST', path, query: pageQuery(page, 50), body: filter, repeat: 'safe', schema: cancellationPageSchema }, options);
    return { items: data.cancellations ?? [], nextPageToken: data.next_page_token || null, totalCount: data.total_count ?? null };
  }

  cancellationPages(
    filter: CancellationSearchFilter,
    page: Omit<PageRequest, 'pageToken'> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<PlatformCancellation>> {
    return followPages((pageToken) => this.searchCancellations(filter, { ...page, ...(pageToken ? { pageToken } : {}) }, options));
  }

  /** Accepts a buyer's cancellation; the same `idempotencyKey` (the outbox entry's id) on every retry. */
  async approveCancellation(cancelId: string, idempotencyKey: string, options: CallOptions = {}): Promise<void> {
    const path = `/return_refund/202309/cancellations/${segment(cancelId)}/approve`;
    await this.shop({ method: 'POST', path, query: { idempotency_key: key(idempotencyKey) }, repeat: 'safe', schema: z.unknown() }, options);
  }

  async rejectCancellation(cancelId: string, idempotencyKey: string, request: RejectCancellationRequest, options: CallOptions = {}): Promise<void> {
    const path = `/return_refund/202309/cancellations/${segment(cancelId)}/reject`;
    await this.shop({ method: 'POST', path, query: { idempotency_key: key(idempotencyKey) }, body: request, repeat: 'safe', schema: z.unknown() }, options);
  }

  async rejectReasons(query: Query = {}, options: CallOptions = {}): Promise<RejectReason[]> {
    const data = await this.shop({ method: 'GET', path: '/return_refund/202309/reject_reasons', query, repeat: 'safe', schema: rejectReasonsSchema }, options);
    return (data.reasons ?? []).map((r) => ({ name: r.name, text: r.text ?? null }));
  }

  /** The seller cancels an order (stock of the product drops to 0 on the platform: warn first). */
  async sellerCancel(request: SellerCancelRequest, options: CallOptions = {}): Promise<{ cancelId: string | null; cancelStatus: string | null }> {
    const data = await this.shop(
      { method: 'POST', path: '/return_refund/202309/cancellations', body: request, repeat: 'once', schema: sellerCancelSchema },
      options,
    );
    return { cancelId: data?.cancel_id ?? null, cancelStatus: data?.cancel_status ?? null };
  }

  private shop<T>(req: ClientRequest<T>, options: CallOptions): Promise<T> {
    return this.call(req, options, true);
  }

  private call<T>(req: ClientRequest<T>, options: CallOptions, withCipher: boolean): Promise<T> {
    if (withCipher && !this.shopCipher) fail('INVALID_INPUT', 'No shop is chosen for this connection (shop cipher missing): connect the shop again.');
    const query = withCipher ? { ...req.query, shop_cipher: this.shopCipher } : req.query;
    const full: PlatformRequest<T> = {
      ...req,
      host: 'api',
      signed: true,
      token: this.keeper,
      ...(query ? { query } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    return this.http.request(full);
  }
}

type ClientRequest<T> = { method: 'GET' | 'POST'; path: string; query?: Query; body?: unknown; repeat: Repeat; schema: z.ZodType<T> };

function pageQuery(page: PageRequest, max: number): Query {
  const pageSize = page.pageSize ?? max;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > max) fail('INVALID_INPUT', `Page size must be 1–${max}, not ${pageSize}.`);
  return { page_size: pageSize, page_token: page.pageToken, sort_field: page.sortField ?? 'update_time', sort_order: page.sortOrder ?? 'ASC' };
}

function segment(id: string): string {
  if (!id) fail('INVALID_INPUT', 'An id is empty.');
  return encodeURIComponent(id);
}

function key(idempotencyKey: string): string {
  if (!idempotencyKey) fail('INVALID_INPUT', 'An idempotency key is required.');
  return idempotencyKey;
}

function batchResult(ids: string[], errors: { code: number; message?: string | null; detail?: { package_id?: string | null } | null }[]): BatchShipResult {
  const failed: BatchShipResult['failed'] = [];
  const unattributed: BatchShipResult['unattributed'] = [];
  for (const e of errors) {
    const packageId = e.detail?.package_id;
    if (packageId) failed.push({ packageId, code: e.code, message: e.message ?? '' });
    else unattributed.push({ code: e.code, message: e.message ?? '' });
  }
  const failedIds = new Set(failed.map((f) => f.packageId));
  const rest = ids.filter((id) => !failedIds.has(id));
  return unattributed.length > 0 ? { shipped: [], failed, unattributed, unknown: rest } : { shipped: rest, failed, unattributed, unknown: [] };
}
