import { ORDER_STATUSES, type OrderStatus } from '../domain/types.js';

/**
 * Status words as Seller Center shows them, in English and Chinese; the first English word is
 * the one Packdesk writes when it exports. The API's own names (AWAITING_SHIPMENT …) are added
 * below, so a file written by an API tool imports too.
 */
const STATUS_WORDS: Record<OrderStatus, readonly string[]> = {
  UNPAID: ['Unpaid', 'Awaiting payment', 'Pending payment', '未付款', '待付款', '待支付'],
  ON_HOLD: ['On hold', '暂停', '风控中', '等待中', '保留中'],
  AWAITING_SHIPMENT: ['Awaiting shipment', 'To ship', 'Awaiting shipping', '待发货', '待发运', '待出货'],
  PARTIALLY_SHIPPING: ['Partially shipping', 'Partially shipped', 'Partial shipment', '部分发货', '部分发运'],
  AWAITING_COLLECTION: ['Awaiting collection', 'Ready to ship', 'Awaiting pickup', '待揽收', '待取件', '待收件'],
  IN_TRANSIT: ['In transit', 'Shipped', '运输中', '已发货', '已发出', '配送中'],
  DELIVERY_FAILED: ['Delivery failed', "Delivery can't be completed", 'Delivery cannot be completed', 'Failed delivery', '派送失败', '配送失败', '投递失败'],
  DELIVERED: ['Delivered', '已签收', '已送达', '已妥投'],
  COMPLETED: ['Completed', 'Complete', '已完成', '交易完成'],
  CANCELLED: ['Cancelled', 'Canceled', '已取消'],
};

/**
 * Folds case, width, spaces, "_", "-" and apostrophes (straight or curly) away. No status word is
 * long: a longer text is none, and is never run through the regular expression (over megabytes of
 * two-byte text it overflows V8's stack).
 */
function statusKey(text: string): string {
  if (text.length > MAX_STATUS_CHARS) return '';
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const MAX_STATUS_CHARS = 100;

const BY_KEY = new Map<string, OrderStatus>();
for (const status of ORDER_STATUSES) {
  BY_KEY.set(statusKey(status), status);
  for (const word of STATUS_WORDS[status]) BY_KEY.set(statusKey(word), status);
}

/** Files repeat a handful of status texts thousands of times: remember the ones already folded. */
const SEEN = new Map<string, OrderStatus>();

export function statusFromText(text: string): OrderStatus | null {
  const seen = SEEN.get(text);
  if (seen) return seen;
  const key = statusKey(text);
  const status = key === '' ? null : (BY_KEY.get(key) ?? null);
  if (status && SEEN.size < 1000) SEEN.set(text, status);
  return status;
}

export function statusWord(status: OrderStatus): string {
  return STATUS_WORDS[status][0]!;
}

/** Words that say a buyer's cancellation request is pending ("Cancellation requested", 取消申请中 …). */
const CANCEL_REQUEST =
  /cancel\w*\s*(request|pending|apply|applied|applying)|request\w*\s*(to\s*)?cancel|pending\s*cancel|awaiting\s*cancel|取消申请|申请取消|请求取消|待取消/i;
/** A request that was answered is no longer pending. */
const ANSWERED = /reject|declin|withdr[ae]w|revok|拒绝|撤销|撤回|已处理/i;

export function saysCancelRequested(text: string): boolean {
  return text !== '' && CANCEL_REQUEST.test(text) && !ANSWERED.test(text);
}

export const CANCEL_REQUESTED_WORD = 'Cancellation requested';
