/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
 * through @napi-rs/keyring. Where none answers — a Linux box without a Secret Service, as on
 * the build machines ("Couldn't access platform storage") — the probe says so and the caller
 * falls back.
 */
import { PackdeskError } from '../../domain/errors.js';
import { parseSecrets } from './file-store.js';
import { checkAccount, type CredentialStore, type ShopSecrets } from './types.js';

export const KEYCHAIN_SERVICE = 'Packdesk';

/** The slice of @napi-rs/keyring's AsyncEntry used here. */
export interface KeyringEntry {
  getPassword(): Promise<string | null | undefined>;
  setPassword(password: string): Promise<void>;
  deleteCredential(): Promise<boolean>;
}
export type KeyringEntryFactory = (service: string, account: string) => KeyringEntry;

/**
 * @napi-rs/keyring's entries, or null when the native module cannot load on this system.
 * On Linux the Secret Service is required: the crate's other fallback, the kernel keyring,
 * forgets everything at reboot, which would silently disconnect the shop.
 */
export async function nativeKeyring(): Promise<KeyringEntryFactory | null> {
  try {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    return (service, account) => new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
  } catch {
    return null;
  }
}

export type KeychainProbe = { ok: true } | { ok: false; reason: string };

/** Reads an entry that need not exist: a keychain that works answers, one that is missing throws. */
export async function probeKeychain(entries: KeyringEntryFactory | null): Promise<KeychainProbe> {
  if (!entries) return { ok: false, reason: 'the keychain module does not load on this system' };
  try {
    await entries(KEYCHAIN_SERVICE, 'packdesk-probe').getPassword();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export class KeychainCredentialStore implements CredentialStore {
  readonly backend = 'keychain' as const;
  readonly warning = null;

  constructor(
    private readonly entries: KeyringEntryFactory,
    private readonly service = KEYCHAIN_SERVICE,
  ) {}

  async load(account: string): Promise<ShopSecrets | null> {
    const text = await this.use(account, (entry) => entry.getPassword());
    return text ? parseSecrets(text, 'keychain') : null;
  }

  async save(account: string, secrets: ShopSecrets): Promise<void> {
    await this.use(account, (entry) => entry.setPassword(JSON.stringify(secrets)));
  }

  async remove(account: string): Promise<void> {
    await this.use(account, (entry) => entry.deleteCredential());
  }

  private async use<T>(account: string, work: (entry: KeyringEntry) => Promise<T>): Promise<T> {
    const entry = this.entries(this.service, `shop-${checkAccount(account)}`);
    try {
      return await work(entry);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new PackdeskError('CREDENTIALS_UNAVAILABLE', `The keychain did not answer: ${reason}`);
    }
  }
}
