/** The sync's own failures, under the core's error codes with a `details.reason` (views.ts SYNC_REASONS). */
import { PackdeskError } from '../domain/errors.js';
import type { ShopChoice, SyncReason } from './views.js';

export function notConnected(message = 'No shop is connected: connect one first (shop connect).'): PackdeskError {
  return new PackdeskError('PLATFORM_AUTH_NEEDED', message, { reason: 'not-connected' satisfies SyncReason });
}

export function shopChoice(message: string, shops: ShopChoice[]): PackdeskError {
  return new PackdeskError('INVALID_INPUT', message, { reason: 'shop-choice' satisfies SyncReason, shops });
}

export function syncBusy(holder: { pid: number; host: string }): PackdeskError {
  return new PackdeskError(
    'CONFLICT',
    `Another Packdesk program (pid ${holder.pid} on ${holder.host}) is syncing with the shop right now; try again in a moment.`,
    {
      reason: 'sync-busy' satisfies SyncReason,
      pid: holder.pid,
      host: holder.host,
    },
  );
}

export function reasonOf(err: unknown): SyncReason | null {
  if (!(err instanceof PackdeskError)) return null;
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? (reason as SyncReason) : null;
}
