/** Order search (paged by opaque tokens) and order detail. */
import { refuse } from '../codes.js';
import type { OrderStatus, SimOrder } from '../model.js';
import { pageOf, pageSizeOf } from '../paging.js';
import { orderJson } from '../serialize.js';
import { inWindow, jsonBody, oneOf, optionalNumber, route, type CallContext, type Route } from './route.js';

const STATUSES: readonly OrderStatus[] = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
];

interface SearchBody {
  update_time_ge: unknown;
  update_time_lt: unknown;
  create_time_ge: unknown;
  create_time_lt: unknown;
  order_status: unknown;
  is_buyer_request_cancel: unknown;
  shipping_type: unknown;
}

function searchFilter(ctx: CallContext): { key: object; keep: (o: SimOrder) => boolean } {
  const body = jsonBody<SearchBody>(ctx);
  const f = {
    updateGe: optionalNumber(body.update_time_ge, 'update_time_ge'),
    updateLt: optionalNumber(body.update_time_lt, 'update_time_lt'),
    createGe: optionalNumber(body.create_time_ge, 'create_time_ge'),
    createLt: optionalNumber(body.create_time_lt, 'create_time_lt'),
    status: body.order_status === undefined ? undefined : oneOf(String(body.order_status), STATUSES, 'UNPAID', 'order_status'),
    cancelRequested: body.is_buyer_request_cancel,
    shippingType: body.shipping_type,
  };
  if (f.cancelRequested !== undefined && typeof f.cancelRequested !== 'boolean') refuse('invalidParam', 'is_buyer_request_cancel must be a boolean.');
  const store = ctx.platform.store;
  return {
    key: f,
    keep: (o) =>
      o.shopCipher === ctx.shop!.cipher &&
      inWindow(o.updateTime, f.updateGe, f.updateLt) &&
      inWindow(o.createTime, f.createGe, f.createLt) &&
      (f.status === undefined || o.status === f.status) &&
      (f.cancelRequested === undefined || (store.pendingCancellation(o) !== undefined) === f.cancelRequested) &&
      (f.shippingType === undefined || o.shippingType === f.shippingType),
  };
}

export const orderRoutes: Route[] = [
  route('POST', '/order/202309/orders/search', {
    scope: 'seller.order.info',
    handle(ctx) {
      const store = ctx.platform.store;
      const sortField = oneOf(ctx.query.get('sort_field'), ['create_time', 'update_time'] as const, 'create_time', 'sort_field');
      const sortOrder = oneOf(ctx.query.get('sort_order'), ['ASC', 'DESC'] as const, 'DESC', 'sort_order');
      const pageSize = pageSizeOf(ctx.query.get('page_size'), 100);
      const filter = searchFilter(ctx);
      const page = pageOf(store.ordersBy(sortField), filter.keep, {
        pageSize,
        pageToken: ctx.query.get('page_token') || undefined,
        searchKey: JSON.stringify([ctx.shop!.cipher, sortField, sortOrder, filter.key]),
        ascending: sortOrder === 'ASC',
        mode: ctx.platform.settings.paging,
      });
      return { next_page_token: page.nextPageToken, total_count: page.totalCount, orders: page.items.map((o) => orderJson(store, o)) };
    },
  }),
  route('GET', '/order/202309/orders', {
    scope: 'seller.order.info',
    handle(ctx) {
      const ids = (ctx.query.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 50) refuse('invalidParam', 'ids must name 1 to 50 orders, comma-separated.');
      const store = ctx.platform.store;
      const orders = ids.map((id) => store.orders.get(id)).filter((o): o is SimOrder => o?.shopCipher === ctx.shop!.cipher);
      return { orders: orders.map((o) => orderJson(store, o)) };
    },
  }),
];
