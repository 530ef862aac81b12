import { z } from 'zod';
import { fail } from '../../domain/errors.js';

/**
 * What must never sit in plain text beside the database, in logs, exports or the renderer.
 * Everything else about the connection (app key, shop name and cipher, expiry times, base URLs)
 * is ordinary data: see `ShopConnectionInfo`.
 */
export interface ShopSecrets {
  appSecret: string;
  accessToken: string;
  refreshToken: string;
}

export const shopSecretsSchema = z.object({
  appSecret: z.string().min(1),
  accessToken: z.string(),
  refreshToken: z.string(),
});

export type CredentialBackend = 'keychain' | 'safe-storage' | 'file';

/** Shown to the user when the secrets had to go into a file (no keychain on this computer). */
export interface CredentialWarning {
  code: 'CREDENTIALS_IN_FILE';
  path: string;
  message: string;
}

export interface CredentialStore {
  readonly backend: CredentialBackend;
  readonly warning: CredentialWarning | null;
  /** null when nothing is stored for `account`. */
  load(account: string): Promise<ShopSecrets | null>;
  save(account: string, secrets: ShopSecrets): Promise<void>;
  /** Removing what is not there is not an error. */
  remove(account: string): Promise<void>;
}

/** Names a connection in the keychain and in file names: letters, digits, dot, dash, underscore. */
export function checkAccount(account: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(account) || account.startsWith('.')) {
    fail('INVALID_INPUT', `Not a usable credential account name: ${JSON.stringify(account)}`);
  }
  return account;
}
