import fs from 'node:fs';
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

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** The layering rules of shared/DESIGN.md, checked on every import in the tree. */
describe('module boundaries', () => {
  it('keeps core/domain pure: no I/O, no store, no runtime modules', () => {
    for (const file of tsFiles(path.join(root, 'core/domain'))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${path.relative(root, file)} imports ${spec}`).toMatch(/^\.\/[\w-]+\.js$/);
      }
    }
  });

  it('keeps Electron, React and the DOM out of core/ and printer/', () => {
    const files = [...tsFiles(path.join(root, 'core')), ...tsFiles(path.join(root, 'printer'))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        expect(spec, `${path.relative(root, file)} imports ${spec}`).not.toMatch(/^(electron|react|react-dom|zustand)(\/|$)|renderer\//);
      }
    }
  });

  it('does not read the wall clock inside the domain rules', () => {
    for (const file of tsFiles(path.join(root, 'core/domain'))) {
      if (file.endsWith('clock.ts')) continue;
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });
});
