import path from 'node:path';
import { PackdeskError } from '../../domain/errors.js';
import { readSecretFile, removeSecretFile, writeSecretFile } from './secret-file.js';
import { checkAccount, shopSecretsSchema, type CredentialStore, type CredentialWarning, type ShopSecrets } from './types.js';

/** The folder, inside the data folder, that holds credential files of every kind. */
export const CREDENTIALS_DIR = 'credentials';

/**
 * Last resort where no keychain exists: the secrets in a 0600 file in the data folder, never in
 * the database, so a copied or exported database carries none. Always comes with a warning.
 */
export class FileCredentialStore implements CredentialStore {
  readonly backend = 'file' as const;
  readonly warning: CredentialWarning;
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, CREDENTIALS_DIR);
    this.warning = {
      code: 'CREDENTIALS_IN_FILE',
      path: this.dir,
      message: `This computer has no keychain Packdesk can use, so the shop's secret and tokens are kept in files only your user account can read (${this.dir}). Anyone who can sign in as you can read them.`,
    };
  }

  fileFor(account: string): string {
    return path.join(this.dir, `${checkAccount(account)}.json`);
  }

  async load(account: string): Promise<ShopSecrets | null> {
    const bytes = await guard(() => readSecretFile(this.fileFor(account)));
    return bytes === null ? null : parseSecrets(bytes.toString('utf8'), 'file');
  }

  async save(account: string, secrets: ShopSecrets): Promise<void> {
    await guard(() => writeSecretFile(this.fileFor(account), Buffer.from(JSON.stringify(secrets), 'utf8')));
  }

  async remove(account: string): Promise<void> {
    await guard(() => removeSecretFile(this.fileFor(account)));
  }
}

/** Stored secrets read back; anything else means the store was damaged. */
export function parseSecrets(text: string, where: string): ShopSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PackdeskError('CREDENTIALS_UNAVAILABLE', `The shop's saved sign-in (${where}) is damaged: connect the shop again.`);
  }
  const parsed = shopSecretsSchema.safeParse(json);
  if (!parsed.success) throw new PackdeskError('CREDENTIALS_UNAVAILABLE', `The shop's saved sign-in (${where}) is incomplete: connect the shop again.`);
  return parsed.data;
}

/** File system failures as CREDENTIALS_UNAVAILABLE; the message names the errno, never the content. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PackdeskError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new PackdeskError('CREDENTIALS_UNAVAILABLE', `The shop's sign-in could not be read or written (${code}).`);
  }
}
