import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh folder under the OS temp dir and its cleanup. The printer tests keep their own copy of
 * this helper so they never load the core (test/helpers/core.ts opens a database).
 */
export function tempDir(prefix = 'packdesk-printer-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
