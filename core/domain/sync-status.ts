/**
 * What the status bar says about the sync — only the truth: "Synced" only when nothing waits to
 * be sent and the last pull succeeded recently. Pure; the screens translate `key` with `fields`,
 * the CLI prints `text`.
 */
import { MINUTE } from './clock.js';
import type { Millis } from './types.js';

export const SYNC_STATES = ['NOT_CONNECTED', 'NEEDS_SIGN_IN', 'OFFLINE', 'PROBLEM', 'WAITING', 'SYNCED'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncFacts {
  connected: boolean;
  authNeeded: boolean;
  /** The refresh token's expiry (ms), when known: past it only a new sign-in helps. */
  refreshTokenExpiresAt: Millis | null;
  offlineSince: Millis | null;
  lastPullAt: Millis | null;
  lastPushAt: Millis | null;
  lastError: { code: string; message: string; at: Millis } | null;
  /** Outbox entries the platform has not accepted yet. */
  pending: number;
  refused: number;
  conflicts: number;
}

export interface SyncHeadline {
  state: SyncState;
  /** An i18n key: sync.state.notConnected, sync.state.needsSignIn, sync.state.offline, sync.state.problem, sync.state.waiting, sync.state.synced. */
  key: string;
  fields: { time?: Millis; since?: Millis; waiting?: number; code?: string };
  /** The same in English, for the CLI and logs. */
  text: string;
}

/** A pull older than this no longer counts as "synced". */
export const SYNCED_RECENTLY_MS = 5 * MINUTE;

function clock(ms: Millis, tzOffsetMinutes: number): string {
  return new Date(ms + tzOffsetMinutes * MINUTE).toISOString().slice(11, 16);
}

export function syncHeadline(f: SyncFacts, now: Millis, tzOffsetMinutes = 0): SyncHeadline {
  const waiting = f.pending;
  if (!f.connected) return { state: 'NOT_CONNECTED', key: 'sync.state.notConnected', fields: { waiting }, text: 'Not connected to a shop' };
  if (f.authNeeded || (f.refreshTokenExpiresAt !== null && f.refreshTokenExpiresAt <= now)) {
    return { state: 'NEEDS_SIGN_IN', key: 'sync.state.needsSignIn', fields: { waiting }, text: 'Needs sign-in' };
  }
  if (f.offlineSince !== null) {
    const text = `Offline since ${clock(f.offlineSince, tzOffsetMinutes)}${waiting ? ` — ${waiting} waiting` : ''}`;
    return { state: 'OFFLINE', key: 'sync.state.offline', fields: { since: f.offlineSince, waiting }, text };
  }
  if (f.lastError) {
    return { state: 'PROBLEM', key: 'sync.state.problem', fields: { code: f.lastError.code, waiting }, text: `Sync problem: ${f.lastError.message}` };
  }
  const last = Math.max(f.lastPullAt ?? 0, f.lastPushAt ?? 0) || null;
  if (waiting === 0 && f.lastPullAt !== null && now - f.lastPullAt <= SYNCED_RECENTLY_MS) {
    return { state: 'SYNCED', key: 'sync.state.synced', fields: { time: f.lastPullAt }, text: `Synced ${clock(f.lastPullAt, tzOffsetMinutes)}` };
  }
  const since = last === null ? 'not synced yet' : `last synced ${clock(last, tzOffsetMinutes)}`;
  return { state: 'WAITING', key: 'sync.state.waiting', fields: { waiting, ...(last !== null ? { time: last } : {}) }, text: `${waiting} waiting — ${since}` };
}
