import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import * as asar from '@electron/asar';

/**
 * What a packaged Packdesk must hold, read from its resources folder (…/resources): the asar with
 * the main process, the core, the printer module and the screens; native modules outside the
 * asar; better-sqlite3 for Electron in resources/native; the udev rule; and nothing that only
 * developing needs. Returns the problems found (none means the package is sound).
 */

interface Entry {
  path: string;
  unpacked: boolean;
}

interface DirNode {
  files: Record<string, DirNode | { unpacked?: boolean }>;
}

function walk(dir: DirNode, prefix: string, out: Entry[]): void {
  for (const [name, node] of Object.entries(dir.files)) {
    const p = prefix ? `${prefix}/${name}` : name;
    if ('files' in node) walk(node as DirNode, p, out);
    else out.push({ path: p, unpacked: Boolean((node as { unpacked?: boolean }).unpacked) });
  }
}

export function asarEntries(archive: string): Entry[] {
  const out: Entry[] = [];
  walk(asar.getRawHeader(archive).header as unknown as DirNode, '', out);
  return out;
}

/**
 * Module specifiers a transpiled ES module loads (static imports, re-exports, dynamic imports),
 * and files it names as `new URL('./x', import.meta.url)` (a worker's script, a font).
 */
export function specifiersOf(js: string): string[] {
  const re =
    /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;
  return [...js.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!);
}

const packageName = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const BUILTINS = new Set(builtinModules);

/** Node's and Electron's own modules come with the runtime, not in the asar. */
function isRuntimeModule(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || spec === 'electron';
}

/** Files reachable from `entry` inside the asar; unresolvable imports are reported. */
function checkImports(archive: string, files: Set<string>, entry: string, problems: string[]): number {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiersOf(asar.extractFile(archive, file).toString('utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (!files.has(target)) problems.push(`${file} imports ${spec}, which is not in the asar`);
        else if (/\.(js|mjs)$/.test(target)) queue.push(target);
      } else if (!isRuntimeModule(spec) && !files.has(`node_modules/${packageName(spec)}/package.json`)) {
        problems.push(`${file} imports ${spec}, a package the asar does not hold (a devDependency?)`);
      }
    }
  }
  return seen.size;
}

export interface PackageReport {
  problems: string[];
  modules: number;
  entries: number;
  unpackedNative: string[];
}

export function inspectPackage(resources: string, opts: { rulesSource: string }): PackageReport {
  const problems: string[] = [];
  const archive = path.join(resources, 'app.asar');
  if (!fs.existsSync(archive)) return { problems: [`no ${archive}`], modules: 0, entries: 0, unpackedNative: [] };
  const entries = asarEntries(archive);
  const files = new Set(entries.map((e) => e.path));
  const need = (p: string, what: string) => files.has(p) || problems.push(`missing ${what}: ${p}`);

  need('package.json', 'the app manifest');
  const main = files.has('package.json') ? (JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main?: string }).main : undefined;
  if (main !== 'dist/app/electron/main.js') problems.push(`package.json "main" is ${String(main)}, not dist/app/electron/main.js`);
  need('dist/app/electron/main.js', 'the main process');
  need('dist/app/electron/preload.cjs', 'the preload bridge');
  need('dist/app/core/core.js', 'the core');
  need('dist/app/core/api/dispatch.js', 'the core dispatcher');
  need('dist/app/printer/encoders/zpl.js', 'the printer module (ZPL encoder)');
  need('dist/app/printer/transports/open.js', 'the printer module (transports)');
  need('dist/app/printer/platform/label-worker.js', 'the label worker (platform labels off the main thread)');
  need('dist/app/printer/fonts/PackdeskCJK-SC.otf', 'the bundled CJK label font');
  need('dist/app/printer/fonts/OFL.txt', "the bundled font's licence");
  need('dist/renderer/index.html', 'the renderer bundle');
  if (!entries.some((e) => /^dist\/renderer\/assets\/[^/]+\.js$/.test(e.path))) problems.push('missing the renderer bundle: no dist/renderer/assets/*.js');
  if (files.has('dist/renderer/index.html')) {
    const html = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) need(path.posix.join('dist/renderer', ref!), 'a file index.html loads');
  }
  const modules = files.has('dist/app/electron/main.js') ? checkImports(archive, files, 'dist/app/electron/main.js', problems) : 0;

  for (const pkg of ['better-sqlite3', 'usb', '@napi-rs/canvas', 'pdfjs-dist', 'zod']) need(`node_modules/${pkg}/package.json`, 'a runtime dependency');
  const unpackedNative: string[] = [];
  for (const e of entries.filter((x) => x.path.endsWith('.node'))) {
    if (!e.unpacked) problems.push(`native module inside the asar (cannot load from there): ${e.path}`);
    else if (!fs.existsSync(path.join(resources, 'app.asar.unpacked', e.path))) problems.push(`unpacked native module missing on disk: ${e.path}`);
    else unpackedNative.push(e.path);
  }
  if (!unpackedNative.some((p) => p.startsWith('node_modules/@node-usb/'))) problems.push('no unpacked usb binary (@node-usb/*)');
  if (!unpackedNative.some((p) => p.startsWith('node_modules/@napi-rs/canvas-'))) problems.push('no unpacked @napi-rs/canvas binary');
  if (!fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'lib', 'index.js')))
    problems.push('better-sqlite3 is not unpacked');
  if (entries.some((e) => e.path.startsWith('node_modules/better-sqlite3/build/')))
    problems.push("better-sqlite3's Node build is shipped (the app loads resources/native instead)");
  if (!fs.existsSync(path.join(resources, 'native', 'better_sqlite3.node')))
    problems.push('missing resources/native/better_sqlite3.node (better-sqlite3 for Electron)');

  const rules = path.join(resources, 'udev', '99-packdesk-printers.rules');
  if (!fs.existsSync(rules)) problems.push('missing resources/udev/99-packdesk-printers.rules');
  else if (!fs.readFileSync(rules).equals(fs.readFileSync(opts.rulesSource)))
    problems.push('the shipped udev rule differs from printer/transports/99-packdesk-printers.rules');

  for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'tsx']) {
    if (files.has(`node_modules/${dev}/package.json`)) problems.push(`devDependency shipped: ${dev}`);
  }
  for (const src of ['core/', 'printer/', 'electron/', 'renderer/', 'test/', 'scripts/']) {
    if (entries.some((e) => e.path.startsWith(src))) problems.push(`source folder shipped: ${src}`);
  }
  if (entries.some((e) => e.path.endsWith('.map'))) problems.push('source maps shipped');
  return { problems, modules, entries: entries.length, unpackedNative };
}
