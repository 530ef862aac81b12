/**
 * A shop connection split in two: the secrets (to a CredentialStore) and the rest, which may be
 * stored in the database and shown ("connected to Shop X, token valid until …").
 */
import type { ShopSecrets } from './credentials/types.js';
import type { ShopTokens } from './tokens.js';

/** Nothing here is secret: it may go into the database, exports and the renderer. */
export interface ShopConnectionInfo {
  /** Names the secrets in the CredentialStore; a fresh id per connection, so two databases never share them. */
  account: string;
  appKey: string;
  shopId: string | null;
  shopName: string | null;
  shopCipher: string | null;
  shopRegion: string | null;
  sellerName: string | null;
  apiBase: string;
  authBase: string;
  /** ms since the epoch. */
  accessTokenExpiresAt: number;
  /** ms since the epoch. */
  refreshTokenExpiresAt: number;
  /** When the current tokens were received (ms), or null when typed in by hand. */
  tokensObtainedAt: number | null;
  grantedScopes: string[];
}

/** The pair the client needs, rebuilt from both halves. */
export function shopTokens(secrets: ShopSecrets, info: ShopConnectionInfo): ShopTokens {
  return {
    accessToken: secrets.accessToken,
    accessTokenExpiresAt: info.accessTokenExpiresAt,
    refreshToken: secrets.refreshToken,
    refreshTokenExpiresAt: info.refreshTokenExpiresAt,
    obtainedAt: info.tokensObtainedAt,
    openId: null,
    sellerName: info.sellerName,
    grantedScopes: info.grantedScopes,
  };
}

/** What changes in each half after a refresh. */
export function afterRefresh(tokens: ShopTokens, appSecret: string, info: ShopConnectionInfo): { secrets: ShopSecrets; info: ShopConnectionInfo } {
  return {
    secrets: { appSecret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    info: {
      ...info,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
      tokensObtainedAt: tokens.obtainedAt,
      sellerName: tokens.sellerName ?? info.sellerName,
      grantedScopes: tokens.grantedScopes.length > 0 ? tokens.grantedScopes : info.grantedScopes,
    },
  };
}
