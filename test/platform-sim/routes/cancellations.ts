/**
 * Cancellation requests: search, approve and reject (idempotent by idempotency_key: the same key
 * gets the first answer again and nothing is applied twice), reject reasons, and seller cancels.
 */
import { PlatformError, refuse } from '../codes.js';
import { approveCancellation, rejectCancellation, sellerCancel } from '../lifecycle.js';
import type { SimCancellation } from '../model.js';
import { pageOf, pageSizeOf, sortByKey } from '../paging.js';
import { cancellationJson } from '../serialize.js';
import { inWindow, jsonBody, oneOf, optionalNumber, optionalStrings, route, type CallContext, type Route } from './route.js';

const SCOPE = 'seller.return_refund.basic';

export const REJECT_REASONS = [
  { name: 'seller_reject_apply_product_has_been_packed', text: 'The product has been packed' },
  { name: 'seller_reject_apply_package_has_been_shipped', text: 'The package has been shipped' },
  { name: 'seller_reject_apply_buyer_agreed_to_keep', text: 'The buyer agreed to keep the order' },
] as const;

function search(ctx: CallContext): object {
  const { store, settings } = ctx.platform;
  const body = jsonBody<Record<string, unknown>>(ctx);
  const orderIds = optionalStrings(body.order_ids, 'order_ids');
  const cancelIds = optionalStrings(body.cancel_ids, 'cancel_ids');
  const statuses = optionalStrings(body.cancel_status, 'cancel_status');
  const types = optionalStrings(body.cancel_types, 'cancel_types');
  const [uGe, uLt] = [optionalNumber(body.update_time_ge, 'update_time_ge'), optionalNumber(body.update_time_lt, 'update_time_lt')];
  const [cGe, cLt] = [optionalNumber(body.create_time_ge, 'create_time_ge'), optionalNumber(body.create_time_lt, 'create_time_lt')];
  const wireStatus = (c: SimCancellation): string => (c.status === 'CLOSED' ? settings.closedCancelStatus : c.status);
  const keep = (c: SimCancellation): boolean =>
    c.shopCipher === ctx.shop!.cipher &&
    (!orderIds || orderIds.includes(c.orderId)) &&
    (!cancelIds || cancelIds.includes(c.id)) &&
    // Both spellings of the closed state find closed requests.
    (!statuses || statuses.includes(wireStatus(c)) || (c.status === 'CLOSED' && statuses.some((s) => s.startsWith('CANCELLATION_REQUEST_CANCEL')))) &&
    (!types || types.includes(c.type)) &&
    inWindow(c.updateTime, uGe, uLt) &&
    inWindow(c.createTime, cGe, cLt);
  const sortField = oneOf(ctx.query.get('sort_field'), ['create_time', 'update_time'] as const, 'create_time', 'sort_field');
  const sortOrder = oneOf(ctx.query.get('sort_order'), ['ASC', 'DESC'] as const, 'DESC', 'sort_order');
  const sorted = sortByKey(
    store.cancellations.values(),
    (c) => (sortField === 'update_time' ? c.updateTime : c.createTime),
    (c) => c.id,
  );
  const page = pageOf(sorted, keep, {
    pageSize: pageSizeOf(ctx.query.get('page_size'), 50),
    pageToken: ctx.query.get('page_token') || undefined,
    searchKey: JSON.stringify([ctx.shop!.cipher, sortField, sortOrder, orderIds, cancelIds, statuses, types, uGe, uLt, cGe, cLt]),
    ascending: sortOrder === 'ASC',
    mode: settings.paging,
  });
  return { cancellations: page.items.map((c) => cancellationJson(store, c)), next_page_token: page.nextPageToken, total_count: page.totalCount };
}

/** Runs `apply` once per idempotency key; a repeat gets the first answer, success or refusal. */
function once(ctx: CallContext, action: string, apply: () => object): object {
  const { idempotent, observer, settings } = ctx.platform;
  const key = ctx.query.get('idempotency_key');
  if (!key) {
    if (settings.requireIdempotencyKey) refuse('invalidParam', 'idempotency_key is required.');
    return apply();
  }
  const fingerprint = `${action} ${ctx.params.cancel_id}`;
  const seen = idempotent.get(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) refuse('invalidParam', 'This idempotency_key was used for another request.');
    observer.counters.idempotentReplays++;
    if (seen.data instanceof PlatformError) throw seen.data;
    return seen.data as object;
  }
  try {
    const data = apply();
    idempotent.set(key, { fingerprint, data });
    return data;
  } catch (error) {
    if (error instanceof PlatformError) idempotent.set(key, { fingerprint, data: error });
    throw error;
  }
}

function ownCancellation(ctx: CallContext): SimCancellation {
  const c = ctx.platform.store.cancellation(ctx.params.cancel_id!);
  if (c.shopCipher !== ctx.shop!.cipher) refuse('cancellationNotFound');
  return c;
}

export const cancellationRoutes: Route[] = [
  route('POST', '/return_refund/202309/cancellations/search', { scope: SCOPE, handle: search }),
  route('POST', '/return_refund/202309/cancellations/{cancel_id}/approve', {
    scope: SCOPE,
    handle: (ctx) =>
      once(ctx, 'approve', () => {
        const c = ownCancellation(ctx);
        approveCancellation(ctx.platform.store, c);
        ctx.platform.observer.bump('cancellationAnswers', c.id);
        return {};
      }),
  }),
  route('POST', '/return_refund/202309/cancellations/{cancel_id}/reject', {
    scope: SCOPE,
    handle(ctx) {
      const body = jsonBody<{ reject_reason: unknown; comment: unknown }>(ctx);
      if (!REJECT_REASONS.some((r) => r.name === body.reject_reason))
        refuse('invalidParam', 'reject_reason must be a name from GET /return_refund/202309/reject_reasons.');
      return once(ctx, 'reject', () => {
        const c = ownCancellation(ctx);
        rejectCancellation(ctx.platform.store, c, String(body.reject_reason));
        ctx.platform.observer.bump('cancellationAnswers', c.id);
        return {};
      });
    },
  }),
  route('GET', '/return_refund/202309/reject_reasons', { scope: SCOPE, handle: () => ({ reasons: REJECT_REASONS.map((r) => ({ ...r })) }) }),
  route('POST', '/return_refund/202309/cancellations', {
    scope: SCOPE,
    handle(ctx) {
      const body = jsonBody<{ order_id: unknown; cancel_reason: unknown; order_line_item_ids: unknown }>(ctx);
      if (typeof body.order_id !== 'string' || typeof body.cancel_reason !== 'string' || !body.cancel_reason)
        refuse('invalidParam', 'order_id and cancel_reason are required.');
      const order = ctx.platform.store.order(body.order_id);
      if (order.shopCipher !== ctx.shop!.cipher) refuse('orderNotFound');
      const c = sellerCancel(ctx.platform.store, order, body.cancel_reason, optionalStrings(body.order_line_item_ids, 'order_line_item_ids'));
      return { cancel_id: c.id, cancel_status: c.status };
    },
  }),
];
