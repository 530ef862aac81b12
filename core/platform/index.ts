/**
 * The TikTok Shop platform client and shop credentials: the sync engine's only way to the platform.
 *
 * Connecting: `signIn({ appKey, appSecret, authCode })` (or `handEnteredTokens(access, refresh)`),
 * then `new PlatformClient({ ..., tokens, saveTokens })`, `listAuthorizedShops()`, `useShop(cipher)`;
 * the secrets go to `openCredentialStore({ dataDir })`, the rest (`ShopConnectionInfo`) to the database.
 * Every failure is a PackdeskError with a PLATFORM_* code; `details.outcomeUnknown` on a ship or seller
 * cancel means "read it back before trying again". Nothing here imports Electron.
 */
export { PlatformClient, signIn, ORDER_DETAIL_MAX_IDS } from './client.js';
export type { BatchShipResult, CallOptions, PageRequest, PlatformClientOptions, PlatformConnection } from './client.js';
export type { Page } from './paging.js';
export { DEFAULT_API_BASE, DEFAULT_AUTH_BASE } from './runtime.js';
export type { PlatformLogEntry, PlatformRuntime, RuntimeOptions } from './runtime.js';
export { DEFAULT_BACKOFF } from './backoff.js';
export type { BackoffPolicy } from './backoff.js';
export { PLATFORM_CODE } from './failures.js';
export { signRequest } from './signing.js';
export { REDACTED, Redactor } from './redact.js';
export { handEnteredTokens, needsRefresh, REFRESH_AHEAD_MS, REFRESH_AHEAD_SHARE } from './tokens.js';
export type { ShopTokens } from './tokens.js';
export { afterRefresh, shopTokens } from './connection.js';
export type { ShopConnectionInfo } from './connection.js';
export type { OrderSearchFilter, PlatformLineItem, PlatformOrder, PlatformRecipientAddress } from './schemas/orders.js';
export type { BatchShipPackage, PlatformPackage, ShipPackageRequest, ShippingDocument } from './schemas/fulfillment.js';
export type {
  CancellationSearchFilter,
  PlatformCancellation,
  RejectCancellationRequest,
  RejectReason,
  SellerCancelRequest,
} from './schemas/cancellations.js';
export type { AuthorizedShop } from './schemas/auth.js';
export { openCredentialStore } from './credentials/open.js';
export type { OpenCredentialsOptions, OpenedCredentials } from './credentials/open.js';
export { FileCredentialStore } from './credentials/file-store.js';
export { KeychainCredentialStore, KEYCHAIN_SERVICE, probeKeychain } from './credentials/keychain-store.js';
export { SafeStorageCredentialStore, electronSafeStorage } from './credentials/safe-storage-store.js';
export type { ElectronSafeStorageLike, SafeStorageFunctions } from './credentials/safe-storage-store.js';
export type { CredentialBackend, CredentialStore, CredentialWarning, ShopSecrets } from './credentials/types.js';
