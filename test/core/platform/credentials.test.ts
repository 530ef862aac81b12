/** Where the shop's secret and tokens are kept: keychain, Electron safeStorage, or a 0600 file. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileCredentialStore } from '../../../core/platform/credentials/file-store.js';
import { KeychainCredentialStore, nativeKeyring, probeKeychain, type KeyringEntryFactory } from '../../../core/platform/credentials/keychain-store.js';
import { openCredentialStore } from '../../../core/platform/credentials/open.js';
import { electronSafeStorage, SafeStorageCredentialStore, type SafeStorageFunctions } from '../../../core/platform/credentials/safe-storage-store.js';
import type { ShopSecrets } from '../../../core/platform/credentials/types.js';
import { tempDir } from '../../helpers/core.js';

const SECRETS: ShopSecrets = { appSecret: 'app-secret-9f8e7d6c5b4a', accessToken: 'ROW_access_AAAA1111', refreshToken: 'ROW_refresh_BBBB2222' };
const posix = process.platform !== 'win32';

const dirs: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of dirs.splice(0)) cleanup();
});
function dataDir(): string {
  const { dir, cleanup } = tempDir('packdesk-creds-');
  dirs.push(cleanup);
  return dir;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function expectNoPlainSecrets(dir: string): void {
  for (const file of filesUnder(dir)) {
    const text = fs.readFileSync(file).toString('latin1');
    for (const secret of Object.values(SECRETS)) expect(text, file).not.toContain(secret);
  }
}

/** A stand-in for the OS-held key: real AES-GCM with a key the files never see. */
function aesSafeStorage(available = true): SafeStorageFunctions {
  const key = randomBytes(32);
  return {
    available: () => available,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** An in-memory keychain with @napi-rs/keyring's AsyncEntry shape. */
function memoryKeychain(): { entries: KeyringEntryFactory; items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    entries: (service, account) => ({
      getPassword: async () => items.get(`${service}/${account}`) ?? null,
      setPassword: async (p) => void items.set(`${service}/${account}`, p),
      deleteCredential: async () => items.delete(`${service}/${account}`),
    }),
  };
}

const brokenKeychain: KeyringEntryFactory = () => {
  const fail = async (): Promise<never> => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  };
  return { getPassword: fail, setPassword: fail, deleteCredential: fail };
};

describe('file credential store', () => {
  it.runIf(posix)('writes a 0600 file in a 0700 folder, reads it back, removes it', async () => {
    const dir = dataDir();
    const store = new FileCredentialStore(dir);
    await store.save('conn-1', SECRETS);
    const file = store.fileFor('conn-1');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(await store.load('conn-1')).toEqual(SECRETS);
    await store.save('conn-1', { ...SECRETS, refreshToken: 'ROW_refresh_rotated' });
    expect((await store.load('conn-1'))!.refreshToken).toBe('ROW_refresh_rotated');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['conn-1.json']);
    await store.remove('conn-1');
    expect(await store.load('conn-1')).toBeNull();
    await store.remove('conn-1');
  });

  it.runIf(posix)('tightens a file others could read before reading it', async () => {
    const store = new FileCredentialStore(dataDir());
    await store.save('conn-1', SECRETS);
    fs.chmodSync(store.fileFor('conn-1'), 0o644);
    expect(await store.load('conn-1')).toEqual(SECRETS);
    expect(fs.statSync(store.fileFor('conn-1')).mode & 0o777).toBe(0o600);
  });

  it('says CREDENTIALS_UNAVAILABLE for a damaged file, without quoting it', async () => {
    const store = new FileCredentialStore(dataDir());
    await store.save('conn-1', SECRETS);
    fs.writeFileSync(store.fileFor('conn-1'), `{"appSecret":"${SECRETS.appSecret}"`);
    const err = await store.load('conn-1').catch((e) => e);
    expect(err.code).toBe('CREDENTIALS_UNAVAILABLE');
    expect(err.message).not.toContain(SECRETS.appSecret);
  });

  it('refuses account names that could leave the folder', async () => {
    const store = new FileCredentialStore(dataDir());
    for (const bad of ['../x', 'a/b', '', '.hidden']) await expect(store.save(bad, SECRETS)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('comes with a warning the caller can show', () => {
    const dir = dataDir();
    expect(new FileCredentialStore(dir).warning).toMatchObject({ code: 'CREDENTIALS_IN_FILE', path: path.join(dir, 'credentials') });
  });
});

describe('safeStorage credential store', () => {
  it('keeps only ciphertext in the data folder', async () => {
    const dir = dataDir();
    const store = new SafeStorageCredentialStore(dir, aesSafeStorage());
    await store.save('conn-1', SECRETS);
    expect(await store.load('conn-1')).toEqual(SECRETS);
    expect(filesUnder(dir)).toHaveLength(1);
    if (posix) expect(fs.statSync(filesUnder(dir)[0]!).mode & 0o777).toBe(0o600);
    expectNoPlainSecrets(dir);
  });

  it('says CREDENTIALS_UNAVAILABLE when the key changed (another user or machine)', async () => {
    const dir = dataDir();
    await new SafeStorageCredentialStore(dir, aesSafeStorage()).save('conn-1', SECRETS);
    const err = await new SafeStorageCredentialStore(dir, aesSafeStorage()).load('conn-1').catch((e) => e);
    expect(err.code).toBe('CREDENTIALS_UNAVAILABLE');
  });

  it("treats Linux's basic_text backend and a not-ready app as unavailable", async () => {
    const electron = (ready: boolean, backend: string) => ({
      isEncryptionAvailable: () => ready,
      getSelectedStorageBackend: () => backend,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    });
    expect(await electronSafeStorage(electron(true, 'basic_text'), 'linux').available()).toBe(false);
    expect(await electronSafeStorage(electron(true, 'gnome_libsecret'), 'linux').available()).toBe(true);
    expect(await electronSafeStorage(electron(false, 'kwallet5'), 'linux').available()).toBe(false);
    expect(await electronSafeStorage(electron(true, 'unknown'), 'darwin').available()).toBe(true);
  });
});

describe('keychain credential store', () => {
  it('stores the secrets as one keychain item per connection', async () => {
    const keychain = memoryKeychain();
    const store = new KeychainCredentialStore(keychain.entries);
    await store.save('conn-1', SECRETS);
    expect([...keychain.items.keys()]).toEqual(['Packdesk/shop-conn-1']);
    expect(await store.load('conn-1')).toEqual(SECRETS);
    await store.remove('conn-1');
    expect(await store.load('conn-1')).toBeNull();
  });

  it('reports a keychain that does not answer as CREDENTIALS_UNAVAILABLE', async () => {
    const err = await new KeychainCredentialStore(brokenKeychain).load('conn-1').catch((e) => e);
    expect(err.code).toBe('CREDENTIALS_UNAVAILABLE');
    expect(err.message).toContain("Couldn't access platform storage");
  });
});

describe('choosing a store', () => {
  it('prefers the keychain, then safeStorage', async () => {
    const keychain = memoryKeychain();
    expect((await openCredentialStore({ dataDir: dataDir(), keychain: keychain.entries, safeStorage: aesSafeStorage() })).store.backend).toBe('keychain');
    const opened = await openCredentialStore({ dataDir: dataDir(), keychain: brokenKeychain, safeStorage: aesSafeStorage() });
    expect(opened.store.backend).toBe('safe-storage');
    expect(opened.store.warning).toBeNull();
    expect(opened.skipped).toEqual([{ backend: 'keychain', reason: "Couldn't access platform storage: AccessDenied" }]);
  });

  it('falls back to the file, with a warning, only where nothing better answers', async () => {
    const opened = await openCredentialStore({ dataDir: dataDir(), keychain: brokenKeychain, safeStorage: aesSafeStorage(false) });
    expect(opened.store.backend).toBe('file');
    expect(opened.store.warning?.code).toBe('CREDENTIALS_IN_FILE');
    expect(opened.skipped.map((s) => s.backend)).toEqual(['keychain', 'safe-storage']);
  });

  it('moves secrets out of the file once a keychain is there', async () => {
    const dir = dataDir();
    await new FileCredentialStore(dir).save('conn-1', SECRETS);
    const keychain = memoryKeychain();
    const { store } = await openCredentialStore({ dataDir: dir, keychain: keychain.entries });
    expect(await store.load('conn-1')).toEqual(SECRETS);
    expect(keychain.items.size).toBe(1);
    expect(filesUnder(dir)).toEqual([]);
  });

  it("detects whether this machine's real keychain answers, and uses the file when it does not", async () => {
    const probe = await probeKeychain(await nativeKeyring());
    const dir = dataDir();
    const opened = await openCredentialStore({ dataDir: dir });
    expect(opened.store.backend).toBe(probe.ok ? 'keychain' : 'file');
    // On the build machines there is no Secret Service: "Couldn't access platform storage".
    if (!probe.ok) expect(opened.skipped[0]).toEqual({ backend: 'keychain', reason: probe.reason });
    const account = `test-${process.pid}-${Date.now()}`;
    try {
      await opened.store.save(account, SECRETS);
      expect(await opened.store.load(account)).toEqual(SECRETS);
      if (probe.ok) expectNoPlainSecrets(dir);
    } finally {
      await opened.store.remove(account);
    }
    expect(await opened.store.load(account)).toBeNull();
  });
});
