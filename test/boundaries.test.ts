import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Runs dependency-cruiser with the project's rules; returns the module count and the violations. */
function cruise(cwd: string, dirs: string[]): { modules: number; violations: { rule: string; from: string; to: string }[] } {
  const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
  const run = spawnSync(bin, [...dirs, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { summary: { totalCruised: number; violations: { rule: { name: string }; from: string; to: string }[] } };
  return { modules: out.summary.totalCruised, violations: out.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })) };
}

/** The layering rules of shared/DESIGN.md, checked on every import in the tree. */
describe('module boundaries', () => {
  it('keeps every boundary of .dependency-cruiser.cjs across the source tree', () => {
    const result = cruise(root, ['core', 'printer', 'electron', 'renderer', 'scripts']);
    expect(result.modules).toBeGreaterThan(200);
    expect(result.violations).toEqual([]);
  });

  it('catches each kind of crossing the rules forbid', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-boundaries-'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: false } }),
      'core/core.ts': 'export const core = 1;',
      'core/store/repo.ts': 'export const repo = 1;',
      'core/shared/words.ts': "import { core } from '../core.js';\nexport const words = core;",
      'core/domain/rule.ts': "import fs from 'node:fs';\nexport const rule = fs;",
      'renderer/screen.ts':
        "import { core } from '../core/core.js';\nimport type { words } from '../core/shared/words.js';\nexport const screen: typeof words = core;",
      'printer/encoder.ts': "import { core } from '../core/core.js';\nexport const encoder = core;",
      'electron/main.ts': "import { repo } from '../core/store/repo.js';\nexport const main = repo;",
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    fs.copyFileSync(path.join(root, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
    const rules = cruise(dir, ['core', 'renderer', 'printer', 'electron']).violations.map((v) => `${v.rule}: ${v.from}`);
    expect(rules.sort()).toEqual([
      'domain-is-pure: core/domain/rule.ts',
      'electron-is-thin: electron/main.ts',
      'printer-independent-of-core: printer/encoder.ts',
      'renderer-imports-core-types-only: renderer/screen.ts',
      'shared-is-browser-safe: core/shared/words.ts',
    ]);
  });

  it('does not read the wall clock inside the domain rules', () => {
    for (const file of tsFiles(path.join(root, 'core/domain'))) {
      if (file.endsWith('clock.ts')) continue;
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });
});
