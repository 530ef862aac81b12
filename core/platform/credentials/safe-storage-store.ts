import path from 'node:path';
import { PackdeskError } from '../../domain/errors.js';
import { CREDENTIALS_DIR, guard, parseSecrets } from './file-store.js';
import { readSecretFile, removeSecretFile, writeSecretFile } from './secret-file.js';
import { checkAccount, type CredentialStore, type ShopSecrets } from './types.js';

/** Electron's safeStorage, passed in by the Electron host: the core never imports electron. */
export interface SafeStorageFunctions {
  /** True only when the OS guards the key (not before app ready, not Linux's `basic_text`). */
  available(): boolean | Promise<boolean>;
  encrypt(plain: string): Buffer | Promise<Buffer>;
  decrypt(encrypted: Buffer): string | Promise<string>;
}

/** The parts of Electron's `safeStorage` used, typed structurally. */
export interface ElectronSafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Adapts Electron's `safeStorage`. On Linux its `basic_text` backend encrypts with a key written
 * in Chromium's source, which protects nothing, so it counts as unavailable.
 */
export function electronSafeStorage(safeStorage: ElectronSafeStorageLike, platform: NodeJS.Platform = process.platform): SafeStorageFunctions {
  return {
    available: () => {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

/** Secrets encrypted by the OS-held key, in 0600 files in the data folder. */
export class SafeStorageCredentialStore implements CredentialStore {
  readonly backend = 'safe-storage' as const;
  readonly warning = null;
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly safe: SafeStorageFunctions,
  ) {
    this.dir = path.join(dataDir, CREDENTIALS_DIR);
  }

  fileFor(account: string): string {
    return path.join(this.dir, `${checkAccount(account)}.safe`);
  }

  async load(account: string): Promise<ShopSecrets | null> {
    const bytes = await guard(() => readSecretFile(this.fileFor(account)));
    if (bytes === null) return null;
    let plain: string;
    try {
      plain = await this.safe.decrypt(bytes);
    } catch {
      throw new PackdeskError('CREDENTIALS_UNAVAILABLE', "The shop's saved sign-in cannot be decrypted on this computer: connect the shop again.");
    }
    return parseSecrets(plain, 'safe storage');
  }

  async save(account: string, secrets: ShopSecrets): Promise<void> {
    let encrypted: Buffer;
    try {
      encrypted = await this.safe.encrypt(JSON.stringify(secrets));
    } catch {
      throw new PackdeskError('CREDENTIALS_UNAVAILABLE', 'The system refused to encrypt the shop sign-in.');
    }
    await guard(() => writeSecretFile(this.fileFor(account), encrypted));
  }

  async remove(account: string): Promise<void> {
    await guard(() => removeSecretFile(this.fileFor(account)));
  }
}
