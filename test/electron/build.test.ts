import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { appFiles, userDataDir } from '../../electron/paths.js';
import { collectSources, runtimeImports } from '../../scripts/build-electron.js';
import { specifiersOf } from '../../scripts/package-contents.js';

const root = path.resolve(import.meta.dirname, '../..');
const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('building the main process', () => {
  it('follows runtime imports only, not type-only ones', () => {
    const src = [
      "import type { A } from './types.js';",
      "import { type B, type C } from './only-types.js';",
      "import { d, type E } from './mixed.js';",
      "export type { F } from './reexported-types.js';",
      "export { g } from './reexported.js';",
      "import './side-effect.js';",
      "const h = await import('./lazy.js');",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(runtimeImports('x.ts', src).sort()).toEqual(['./lazy.js', './mixed.js', './reexported.js', './side-effect.js']);
  });

  it('takes the core and the printer module along, and nothing from tests, scripts or the renderer', () => {
    const files = rel(collectSources(root));
    expect(files).toContain('electron/main.ts');
    expect(files).toContain('core/core.ts');
    expect(files.some((f) => f.startsWith('printer/encoders/'))).toBe(true);
    expect(files.filter((f) => /^(test|scripts|renderer)\//.test(f))).toEqual([]);
    expect(files).not.toContain('electron/preload.ts');
  });

  it('finds the imports of transpiled modules', () => {
    const js = `import { a } from './a.js';\nexport * from "../b.js";\nimport 'c';\nconst x = await import('./d.js');\nimport Database from 'better-sqlite3';`;
    expect(specifiersOf(js)).toEqual(['./a.js', '../b.js', 'c', './d.js', 'better-sqlite3']);
  });

  it('makes the preload a CommonJS file that requires only electron', () => {
    const out = ts.transpileModule(fs.readFileSync(path.join(root, 'electron/preload.ts'), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    expect([...out.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(out).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('where the shell finds its files', () => {
  it('uses the Electron build of better-sqlite3 from resources/native when packaged', () => {
    const here = '/opt/Packdesk/resources/app.asar/dist/app/electron';
    const files = appFiles(here, true, '/opt/Packdesk/resources', () => true);
    expect(files.nativeBinding).toBe('/opt/Packdesk/resources/native/better_sqlite3.node');
    expect(files.preload).toBe(`${here}/preload.cjs`);
    expect(files.renderer).toBe('/opt/Packdesk/resources/app.asar/dist/renderer');
  });

  it('uses dist/native in development, and nothing when it is not built', () => {
    const here = '/repo/dist/app/electron';
    expect(appFiles(here, false, '/x', () => true).nativeBinding).toBe('/repo/dist/native/better_sqlite3.node');
    expect(appFiles(here, false, '/x', () => false).nativeBinding).toBeUndefined();
  });

  it('names the data folder Packdesk on every platform', () => {
    expect(userDataDir('/home/p/.config')).toBe(path.join('/home/p/.config', 'Packdesk'));
  });
});

describe('the deb scripts', () => {
  // electron-builder replaces ${name} macros and stops on any it does not know (FpmTarget.writeConfigFile).
  const known = new Set(['executable', 'sanitizedProductName', 'productFilename']);
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

  for (const name of ['deb-after-install.sh', 'deb-after-remove.sh']) {
    it(`${name} uses only macros electron-builder fills in`, () => {
      const text = fs.readFileSync(path.join(root, 'electron/packaging', name), 'utf8');
      const macros = [...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]!);
      expect(macros.filter((m) => !known.has(m))).toEqual([]);
      expect(yml).toContain(`electron/packaging/${name}`);
    });
  }

  it('installs the udev rule from where the package puts it', () => {
    const text = fs.readFileSync(path.join(root, 'electron/packaging/deb-after-install.sh'), 'utf8');
    expect(yml).toContain('to: udev/99-packdesk-printers.rules');
    // electron-builder's own placeholder, written out in the script and filled in at install time.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text ${sanitizedProductName} is what the script must hold.
    expect(text).toContain('/opt/${sanitizedProductName}/resources/udev/99-packdesk-printers.rules');
    expect(text).toContain('/etc/udev/rules.d/99-packdesk-printers.rules');
    expect(text).toContain('udevadm control --reload-rules');
  });
});

describe('the beforePack hook', () => {
  type Hook = { packProblems(root: string, platform: string, arch: string): string[]; default(context: unknown): Promise<void> };
  const load = async () => (await import(pathToFileURL(path.join(root, 'scripts/before-pack.mjs')).href)) as Hook;

  function project(native: { platform: string; arch: string } | null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-beforepack-'));
    const put = (p: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    };
    put('dist/renderer/index.html', '<!doctype html>');
    put('dist/app/electron/main.js', '');
    if (native) {
      put('dist/native/better_sqlite3.node', 'x');
      put('dist/native/stamp.json', JSON.stringify({ ...native, electron: '45.5.0' }));
    }
    return dir;
  }

  it('is the hook electron-builder.yml names', () => {
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^beforePack: \.\/scripts\/before-pack\.mjs$/m);
  });

  it('lets a complete project for this platform through', async () => {
    const { packProblems, default: hook } = await load();
    const dir = project({ platform: 'linux', arch: 'x64' });
    expect(packProblems(dir, 'linux', 'x64')).toEqual([]);
    await expect(hook({ packager: { info: { projectDir: dir } }, electronPlatformName: 'linux', arch: 1 })).resolves.toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });

  it('stops packaging without better-sqlite3 for Electron, or with one for another OS', async () => {
    const { packProblems, default: hook } = await load();
    const missing = project(null);
    expect(packProblems(missing, 'linux', 'x64').join()).toMatch(/better_sqlite3\.node is missing/);
    await expect(hook({ packager: { info: { projectDir: missing } }, electronPlatformName: 'linux', arch: 1 })).rejects.toThrow(/not ready to package/);
    const linux = project({ platform: 'linux', arch: 'x64' });
    expect(packProblems(linux, 'win32', 'x64').join()).toMatch(/linux-x64, not win32-x64/);
    for (const d of [missing, linux]) fs.rmSync(d, { recursive: true });
  });
});
