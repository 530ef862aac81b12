/**
 * What the sync shows the screens and the CLI. Nothing here is secret. Browser-safe (the renderer
 * and the API contract import these types): no Node module may be imported here.
 */
import type { SyncHeadline } from '../domain/sync-status.js';
import type { ConflictKind } from '../domain/sync-merge.js';
import type { HandoverMethod } from '../shared/vocabulary.js';

/**
 * Sync failures are told apart by `details.reason` under the core's existing codes:
 * - not-connected (PLATFORM_AUTH_NEEDED): no shop is connected — connect one;
 * - shop-choice (INVALID_INPUT): the authorisation covers several shops — `details.shops` lists them;
 * - sync-busy (CONFLICT): another Packdesk program is syncing this database right now.
 */
export const SYNC_REASONS = ['not-connected', 'shop-choice', 'sync-busy'] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

export const ENTRY_STATES = ['pending', 'sending', 'done', 'refused', 'discarded'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** Why the platform (or Packdesk, for an entry no call exists for) will not take an entry. */
export interface Refusal {
  /** A Packdesk error code, or a sync reason: SELLER_CENTER_ONLY, TRACKING_NUMBER_NEEDED, NO_CANCEL_REQUEST. */
  code: string;
  /** The platform's own code, when it refused. */
  platformCode: number | null;
  message: string;
  /** Where the seller can do it by hand (Seller Center), when Packdesk cannot. */
  link: string | null;
}

/** An outbox entry as the screens and the CLI list it. */
export interface EntryView {
  id: number;
  /** order.shipment_arranged, order.cancellation_accepted, … (core/store/outbox.ts OUTBOX_KINDS). */
  kind: string;
  orderId: string | null;
  state: EntryState;
  at: number;
  attempts: number;
  stateAt: number | null;
  nextAttemptAt: number | null;
  lastError: string | null;
  doneReason: string | null;
  refusal: Refusal | null;
}

/** What one cycle did (`sync.now`, the CLI's `sync --json`). */
export interface CycleSummary {
  /** Orders the platform sent in the pull window. */
  pulled: number;
  /** Orders inserted or changed here by the pull. */
  changed: number;
  /** Outbox entries the platform accepted (or that needed no call) in this cycle. */
  pushed: number;
  labels: number;
  cancellations: number;
  /** Entries still waiting for the platform after the cycle. */
  pending: number;
  /** Entries the platform refused, waiting for the user's retry or discard. */
  refused: number;
  refusedEntries: EntryView[];
  conflicts: number;
  /** The access token's expiry after the cycle (ms). */
  tokenValidUntil: number;
}

/** The shop's sync settings (`sync.settings`). */
export interface SyncSettings {
  /** The first pull reads orders updated in the last this many days (1–90). */
  backfillDays: number;
  /**
   * Off by default. On: "Get labels now" may arrange shipment before packing, so the bench can
   * print the platform's labels offline — at the price of starting the 72 h collection clock.
   */
  arrangeAhead: boolean;
  /** How parcels reach the carrier; sent with every shipment. */
  handoverMethod: HandoverMethod;
  /** The reason sent when rejecting a buyer's cancellation (a name from the platform's list); null picks one. */
  rejectReason: string | null;
}

/** The shop connection as the screens and the CLI see it (`shop.status`): no secret in it. */
export interface ShopStatusView {
  connected: boolean;
  shop: { id: string | null; name: string | null; region: string | null; cipher: string | null } | null;
  sellerName: string | null;
  appKey: string | null;
  apiBase: string | null;
  authBase: string | null;
  connectedAt: number | null;
  /** "Token valid until …" (ms). */
  accessTokenExpiresAt: number | null;
  refreshTokenExpiresAt: number | null;
  grantedScopes: string[];
  /** Where the secrets are kept on this computer (keychain, safe-storage, file), with a warning for a plain file. */
  credentials: { backend: string; warning: { code: 'CREDENTIALS_IN_FILE'; path: string; message: string } | null } | null;
}

/** A shop the authorisation covers, offered (details.shops, reason shop-choice) when more than one is. */
export interface ShopChoice {
  id: string;
  name: string;
  region: string | null;
  cipher: string;
}

/** The status bar's truth, sent as the `sync.status` event and answered by the `sync.status` method. */
export interface SyncStatusView extends SyncHeadline {
  /** A cycle is running (here, or in another Packdesk program on this database). */
  running: boolean;
  shop: { id: string | null; name: string | null; region: string | null } | null;
  /** The access token's expiry (ms): "token valid until …". */
  tokenValidUntil: number | null;
  /** The refresh token's expiry (ms): past it, the shop must be connected again. */
  signInValidUntil: number | null;
  lastPullAt: number | null;
  lastPushAt: number | null;
  lastCycleAt: number | null;
  offlineSince: number | null;
  lastError: { code: string; message: string; at: number } | null;
  /** Outbox entries not yet accepted by the platform. */
  pending: number;
  /** Entries the platform refused, waiting for retry or discard. */
  refused: number;
  /** Open conflicts (banners). */
  conflicts: number;
  /** The same as `pending` (kept for the status bar of earlier builds). */
  pendingOutbox: number;
}

/** A conflict as the banners and the CLI show it. */
export interface ConflictView {
  id: number;
  orderId: string;
  kind: ConflictKind;
  raisedAt: number;
  /** An i18n key for the banner: sync.conflict.CANCELLED_WHILE_PACKING, …; `text` is the English. */
  key: string;
  text: string;
  details: Record<string, unknown>;
  resolvedAt: number | null;
  resolution: string | null;
}

export const CONFLICT_TEXT: Record<ConflictKind, string> = {
  CANCELLED_WHILE_PACKING: 'Cancelled on TikTok Shop while being packed: put the items back.',
  SHIPPED_ELSEWHERE: 'Shipment was arranged elsewhere (Seller Center or another tool): do not ship this parcel again.',
  ADDRESS_CHANGED_AFTER_LABEL: 'The address changed after the label was printed: reprint the label.',
  ON_HOLD: 'TikTok Shop put the order on hold: stop packing until it is released.',
};

export interface ArrangeAheadResult {
  arranged: string[];
  failed: { orderId: string; code: string; message: string }[];
  /** Orders whose platform label is downloaded and ready to print offline. */
  labelsReady: string[];
  /** Orders whose label is not here yet (still generating, or the platform could not be reached). */
  labelsWaiting: string[];
  /** The sync's error when the platform could not be reached; the arrangements stay queued. */
  error: { code: string; message: string } | null;
  /** The trade-off to show: shipment is arranged now, so the 72 h collection clock has started. */
  notice: { key: 'sync.arrangeAhead.notice'; fields: { hours: number; orders: number }; text: string };
}
