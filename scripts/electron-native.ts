import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { NATIVE_DIR, NATIVE_FILE } from '../electron/paths.js';

/**
 * better-sqlite3 twice: node_modules/better-sqlite3 stays built for Node (the tests, the CLI),
 * and a second copy built for Electron's ABI lives in dist/native/, passed to the core through
 * better-sqlite3's `nativeBinding` option. Neither build ever overwrites the other, so `npm test`
 * and `npm start` can follow each other in any order. The copy is rebuilt only when it is missing
 * or was built for another Electron, platform, arch or better-sqlite3.
 */

/** Electron 45's install tooling (@electron/get 5) needs this Node to fetch and run Electron. */
export const ELECTRON_MIN_NODE = '22.12.0';

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10) || 0);
}

/** Why this Node cannot start the desktop app, or null when it can. */
export function nodeTooOld(version: string, min = ELECTRON_MIN_NODE): string | null {
  const have = parts(version);
  const need = parts(min);
  for (let i = 0; i < 3; i++) {
    const h = have[i] ?? 0;
    const n = need[i] ?? 0;
    if (h > n) return null;
    if (h < n) {
      return (
        `npm start needs Node ${min} or newer (Electron's install tooling); this is Node ${version.replace(/^v/, '')}.\n` +
        'Tests and the CLI still work on Node 20.19+: npm test, npm run packdesk -- --help, npm run station.'
      );
    }
  }
  return null;
}

export interface NativeTarget {
  electron: string;
  /** Electron's NODE_MODULE_VERSION (node_modules/electron/abi_version), when known. */
  abi: string | null;
  platform: string;
  arch: string;
  betterSqlite3: string;
}

/** Why the Electron build of better-sqlite3 must be (re)built, or null when the one on disk fits. */
export function nativeBuildReason(want: NativeTarget, stamp: unknown, binaryExists: boolean): string | null {
  if (!binaryExists) return 'not built yet';
  if (typeof stamp !== 'object' || stamp === null) return 'no record of what it was built for';
  const had = stamp as Partial<Record<keyof NativeTarget, unknown>>;
  for (const key of ['electron', 'abi', 'platform', 'arch', 'betterSqlite3'] as const) {
    if (had[key] !== want[key]) return `${key} changed: ${String(had[key])} → ${String(want[key])}`;
  }
  return null;
}

/**
 * What loading the addon in plain Node says about it. An Electron build is refused by Node with
 * "NODE_MODULE_VERSION <Electron's>"; an addon Node loads happily was built for Node, which is
 * what a `nodedir` in ~/.npmrc silently does to node-gyp and @electron/rebuild.
 */
export function judgeNodeLoad(loadError: string | null, electronAbi: string | null, nodeAbi: string): { ok: boolean; why: string } {
  if (loadError === null) {
    return electronAbi === nodeAbi
      ? { ok: true, why: 'Electron and Node share this ABI' }
      : {
          ok: false,
          why: `it loads in Node (ABI ${nodeAbi}), so it was built for Node, not Electron (ABI ${electronAbi ?? '?'}): is nodedir set in ~/.npmrc or npm_config_nodedir?`,
        };
  }
  const built = /NODE_MODULE_VERSION (\d+)/.exec(loadError)?.[1];
  if (built === undefined) return { ok: true, why: `not verifiable in Node (${loadError.split('\n')[0]})` };
  if (electronAbi === null || built === electronAbi) return { ok: true, why: `built for ABI ${built}` };
  return { ok: false, why: `built for ABI ${built}, Electron needs ${electronAbi}` };
}

/** npm passes .npmrc settings to scripts as npm_config_*; these would point node-gyp at Node. */
const NODE_GYP_OVERRIDES = /^npm_config_(nodedir|target|target_arch|arch|disturl|dist_url|runtime|build_from_source|devdir)$/i;

export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!NODE_GYP_OVERRIDES.test(k)) out[k] = v;
  return out;
}

export function nativeTarget(root: string): NativeTarget {
  const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8')) as { version: string };
  let abi: string | null = null;
  try {
    abi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim() || null;
  } catch {
    // Older Electron packages do not ship abi_version; the stamp then keys on the version alone.
  }
  return {
    electron: read('node_modules/electron/package.json').version,
    abi,
    platform: process.platform,
    arch: process.arch,
    betterSqlite3: read('node_modules/better-sqlite3/package.json').version,
  };
}

export const nativeDir = (root: string) => path.join(root, 'dist', NATIVE_DIR);
const STAMP = 'stamp.json';

function readStamp(dir: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** Loads the addon in a fresh Node and returns its error text, or null when it loaded. */
export function nodeLoadError(file: string): string | null {
  try {
    execFileSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync(cmd, args, { cwd, env, stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

/** node-gyp from the project (it comes with electron-builder) or from npm's own copy. */
function nodeGypScript(root: string): string {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npmCli = process.env.npm_execpath;
    const bundled = npmCli ? path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '';
    if (bundled && fs.existsSync(bundled)) return bundled;
    throw new Error('node-gyp not found: run npm ci first.');
  }
}

/**
 * Builds better-sqlite3 for Electron in a scratch copy of the package (so the Node build in
 * node_modules is never touched): a prebuilt binary if one is published for this Electron,
 * otherwise a compile against Electron's headers. `use` gets the built file; the copy is removed.
 */
function buildForElectron<T>(root: string, want: NativeTarget, use: (built: string) => T): T {
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-electron-sqlite-'));
  try {
    const src = path.join(work, 'better-sqlite3');
    const skip = new Set([path.join(pkg, 'build'), path.join(pkg, 'node_modules')]);
    fs.cpSync(pkg, src, { recursive: true, filter: (p) => !skip.has(p) });
    const env = electronBuildEnv(process.env);
    const out = path.join(src, 'build', 'Release', NATIVE_FILE);
    const prebuild = createRequire(path.join(pkg, 'package.json')).resolve('prebuild-install/bin.js');
    const target = [`--target=${want.electron}`, `--arch=${want.arch}`];
    console.log(`Building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch})…`);
    const fetched = run(process.execPath, [prebuild, '--runtime=electron', ...target, `--platform=${want.platform}`], src, env) && fs.existsSync(out);
    if (!fetched) {
      console.log("No prebuilt binary; compiling against Electron's headers (needs python3, make and a C++ compiler)…");
      const gyp = nodeGypScript(root);
      const args = [
        gyp,
        'rebuild',
        '--release',
        ...target,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
      ];
      if (!run(process.execPath, args, src, env) || !fs.existsSync(out)) {
        throw new Error('Could not build better-sqlite3 for Electron (see the output above).');
      }
    }
    return use(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes sure dist/native/better_sqlite3.node is better-sqlite3 for this Electron, building it when
 * missing or stale. Returns its path.
 */
export function ensureElectronSqlite(root: string): string {
  const want = nativeTarget(root);
  const dir = nativeDir(root);
  const file = path.join(dir, NATIVE_FILE);
  const reason = nativeBuildReason(want, readStamp(dir), fs.existsSync(file));
  if (reason === null) return file;
  console.log(`better-sqlite3 for Electron: ${reason}.`);
  const verdict = buildForElectron(root, want, (built) => {
    const judged = judgeNodeLoad(nodeLoadError(built), want.abi, process.versions.modules);
    if (!judged.ok) throw new Error(`The better-sqlite3 build is not for Electron: ${judged.why}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(built, file);
    fs.writeFileSync(path.join(dir, STAMP), `${JSON.stringify(want, null, 2)}\n`);
    return judged;
  });
  console.log(`better-sqlite3 for Electron ${want.electron}: ${path.relative(root, file)} (${verdict.why}).`);
  return file;
}
