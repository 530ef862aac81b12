import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Arch, build, Platform } from 'electron-builder';
import { buildApp } from './build-electron.js';
import { inspectPackage } from './package-contents.js';

/**
 * `npm run check:package`: packs the app offline with the real electron-builder.yml, for
 * `--linux dir`, and checks what a packaged Packdesk would hold (scripts/package-contents.ts).
 * Offline because electronDist is a stub folder (electron-builder copies it instead of downloading
 * Electron), npmRebuild is off (it is in electron-builder.yml too) and the fuses are left alone
 * (they patch the real Electron binary, which the stub is not). The beforePack hook is off too: it
 * demands the real better-sqlite3 for Electron. When dist/native has no
 * better-sqlite3 for Electron (it needs Electron's headers from the network), a placeholder file
 * stands in, so the check still proves where the real one would land.
 */

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const started = Date.now();
const step = (what: string) => console.log(`[check:package ${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-check-package-'));

function stubElectron(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stub Electron for the packaging check" >&2\nexit 1\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stub\n');
  fs.writeFileSync(path.join(dir, 'version'), JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version);
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  return dir;
}

/** The transpiled core must load in a plain Node ES-module loader, as Electron's main will load it. */
function smokeTestCore(): void {
  const url = pathToFileURL(path.join(root, 'dist/app/core/core.js')).href;
  const script = `const { createCore } = await import(${JSON.stringify(url)});
const core = createCore({ dbPath: ':memory:', log: { error() {} } });
const res = await core.dispatch('demo.load', { orders: 3 });
core.close();
if (!res.ok || res.result.orders !== 3) { console.error(JSON.stringify(res)); process.exit(1); }`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  step('building the renderer (vite)');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  step(`transpiling the main process: ${buildApp(root)} modules in dist/app`);
  smokeTestCore();
  step('dist/app/core/core.js loads in Node and answers demo.load');

  const extraResources: { from: string; to: string }[] = [];
  if (!fs.existsSync(path.join(root, 'dist/native/better_sqlite3.node'))) {
    const placeholder = path.join(tmp, 'native');
    fs.mkdirSync(placeholder);
    fs.writeFileSync(path.join(placeholder, 'better_sqlite3.node'), 'placeholder: better-sqlite3 for Electron is built by npm run build:electron\n');
    extraResources.push({ from: placeholder, to: 'native' });
    step('no dist/native/better_sqlite3.node here: a placeholder stands in for it');
  }
  const output = path.join(tmp, 'release');
  step('electron-builder --linux dir (stub Electron, no rebuild, no fuses)');
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch[process.arch as 'x64' | 'arm64'] ?? Arch.x64),
    publish: 'never',
    config: {
      electronDist: stubElectron(path.join(tmp, 'electron-stub')),
      npmRebuild: false,
      electronFuses: null,
      // The hook refuses a missing or placeholder better-sqlite3; test/electron/build.test.ts covers it.
      beforePack: null,
      directories: { output },
      extraResources,
    },
  });
  const unpacked = fs.readdirSync(output).find((d) => d.startsWith('linux') && d.endsWith('unpacked'));
  if (!unpacked) throw new Error(`electron-builder wrote no linux-unpacked folder in ${output}`);
  const report = inspectPackage(path.join(output, unpacked, 'resources'), { rulesSource: path.join(root, 'printer/transports/99-packdesk-printers.rules') });
  step(`asar: ${report.entries} files; ${report.modules} app modules reachable from main.js, every import resolved`);
  for (const p of report.unpackedNative) console.log(`  unpacked native module: ${p}`);
  if (report.problems.length) {
    console.error(`\ncheck:package FAILED:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    step('package OK');
  }
}

main()
  .catch((err: unknown) => {
    console.error(`check:package FAILED: ${(err as Error)?.stack ?? String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
