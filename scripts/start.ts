import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-electron.js';
import { ensureElectronSqlite, nodeTooOld } from './electron-native.js';

/**
 * `npm start`: the desktop app from source. Checks Node, makes sure better-sqlite3 exists for
 * Electron's ABI (built once, again only when Electron changes), builds the screens and the main
 * process, then runs Electron on the project folder (package.json "main": dist/app/electron/main.js).
 * With PACKDESK_DEV_SERVER_URL=http://localhost:5173 the window loads the Vite dev server instead
 * of the built screens (start `npx vite --config renderer/vite.config.ts` yourself).
 */

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

const tooOld = nodeTooOld(process.versions.node);
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}

try {
  ensureElectronSqlite(root);
  if (!process.env.PACKDESK_DEV_SERVER_URL) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  console.log(`dist/app: ${buildApp(root)} modules.`);
} catch (err) {
  console.error(`\nnpm start stopped: ${(err as Error).message}`);
  process.exit(1);
}

// Resolving 'electron' from Node gives the binary's path, fetching Electron on first use.
const electron = createRequire(import.meta.url)('electron') as string;
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, ['.'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
