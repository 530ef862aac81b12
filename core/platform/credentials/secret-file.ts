/**
 * Files only the user can read (0600 in a 0700 folder), written whole or not at all: a crash
 * mid-write leaves the previous file, never a half-written secret.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export const SECRET_FILE_MODE = 0o600;
export const SECRET_DIR_MODE = 0o700;

export async function writeSecretFile(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: SECRET_DIR_MODE });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', SECRET_FILE_MODE);
  try {
    // The mode given to open() is cut by the umask only; set it outright in case the file system ignores it.
    await handle.chmod(SECRET_FILE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.rename(tmp, file);
}

/** The file's bytes, or null when there is none. A file others can read is tightened first. */
export async function readSecretFile(file: string): Promise<Buffer | null> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fs.chmod(file, SECRET_FILE_MODE);
  return fs.readFile(file);
}

export async function removeSecretFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
