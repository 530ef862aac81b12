import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the shell's files are. The build lays them out as
 *   dist/app/electron/main.js, preload.cjs, assets/icon.png   (this folder, transpiled)
 *   dist/renderer/                                             (the Vite build)
 *   dist/native/better_sqlite3.node                            (better-sqlite3 for Electron's ABI)
 * and the packaged app keeps dist/ in the asar, except the native addon, which electron-builder
 * copies to resources/native/ (an addon cannot be loaded from inside an asar).
 */
export const NATIVE_DIR = 'native';
export const NATIVE_FILE = 'better_sqlite3.node';

export interface AppFiles {
  renderer: string;
  preload: string;
  icon: string | undefined;
  /** better-sqlite3 built for Electron; undefined leaves the package's own build (Node's ABI). */
  nativeBinding: string | undefined;
}

export function appFiles(here: string, isPackaged: boolean, resourcesPath: string, exists: (p: string) => boolean = fs.existsSync): AppFiles {
  const dist = path.resolve(here, '..', '..');
  const native = isPackaged ? path.join(resourcesPath, NATIVE_DIR, NATIVE_FILE) : path.join(dist, NATIVE_DIR, NATIVE_FILE);
  const icon = path.join(here, 'assets', 'icon.png');
  return {
    renderer: path.join(dist, 'renderer'),
    preload: path.join(here, 'preload.cjs'),
    icon: exists(icon) ? icon : undefined,
    nativeBinding: exists(native) ? native : undefined,
  };
}

/**
 * The user data folder, named explicitly: Electron would name it after package.json's "name"
 * (packdesk) in development. "Packdesk" is the folder the CLI's defaultDbPath uses too, so the
 * app and `npm run packdesk` share one database.
 */
export function userDataDir(appData: string): string {
  return path.join(appData, 'Packdesk');
}

export const DB_FILE = 'packdesk.db';
