/**
 * The built renderer for the end-to-end tests and the browser benchmark: `npm run build:renderer`
 * runs when dist/renderer is missing or older than the renderer's sources, at most once at a time
 * (a lock directory, since vitest runs test files in separate processes), and each caller gets
 * its own copy, so a rebuild started elsewhere cannot empty the folder under a running station.
 * Plain Node: the benchmark uses it outside vitest.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
const RENDERER_SOURCES = [path.join(ROOT, 'renderer')];
const LOCK = path.join(ROOT, 'test-output', 'e2e', '.renderer-build.lock');
/** A lock older than this was left by a killed run: a build takes a few seconds. */
const STALE_LOCK_MS = 120_000;

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/** Why the build must run, or null when dist/renderer is newer than every renderer source. */
export function staleReason(): string | null {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!fs.existsSync(index)) return `${path.relative(ROOT, RENDERER_DIST)} is missing`;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(...RENDERER_SOURCES.map(newestMtime));
  return sources > built ? 'renderer sources changed since the last build' : null;
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build:renderer'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build:renderer failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

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
  return withLock(async () => {
    if (staleReason()) await runBuild();
    const missing = missingAssets(RENDERER_DIST);
    if (missing.length) throw new Error(`dist/renderer is incomplete after the build: ${missing.join(', ')} missing`);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-renderer-'));
    const dir = path.join(root, 'renderer');
    fs.cpSync(RENDERER_DIST, dir, { recursive: true });
    return { dir, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
  });
}
