/**
 * Connecting a shop: the auth code (or tokens typed in) is traded for tokens, the authorised shop
 * chosen (the only one, or the one named), the secrets put in the credential store and the rest
 * in the database. What leaves here is never secret: "connected to Shop X, token valid until …".
 */
import { createHash, randomUUID } from 'node:crypto';
import { PackdeskError } from '../domain/errors.js';
import { PlatformClient, signIn } from '../platform/client.js';
import type { ShopConnectionInfo } from '../platform/connection.js';
import type { CredentialStore } from '../platform/credentials/types.js';
import { DEFAULT_API_BASE, DEFAULT_AUTH_BASE, type RuntimeOptions } from '../platform/runtime.js';
import type { AuthorizedShop } from '../platform/schemas/auth.js';
import { handEnteredTokens, type ShopTokens } from '../platform/tokens.js';
import type { StoredConnection } from '../store/sync-state-repo.js';
import { shopChoice } from './errors.js';
import type { ShopChoice, ShopStatusView } from './views.js';

export interface ConnectRequest {
  appKey: string;
  appSecret: string;
  authCode?: string | undefined;
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  shopCipher?: string | undefined;
  apiBase?: string | undefined;
  authBase?: string | undefined;
}

export type { ShopChoice, ShopStatusView };

export function chooseShop(shops: readonly AuthorizedShop[], cipher: string | undefined): AuthorizedShop {
  const choices: ShopChoice[] = shops.map((s) => ({ id: s.id, name: s.name, region: s.region ?? null, cipher: s.cipher }));
  if (cipher) {
    const named = shops.find((s) => s.cipher === cipher);
    if (!named) throw shopChoice(`This authorisation does not cover a shop with cipher ${cipher}.`, choices);
    return named;
  }
  if (shops.length === 1) return shops[0]!;
  if (shops.length === 0) throw shopChoice('This authorisation covers no shop: authorise the app for a shop in TikTok Shop Partner Center.', choices);
  throw shopChoice(`This authorisation covers ${shops.length} shops: choose one by its cipher.`, choices);
}

export interface Connected {
  info: ShopConnectionInfo;
  tokens: ShopTokens;
}

/**
 * An auth code works once, and the shops it covers can only be listed with the tokens it was traded
 * for. When the user must still choose a shop, those tokens wait in the credential store under this
 * name, so the second try (same code, now with a cipher) uses them instead of the spent code.
 */
export function heldSignInAccount(appKey: string, authCode: string): string {
  return `pending-${createHash('sha256').update(`${appKey}\0${authCode}`).digest('hex').slice(0, 40)}`;
}

/** Where a sign-in that still needs a shop choice keeps its tokens (see heldSignInAccount). */
export interface HeldSignIn {
  tokens: { accessToken: string; refreshToken: string } | null;
  keep(tokens: ShopTokens): Promise<void>;
}

/** Talks to the platform (tokens, shops); stores nothing but a held sign-in while a shop is chosen. */
export async function establish(req: ConnectRequest, runtime: RuntimeOptions | undefined, now: number, held?: HeldSignIn): Promise<Connected> {
  const base = { appKey: req.appKey, appSecret: req.appSecret, apiBase: req.apiBase ?? DEFAULT_API_BASE, authBase: req.authBase ?? DEFAULT_AUTH_BASE };
  let tokens: ShopTokens;
  if (req.authCode && held?.tokens) tokens = handEnteredTokens(held.tokens.accessToken, held.tokens.refreshToken);
  else if (req.authCode) tokens = await signIn({ ...base, authCode: req.authCode, ...(runtime ? { runtime } : {}) });
  else if (req.accessToken && req.refreshToken) tokens = handEnteredTokens(req.accessToken, req.refreshToken);
  else throw new PackdeskError('INVALID_INPUT', 'Give an auth code, or an access token and a refresh token.');
  const saveTokens = (t: ShopTokens) => {
    tokens = t;
  };
  const client = new PlatformClient({ ...base, tokens, saveTokens, ...(runtime ? { runtime } : {}) });
  // Tokens typed in carry no expiry: this refresh learns it (and keeps the pair the platform returns).
  tokens = await client.ensureFreshToken();
  const shops = await client.listAuthorizedShops();
  let shop: AuthorizedShop;
  try {
    shop = chooseShop(shops, req.shopCipher);
  } catch (err) {
    if (req.authCode && held) await held.keep(client.tokens());
    throw err;
  }
  tokens = client.tokens();
  const info: ShopConnectionInfo = {
    account: randomUUID(),
    appKey: req.appKey,
    shopId: shop.id,
    shopName: shop.name,
    shopCipher: shop.cipher,
    shopRegion: shop.region ?? null,
    sellerName: tokens.sellerName,
    apiBase: base.apiBase,
    authBase: base.authBase,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    tokensObtainedAt: tokens.obtainedAt ?? now,
    grantedScopes: tokens.grantedScopes,
  };
  return { info, tokens };
}

export function shopStatusView(conn: StoredConnection | null, store: CredentialStore | null): ShopStatusView {
  if (!conn) {
    return {
      connected: false,
      shop: null,
      sellerName: null,
      appKey: null,
      apiBase: null,
      authBase: null,
      connectedAt: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      grantedScopes: [],
      credentials: store ? { backend: store.backend, warning: store.warning } : null,
    };
  }
  const i = conn.info;
  return {
    connected: true,
    shop: { id: i.shopId, name: i.shopName, region: i.shopRegion, cipher: i.shopCipher },
    sellerName: i.sellerName,
    appKey: i.appKey,
    apiBase: i.apiBase,
    authBase: i.authBase,
    connectedAt: conn.connectedAt,
    accessTokenExpiresAt: i.accessTokenExpiresAt,
    refreshTokenExpiresAt: i.refreshTokenExpiresAt,
    grantedScopes: i.grantedScopes,
    credentials: store ? { backend: store.backend, warning: store.warning } : null,
  };
}
