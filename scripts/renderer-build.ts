/**
 * The built screens (dist/renderer) and whether they are current: `npm run build:renderer` runs
 * when they are missing or older than the renderer's sources, at most once at a time (a lock
 * directory: the station, `npm start` and test processes may all ask at once). Used by
 * `npm run station` and by the end-to-end tests and browser benchmark. Plain Node.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');
const RENDERER_SOURCES = path.join(ROOT, 'renderer');
const LOCK = path.join(ROOT, 'dist', '.renderer-build.lock');
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

/**
 * Why the screens must be built, or null when dist/renderer is newer than every renderer source
 * (or there are no sources to build from, as in an installed copy).
 */
export function staleReason(): string | null {
  if (!fs.existsSync(RENDERER_SOURCES)) return null;
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!fs.existsSync(index)) return `${path.relative(ROOT, RENDERER_DIST)} is missing`;
  return newestMtime(RENDERER_SOURCES) > fs.statSync(index).mtimeMs ? 'renderer sources changed since the last build' : null;
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build:renderer'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
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

/** Runs `fn` holding the build lock, so two builds never write dist/renderer at once. */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
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

/**
 * Builds the screens when they are missing or stale; call it holding the lock (withBuildLock).
 * Resolves with the reason it built, or null when they were current.
 */
export async function buildIfStale(): Promise<string | null> {
  const reason = staleReason();
  if (reason) await runBuild();
  return reason;
}

/** Builds the screens if needed, taking the lock itself. */
export function ensureRendererBuilt(): Promise<string | null> {
  return withBuildLock(buildIfStale);
}
