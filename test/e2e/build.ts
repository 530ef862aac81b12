/**
 * The built renderer for the end-to-end tests and the browser benchmark: built when missing or
 * stale (scripts/renderer-build.ts, shared with `npm run station`), and each caller gets its own
 * copy, so a rebuild started elsewhere cannot empty the folder under a running station.
 * Plain Node: the benchmark uses it outside vitest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, RENDERER_DIST, ROOT, staleReason, withBuildLock } from '../../scripts/renderer-build.js';

export { RENDERER_DIST, ROOT, staleReason };

/** Files index.html loads; a copy taken mid-build would miss some. */
function missingAssets(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.filter((ref) => !fs.existsSync(path.join(dir, ref)));
}

/**
 * Builds if needed and returns a private copy of dist/renderer under a new temp folder; the
 * caller removes it with the returned cleanup.
 */
export async function rendererBuild(): Promise<{ dir: string; cleanup: () => void }> {
  return withBuildLock(async () => {
    await buildIfStale();
    const missing = missingAssets(RENDERER_DIST);
    if (missing.length) throw new Error(`dist/renderer is incomplete after the build: ${missing.join(', ')} missing`);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-renderer-'));
    const dir = path.join(root, 'renderer');
    fs.cpSync(RENDERER_DIST, dir, { recursive: true });
    return { dir, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
  });
}
