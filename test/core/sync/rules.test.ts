import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../core/domain/clock.js';
import { PackdeskError } from '../../../core/domain/errors.js';
import { decideSyncLock, SYNC_LOCK_STALE_MS } from '../../../core/domain/sync-lock.js';
import { syncHeadline, type SyncFacts } from '../../../core/domain/sync-status.js';
import { nextDelay, outcomeOf } from '../../../core/sync/engine.js';
import { notConnected, syncBusy } from '../../../core/sync/errors.js';
import { chooseRejectReason, failureKind, idempotencyKey, retryDelay, sellerCenterLink } from '../../../core/sync/push-rules.js';
import { pullWindow } from '../../../core/sync/window.js';

const NOW = Date.UTC(2026, 10, 26, 10, 45);
const FACTS: SyncFacts = {
  connected: true,
  authNeeded: false,
  refreshTokenExpiresAt: NOW + 1e9,
  offlineSince: null,
  lastPullAt: NOW - MINUTE,
  lastPushAt: NOW - MINUTE,
  lastError: null,
  pending: 0,
  refused: 0,
  conflicts: 0,
};

describe('the status bar says only the truth', () => {
  it('Synced only with nothing waiting and a recent pull', () => {
    expect(syncHeadline(FACTS, NOW).text).toBe('Synced 10:44');
    expect(syncHeadline({ ...FACTS, pending: 3 }, NOW)).toMatchObject({ state: 'WAITING', text: '3 waiting — last synced 10:44' });
    expect(syncHeadline({ ...FACTS, lastPullAt: NOW - 6 * MINUTE }, NOW).state).toBe('WAITING');
    expect(syncHeadline({ ...FACTS, lastPullAt: null, lastPushAt: null }, NOW).text).toBe('0 waiting — not synced yet');
  });

  it('Not connected, Needs sign-in, Offline since, in that order of weight', () => {
    expect(syncHeadline({ ...FACTS, connected: false, pending: 4 }, NOW)).toMatchObject({ state: 'NOT_CONNECTED', text: 'Not connected to a shop' });
    expect(syncHeadline({ ...FACTS, authNeeded: true, offlineSince: NOW }, NOW)).toMatchObject({ state: 'NEEDS_SIGN_IN', text: 'Needs sign-in' });
    expect(syncHeadline({ ...FACTS, refreshTokenExpiresAt: NOW - 1 }, NOW).state).toBe('NEEDS_SIGN_IN');
    expect(syncHeadline({ ...FACTS, offlineSince: Date.UTC(2026, 10, 26, 10, 42), pending: 12 }, NOW)).toMatchObject({
      state: 'OFFLINE',
      text: 'Offline since 10:42 — 12 waiting',
      key: 'sync.state.offline',
      fields: { since: Date.UTC(2026, 10, 26, 10, 42), waiting: 12 },
    });
    expect(syncHeadline({ ...FACTS, lastError: { code: 'PLATFORM_CLOCK_SKEW', message: 'clock', at: NOW } }, NOW).state).toBe('PROBLEM');
    expect(syncHeadline(FACTS, NOW, 8 * 60).text).toBe('Synced 18:44');
  });
});

describe('one sync at a time across programs', () => {
  const me = { owner: 'me', pid: 10, host: 'bench' };
  const look = (alive: boolean) => ({ host: 'bench', now: NOW, pidAlive: () => alive });
  it('takes a free lock, keeps its own, waits for a live holder, takes over from a dead or silent one', () => {
    expect(decideSyncLock(null, me, look(true))).toEqual({ take: true, tookOverFrom: null });
    expect(decideSyncLock({ ...me, heartbeatAt: NOW - 1 }, me, look(true)).take).toBe(true);
    const other = { owner: 'cli', pid: 22, host: 'bench', heartbeatAt: NOW - 1000 };
    expect(decideSyncLock(other, me, look(true))).toEqual({ take: false, heldBy: other });
    expect(decideSyncLock(other, me, look(false))).toEqual({ take: true, tookOverFrom: other });
    const remote = { ...other, host: 'till-2' };
    expect(decideSyncLock(remote, me, look(false)).take).toBe(false);
    expect(decideSyncLock({ ...remote, heartbeatAt: NOW - SYNC_LOCK_STALE_MS - 1 }, me, look(true)).take).toBe(true);
  });
});

describe('the pull window', () => {
  const s = { backfillDays: 7, overlapMinutes: 5, lagSeconds: 5 };
  it('backfills the configured days first, then starts the overlap before the cursor, always ending a few seconds ago', () => {
    const now = NOW / 1000;
    expect(pullWindow(null, NOW, s)).toEqual({ from: now - 7 * 86_400, to: now - 5 });
    expect(pullWindow(null, NOW, { ...s, backfillDays: 500 })).toEqual({ from: now - 90 * 86_400, to: now - 5 });
    expect(pullWindow(now - 60, NOW, s)).toEqual({ from: now - 60 - 300, to: now - 5 });
  });
});

describe('push rules', () => {
  it('reads failures: unknown outcome first, then offline, sign-in, refused', () => {
    expect(failureKind(new PackdeskError('PLATFORM_UNREACHABLE', 'x', { outcomeUnknown: true }))).toBe('unknown');
    expect(failureKind(new PackdeskError('PLATFORM_UNREACHABLE', 'x', { outcomeUnknown: false }))).toBe('offline');
    expect(failureKind(new PackdeskError('PLATFORM_THROTTLED', 'x'))).toBe('offline');
    expect(failureKind(new PackdeskError('PLATFORM_AUTH_NEEDED', 'x'))).toBe('auth');
    expect(failureKind(new PackdeskError('PLATFORM_REJECTED', 'x', { platformCode: 21011007 }))).toBe('refused');
  });

  it('waits 5 s doubling to 5 min; keys stable per entry; a link to Seller Center; the "packed" reject reason', () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 300_000]);
    expect(idempotencyKey('0123456789abcdef', 42)).toBe('packdesk-0123456789abcdef-42');
    expect(sellerCenterLink('5764 01', 'GB')).toBe('https://seller-uk.tiktok.com/order/detail?order_no=5764%2001');
    expect(chooseRejectReason(['a', 'seller_reject_apply_product_has_been_packed'], null)).toBe('seller_reject_apply_product_has_been_packed');
    expect(chooseRejectReason(['a', 'b'], 'b')).toBe('b');
  });
});

describe('when the engine runs next', () => {
  it('every minute when well, backing off to 5 min offline, soon when another program syncs', () => {
    expect(nextDelay('ok', 0)).toBe(60_000);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => nextDelay('offline', n))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    expect(nextDelay('sign-in', 1)).toBe(300_000);
    expect(nextDelay(outcomeOf(syncBusy({ pid: 1, host: 'h' })), 1)).toBe(5_000);
    expect(outcomeOf(notConnected())).toBe('not-connected');
    expect(outcomeOf(new PackdeskError('PLATFORM_AUTH_NEEDED', 'token'))).toBe('sign-in');
  });
});
