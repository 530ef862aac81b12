import type { Method } from '../../../core/api/contract.js';

/**
 * How long a call may go unanswered before it fails with STATION_NOT_ANSWERING. Generous: a
 * station that has stopped answering shows within seconds through the liveness check in
 * client.ts; this only bounds a call that never comes back, so no screen waits forever.
 */
export const CALL_TIMEOUT_MS = 60_000;

/** Calls that work through a whole file or batch by design. */
const LONG_CALLS: Partial<Record<Method, number>> = {
  'import.orders': 10 * 60_000,
  'import.catalogue': 10 * 60_000,
  'export.orders': 10 * 60_000,
  'printing.batch': 30 * 60_000,
  'printing.resume': 30 * 60_000,
  'shipping.arrange': 10 * 60_000,
  // A label (a printer may be slow to take it), then the platform's shipment call.
  'packing.finish': 3 * 60_000,
  'demo.load': 10 * 60_000,
  'picklist.build': 5 * 60_000,
  'printing.pickList': 5 * 60_000,
  'orders.applyAutomaticRules': 5 * 60_000,
};

export function callTimeoutMs(method: Method): number {
  return LONG_CALLS[method] ?? CALL_TIMEOUT_MS;
}
