// electron-builder's beforePack hook (plain JS: electron-builder loads it without tsx).
// Stops packaging before it ships an app that cannot start: the screens and the main process must
// be built, and better-sqlite3 for Electron must exist for the platform and arch being packed
// (it is built per OS by `npm run build:electron`; a Linux build inside a Windows installer
// would fail at the first database call).
import fs from 'node:fs';
import path from 'node:path';

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** What is wrong with the project folder for packing `platform`/`arch`; empty when ready. */
export function packProblems(root, platform, arch) {
  const problems = [];
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) problems.push('dist/renderer is not built (npm run build:renderer)');
  if (!fs.existsSync(path.join(root, 'dist/app/electron/main.js'))) problems.push('dist/app is not built (npm run build:electron)');
  const native = path.join(root, 'dist/native');
  if (!fs.existsSync(path.join(native, 'better_sqlite3.node'))) {
    problems.push('dist/native/better_sqlite3.node is missing (npm run build:electron)');
  } else {
    let stamp = null;
    try {
      stamp = JSON.parse(fs.readFileSync(path.join(native, 'stamp.json'), 'utf8'));
    } catch {
      problems.push('dist/native/stamp.json is missing or unreadable (npm run build:electron)');
    }
    if (stamp && (stamp.platform !== platform || stamp.arch !== arch)) {
      problems.push(`dist/native holds better-sqlite3 for ${stamp.platform}-${stamp.arch}, not ${platform}-${arch}: package on that OS`);
    }
  }
  return problems;
}

export default async function beforePack(context) {
  const root = context.packager.info.projectDir;
  const problems = packProblems(root, context.electronPlatformName, ARCH_NAMES[context.arch] ?? String(context.arch));
  if (problems.length) throw new Error(`Packdesk is not ready to package:\n  - ${problems.join('\n  - ')}`);
}
