import { FileCredentialStore } from './file-store.js';
import { KeychainCredentialStore, nativeKeyring, probeKeychain, type KeyringEntryFactory } from './keychain-store.js';
import { SafeStorageCredentialStore, type SafeStorageFunctions } from './safe-storage-store.js';
import type { CredentialBackend, CredentialStore, ShopSecrets } from './types.js';

export interface OpenCredentialsOptions {
  /** The data folder (beside the database). */
  dataDir: string;
  /** Electron's safeStorage, from the Electron host only (`electronSafeStorage(safeStorage)`). */
  safeStorage?: SafeStorageFunctions;
  /** The keychain's entries; defaults to @napi-rs/keyring. `null`: do not use a keychain. */
  keychain?: KeyringEntryFactory | null;
}

export interface OpenedCredentials {
  store: CredentialStore;
  /** Why each better backend was passed over, for diagnostics (`shop status`). */
  skipped: { backend: CredentialBackend; reason: string }[];
}

/**
 * The best place for secrets on this computer: the OS keychain first, because the CLI, the
 * station host and the Electron app all reach it and share one database; then Electron's
 * safeStorage (the app only, e.g. KWallet desktops without a Secret Service); then a 0600 file
 * with a warning. Secrets found in a weaker backend than the chosen one are moved into it.
 */
export async function openCredentialStore(options: OpenCredentialsOptions): Promise<OpenedCredentials> {
  const skipped: OpenedCredentials['skipped'] = [];
  const file = new FileCredentialStore(options.dataDir);
  const candidates: CredentialStore[] = [];

  const entries = options.keychain === undefined ? await nativeKeyring() : options.keychain;
  const probe = await probeKeychain(entries);
  if (probe.ok && entries) candidates.push(new KeychainCredentialStore(entries));
  else skipped.push({ backend: 'keychain', reason: probe.ok ? 'not used' : probe.reason });

  if (options.safeStorage) {
    if (await options.safeStorage.available()) candidates.push(new SafeStorageCredentialStore(options.dataDir, options.safeStorage));
    else skipped.push({ backend: 'safe-storage', reason: 'the system does not protect the encryption key' });
  }

  const [best, ...others] = [...candidates, file];
  return { store: best === file ? file : new MigratingStore(best!, others), skipped };
}

/** Reads through to weaker stores once, moving what it finds into the chosen one. */
class MigratingStore implements CredentialStore {
  readonly backend: CredentialBackend;
  readonly warning = null;

  constructor(
    private readonly chosen: CredentialStore,
    private readonly older: CredentialStore[],
  ) {
    this.backend = chosen.backend;
  }

  async load(account: string): Promise<ShopSecrets | null> {
    const found = await this.chosen.load(account);
    if (found) return found;
    for (const store of this.older) {
      const secrets = await store.load(account).catch(() => null);
      if (!secrets) continue;
      await this.chosen.save(account, secrets);
      await store.remove(account);
      return secrets;
    }
    return null;
  }

  save(account: string, secrets: ShopSecrets): Promise<void> {
    return this.chosen.save(account, secrets);
  }

  async remove(account: string): Promise<void> {
    await this.chosen.remove(account);
    for (const store of this.older) await store.remove(account).catch(() => {});
  }
}
