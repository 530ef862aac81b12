/**
 * The rules of pushing outbox entries, apart from the calls: which kinds have a platform call,
 * how a failure is read, when to try again, and what an entry that needs the seller says. Pure.
 */
import { PackdeskError } from '../domain/errors.js';
import type { OutboxKind } from '../store/outbox.js';
import type { Refusal } from '../store/sync-outbox-repo.js';

/** Kinds that are Packdesk's own record: the platform has no call for them, so they are done at once. */
export const LOCAL_ONLY: Partial<Record<OutboxKind, string>> = {
  'order.packed': 'kept here: TikTok Shop has no call for packing',
  'order.unpacked': 'kept here: TikTok Shop has no call for packing',
  'order.short_packed': 'kept here: TikTok Shop has no call for a short-pack',
  'handover.closed': 'kept here: the carrier scan tells TikTok Shop of the handover',
  'sku.stock_zeroed': 'TikTok Shop sets the stock to 0 itself when the seller cancels',
};

/**
 * How a failed call is read:
 * - `unknown`: the platform may have acted (lost answer, timeout, 5xx): read it back first.
 * - `offline`: it never arrived or was throttled: the entry waits, the cycle stops.
 * - `auth`: sign-in needed: the entry waits, the cycle stops.
 * - `refused`: the platform said no for good: the entry is kept as refused for the user.
 */
export type FailureKind = 'unknown' | 'offline' | 'auth' | 'refused';

export function failureKind(err: unknown): FailureKind {
  if (!(err instanceof PackdeskError)) return 'unknown';
  const details = (err.details ?? {}) as { outcomeUnknown?: boolean };
  if (details.outcomeUnknown) return 'unknown';
  switch (err.code) {
    case 'PLATFORM_UNREACHABLE':
    case 'PLATFORM_THROTTLED':
      return 'offline';
    case 'PLATFORM_AUTH_NEEDED':
    case 'CREDENTIALS_UNAVAILABLE':
    case 'PLATFORM_CLOCK_SKEW':
      return 'auth';
    default:
      return 'refused';
  }
}

/** The platform's code and message out of a refusal, for the entry. */
export function refusalOf(err: unknown): Refusal {
  if (err instanceof PackdeskError) {
    const d = (err.details ?? {}) as { platformCode?: number; platformMessage?: string };
    return { code: err.code, platformCode: d.platformCode ?? null, message: d.platformMessage || err.message, link: null };
  }
  return { code: 'INTERNAL', platformCode: null, message: err instanceof Error ? err.message : String(err), link: null };
}

/** Per-package errors of a batch ship that may pass on their own (the platform's timeout and internal error). */
export const TRANSIENT_PLATFORM_CODES: readonly number[] = [36009003, 36009007, 36009002];

/** Waits between tries of an entry that failed for a passing reason: 5 s doubling to 5 min. */
export function retryDelay(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/** An entry that failed this often for reasons that are not "offline" is given to the user as refused. */
export const MAX_ODD_FAILURES = 8;

/**
 * The key the platform deduplicates an answer by: the outbox entry's id, made unique across
 * databases by this database's instance id. The same on every retry, in every process.
 */
export function idempotencyKey(instanceId: string, entryId: number): string {
  return `packdesk-${instanceId}-${entryId}`;
}

/** Seller Center's order page: where the seller does what the API cannot (redelivery). */
export function sellerCenterLink(orderId: string, region: string | null): string {
  const host = region === 'GB' ? 'seller-uk.tiktok.com' : region === 'US' ? 'seller-us.tiktok.com' : 'seller.tiktokglobalshop.com';
  return `https://${host}/order/detail?order_no=${encodeURIComponent(orderId)}`;
}

export function sellerCenterOnly(orderId: string, region: string | null): Refusal {
  return {
    code: 'SELLER_CENTER_ONLY',
    platformCode: null,
    message: `TikTok Shop's API has no call to request redelivery: request it for order ${orderId} in Seller Center, then discard this entry.`,
    link: sellerCenterLink(orderId, region),
  };
}

/** The reject reason to send: the shop's choice, else the platform's "already packed" reason, else its first. */
export function chooseRejectReason(names: readonly string[], preferred: string | null): string | null {
  if (preferred && names.includes(preferred)) return preferred;
  return names.find((n) => /packed/i.test(n)) ?? names[0] ?? preferred;
}
