/**
 * Authorisation: auth codes (issued by a control call, as a seller's consent would), access tokens
 * with an absolute expiry, refresh tokens (rotated on refresh unless settings say otherwise) and
 * the scopes each token grants.
 */
import { randomBytes } from 'node:crypto';
import { refuse } from './codes.js';
import type { SimClock } from './clock.js';
import type { SimSettings } from './model.js';

export const ALL_SCOPES = ['seller.authorization.info', 'seller.order.info', 'seller.fulfillment.basic', 'seller.return_refund.basic'] as const;

interface Grant {
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface TokenAnswer {
  access_token: string;
  access_token_expire_in: number;
  refresh_token: string;
  refresh_token_expire_in: number;
  open_id: string;
  seller_name: string;
  seller_base_region: string;
  user_type: number;
  granted_scopes: string[];
}

/** Token strings look like the platform's: a region prefix and URL-safe base64. */
const tokenString = (prefix: string): string => prefix + randomBytes(36).toString('base64url');

export class TokenBook {
  private readonly codes = new Map<string, Grant>();
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();
  private readonly accessOfRefresh = new Map<string, string>();

  constructor(
    private readonly clock: SimClock,
    private readonly settings: SimSettings,
    private readonly seller: { openId: string; name: string; region: string },
  ) {}

  issueAuthCode(scopes: readonly string[] = ALL_SCOPES): string {
    const code = tokenString('ROW_');
    this.codes.set(code, { scopes: [...scopes], expiresAt: this.clock.now() + 3600, revoked: false });
    return code;
  }

  exchange(code: string): TokenAnswer {
    const grant = this.codes.get(code);
    if (!grant || grant.revoked || grant.expiresAt <= this.clock.now()) refuse('authCodeInvalid');
    grant.revoked = true; // an auth code works once
    return this.issue(grant.scopes);
  }

  refreshWith(refreshToken: string): TokenAnswer {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.revoked || grant.expiresAt <= this.clock.now()) refuse('refreshTokenInvalid');
    if (this.settings.revokeOldAccessToken) {
      const old = this.access.get(this.accessOfRefresh.get(refreshToken) ?? '');
      if (old) old.revoked = true;
    }
    if (!this.settings.rotateRefreshTokens) return this.issue(grant.scopes, refreshToken);
    grant.revoked = true;
    return this.issue(grant.scopes);
  }

  private issue(scopes: string[], keepRefresh?: string): TokenAnswer {
    const now = this.clock.now();
    const accessToken = tokenString('ROW_');
    const access: Grant = { scopes, expiresAt: now + this.settings.accessTokenTtl, revoked: false };
    this.access.set(accessToken, access);
    const refreshToken = keepRefresh ?? tokenString('ROW_');
    if (!keepRefresh) this.refresh.set(refreshToken, { scopes, expiresAt: now + this.settings.refreshTokenTtl, revoked: false });
    this.accessOfRefresh.set(refreshToken, accessToken);
    return {
      access_token: accessToken,
      access_token_expire_in: access.expiresAt,
      refresh_token: refreshToken,
      refresh_token_expire_in: this.refresh.get(refreshToken)!.expiresAt,
      open_id: this.seller.openId,
      seller_name: this.seller.name,
      seller_base_region: this.seller.region,
      user_type: 0,
      granted_scopes: scopes,
    };
  }

  /** The scopes of a usable access token; refuses a missing, unknown, revoked or expired one. */
  check(accessToken: string | undefined): string[] {
    const grant = accessToken ? this.access.get(accessToken) : undefined;
    if (!grant || grant.revoked) refuse('accessTokenInvalid');
    if (grant.expiresAt <= this.clock.now()) refuse('accessTokenExpired');
    return grant.scopes;
  }

  /** Makes every access token expire now, as a week passing would. */
  expireAccessTokens(): number {
    const now = this.clock.now();
    for (const grant of this.access.values()) grant.expiresAt = Math.min(grant.expiresAt, now);
    return this.access.size;
  }
}
