/**
 * Platform labels kept in the data folder, named by the SHA-256 of their bytes
 * (<dataDir>/labels/<sha256>.pdf): the same label downloaded twice is one file, a file's name
 * proves its content, and the database only holds the name. Written whole or not at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PackdeskError } from '../domain/errors.js';

export const LABELS_DIR = 'labels';

export function labelFile(dataDir: string, sha256: string, kind: 'pdf' | 'png'): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new PackdeskError('LABEL_UNAVAILABLE', `Not a label file name: ${sha256}.`);
  return path.join(dataDir, LABELS_DIR, `${sha256}.${kind}`);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes (atomically: temp file, fsync, rename) unless that content is there already. */
export async function saveLabelFile(dataDir: string, bytes: Uint8Array, kind: 'pdf' | 'png'): Promise<string> {
  const sha = sha256Of(bytes);
  const file = labelFile(dataDir, sha, kind);
  if (fs.existsSync(file)) return sha;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${sha}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await fsp.rename(tmp, file);
  return sha;
}

/** The label's bytes, checked against their name; a missing or damaged file is LABEL_UNAVAILABLE. */
export function readLabelFile(dataDir: string, sha256: string, kind: 'pdf' | 'png'): Uint8Array {
  const file = labelFile(dataDir, sha256, kind);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new PackdeskError(
      'LABEL_UNAVAILABLE',
      `The platform label file is missing (${(err as NodeJS.ErrnoException).code ?? 'error'}): sync again to download it.`,
      { file },
    );
  }
  if (sha256Of(bytes) !== sha256) throw new PackdeskError('LABEL_UNAVAILABLE', 'The platform label file is damaged: sync again to download it.', { file });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
