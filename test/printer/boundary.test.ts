/**
 * The printer module stands on its own (issue 8): nothing in printer/ imports the core, the
 * renderer or the Electron shell, so it can be tested, reused and reasoned about alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const printerDir = join(root, 'printer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative module specifier in a file: static imports and exports, dynamic imports, new URL(). */
function relativeSpecifiers(text: string): string[] {
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

describe('printer/ boundary', () => {
  it('imports nothing outside printer/', () => {
    const outside: string[] = [];
    for (const file of sourceFiles(printerDir)) {
      for (const spec of relativeSpecifiers(readFileSync(file, 'utf8'))) {
        const target = relative(printerDir, resolve(dirname(file), spec));
        if (target.startsWith('..')) outside.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
