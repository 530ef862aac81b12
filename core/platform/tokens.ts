/**
 * The shop's access and refresh tokens: exchanged once from an auth code, refreshed ahead of
 * expiry, and saved each time (the platform may rotate the refresh token — unconfirmed — so the
 * one each refresh returns is always kept). Expiry fields from the platform are absolute Unix
 * seconds; Packdesk keeps them as ms like every other time in the core.
 */
import { MINUTE, type Clock } from '../domain/clock.js';
import { PackdeskError } from '../domain/errors.js';
import type { AccessTokenSource, PlatformHttp } from './http.js';
import type { PlatformLogEntry } from './runtime.js';
import { tokenDataSchema, type TokenData } from './schemas/auth.js';

export interface ShopTokens {
  accessToken: string;
  /** ms since the epoch. */
  accessTokenExpiresAt: number;
  refreshToken: string;
  /** ms since the epoch. */
  refreshTokenExpiresAt: number;
  /** When Packdesk received them (ms), to judge how much of their life is left; null when unknown. */
  obtainedAt: number | null;
  openId: string | null;
  sellerName: string | null;
  grantedScopes: string[];
}

export function tokensFromPlatform(data: TokenData, obtainedAt: number): ShopTokens {
  return {
    accessToken: data.access_token,
    accessTokenExpiresAt: data.access_token_expire_in * 1000,
    refreshToken: data.refresh_token,
    refreshTokenExpiresAt: data.refresh_token_expire_in * 1000,
    obtainedAt,
    openId: data.open_id ?? null,
    sellerName: data.seller_name ?? null,
    grantedScopes: data.granted_scopes ?? [],
  };
}

/**
 * Tokens typed in by hand (`shop connect --access-token T --refresh-token R`): their expiry is
 * unknown, so the first call refreshes them, which also tells the real expiry times.
 */
export function handEnteredTokens(accessToken: string, refreshToken: string): ShopTokens {
  return {
    accessToken,
    accessTokenExpiresAt: 0,
    refreshToken,
    refreshTokenExpiresAt: Number.MAX_SAFE_INTEGER,
    obtainedAt: null,
    openId: null,
    sellerName: null,
    grantedScopes: [],
  };
}

/** `GET /api/v2/token/get` on the auth host (not signed). */
export function exchangeAuthCode(http: PlatformHttp, appKey: string, appSecret: string, authCode: string, now: number): Promise<ShopTokens> {
  return tokenCall(http, '/api/v2/token/get', { app_key: appKey, app_secret: appSecret, auth_code: authCode, grant_type: 'authorized_code' }, authCode, now);
}

/** `GET /api/v2/token/refresh` on the auth host (not signed). */
export function refreshTokens(http: PlatformHttp, appKey: string, appSecret: string, refreshToken: string, now: number): Promise<ShopTokens> {
  return tokenCall(
    http,
    '/api/v2/token/refresh',
    { app_key: appKey, app_secret: appSecret, refresh_token: refreshToken, grant_type: 'refresh_token' },
    refreshToken,
    now,
  );
}

/** One call to the auth host: the secret it carries and the tokens it returns never reach a log. */
async function tokenCall(http: PlatformHttp, path: string, query: Record<string, string>, secret: string, now: number): Promise<ShopTokens> {
  http.redactor.add(secret);
  const data = await http.request({
    host: 'auth',
    method: 'GET',
    path,
    query,
    signed: false,
    repeat: 'safe',
    schema: tokenDataSchema,
    refusedAs: 'PLATFORM_AUTH_NEEDED',
  });
  http.redactor.add(data.access_token, data.refresh_token);
  return tokensFromPlatform(data, now);
}

/** Refresh once less than this is left... */
export const REFRESH_AHEAD_MS = 10 * MINUTE;
/** ...or less than this share of the token's life. */
export const REFRESH_AHEAD_SHARE = 0.1;

export function needsRefresh(tokens: ShopTokens, now: number): boolean {
  const left = tokens.accessTokenExpiresAt - now;
  const life = tokens.obtainedAt === null ? 0 : tokens.accessTokenExpiresAt - tokens.obtainedAt;
  return left < Math.max(REFRESH_AHEAD_MS, life * REFRESH_AHEAD_SHARE);
}

export interface TokenKeeperOptions {
  tokens: ShopTokens;
  /** Persists a refreshed pair; awaited before the new token is used. */
  save: (tokens: ShopTokens) => Promise<void> | void;
  /** Asks the platform for a new pair. */
  refresh: (refreshToken: string) => Promise<ShopTokens>;
  clock: Clock;
  log: (entry: PlatformLogEntry) => void;
  /** Removes secrets from text this class writes into errors and log lines. */
  redact: (text: string) => string;
}

/** Hands out a valid access token; concurrent callers share one refresh. */
export class TokenKeeper implements AccessTokenSource {
  private tokens: ShopTokens;
  private refreshing: Promise<ShopTokens> | null = null;
  private unsaved = false;

  constructor(private readonly options: TokenKeeperOptions) {
    this.tokens = options.tokens;
  }

  current(): ShopTokens {
    return this.tokens;
  }

  async accessToken(): Promise<string> {
    if (this.unsaved) await this.save(this.tokens);
    const now = this.options.clock.now();
    if (!needsRefresh(this.tokens, now)) return this.tokens.accessToken;
    try {
      return (await this.refresh()).accessToken;
    } catch (err) {
      // Refreshing ahead is a courtesy: while the token still works, a failed refresh need not stop the call.
      if (this.tokens.accessTokenExpiresAt > this.options.clock.now() && !(err instanceof PackdeskError && err.code === 'CREDENTIALS_UNAVAILABLE')) {
        return this.tokens.accessToken;
      }
      throw err;
    }
  }

  async refreshAfterRejection(rejected: string): Promise<void> {
    if (this.tokens.accessToken !== rejected) return;
    await this.refresh();
  }

  /** A refresh now, shared with any already under way. */
  refresh(): Promise<ShopTokens> {
    this.refreshing ??= this.refreshNow().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshNow(): Promise<ShopTokens> {
    const { clock, log } = this.options;
    if (this.tokens.refreshTokenExpiresAt <= clock.now()) {
      throw new PackdeskError('PLATFORM_AUTH_NEEDED', "The shop's sign-in has expired: connect the shop again.", {
        refreshTokenExpiresAt: this.tokens.refreshTokenExpiresAt,
      });
    }
    let next: ShopTokens;
    try {
      next = await this.options.refresh(this.tokens.refreshToken);
    } catch (err) {
      const message = this.options.redact(err instanceof Error ? err.message : 'refresh failed');
      log({ level: 'error', event: 'token-refresh-failed', message });
      throw err;
    }
    this.tokens = next;
    await this.save(next);
    log({ level: 'debug', event: 'token-refreshed', message: `access token valid until ${new Date(next.accessTokenExpiresAt).toISOString()}` });
    return next;
  }

  /** A pair the platform issued but Packdesk could not keep would be lost at the next start: say so. */
  private async save(tokens: ShopTokens): Promise<void> {
    this.unsaved = true;
    try {
      await this.options.save(tokens);
    } catch (err) {
      if (err instanceof PackdeskError && err.code === 'CREDENTIALS_UNAVAILABLE') throw err;
      const why = this.options.redact(err instanceof Error ? err.message : String(err));
      throw new PackdeskError('CREDENTIALS_UNAVAILABLE', `The refreshed sign-in could not be saved: ${why}`);
    }
    this.unsaved = false;
  }
}
