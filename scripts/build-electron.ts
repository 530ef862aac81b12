import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ensureElectronSqlite } from './electron-native.js';

/**
 * Turns the main process and everything it imports (electron/, core/, printer/) into plain ES
 * modules under dist/app/, file for file, with TypeScript's own transpiler: no bundler, so the
 * asar keeps the source layout (dist/app/core/…, dist/app/printer/…) and node_modules packages
 * stay ordinary runtime dependencies. Type checking is `npm run typecheck`'s job; the tsconfig's
 * isolatedModules and verbatimModuleSyntax make a file-by-file transpile exact.
 * The preload becomes CommonJS (preload.cjs): a sandboxed preload cannot be an ES module.
 */

export const APP_OUT = path.join('dist', 'app');
const ENTRIES = ['electron/main.ts'];
const PRELOAD = 'electron/preload.ts';

/**
 * Relative files a file loads at runtime: modules it imports (type-only imports and exports are
 * skipped), and files it names as `new URL('./x', import.meta.url)` — a worker's script, a font.
 */
export function runtimeImports(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.importClause?.namedBindings;
      const allTypes = !node.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!allTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [arg, base] = node.arguments ?? [];
      if (arg && ts.isStringLiteral(arg) && base?.getText(sf) === 'import.meta.url') found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.filter((s) => s.startsWith('./') || s.startsWith('../'));
}

/** The source file a '.js' specifier names: x.js → x.ts or x.tsx. */
function sourceOf(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.basename(from)} imports ${spec}, which does not exist`);
}

/** Every TypeScript file reachable from the entries at runtime. */
export function collectSources(root: string, entries: string[] = ENTRIES): string[] {
  return collectFiles(root, entries).sources;
}

/** Modules reachable from the entries, and the other files they name (fonts), to ship as they are. */
export function collectFiles(root: string, entries: string[] = ENTRIES): { sources: string[]; assets: string[] } {
  const seen = new Set<string>();
  const assets = new Set<string>();
  const queue = entries.map((e) => path.resolve(root, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of runtimeImports(file, fs.readFileSync(file, 'utf8'))) {
      if (/\.(js|mjs)$/.test(spec)) queue.push(sourceOf(file, spec));
      else assets.add(path.resolve(path.dirname(file), spec));
    }
  }
  return { sources: [...seen].sort(), assets: [...assets].sort() };
}

/** An asset and the licence texts beside it (a font's OFL.txt travels with the font). */
function withLicences(asset: string): string[] {
  const dir = path.dirname(asset);
  return [
    asset,
    ...fs
      .readdirSync(dir)
      .filter((f) => /^(OFL|LICEN[CS]E)[^/]*\.txt$/i.test(f))
      .map((f) => path.join(dir, f)),
  ];
}

function transpile(file: string, module: ts.ModuleKind): string {
  return ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module,
      verbatimModuleSyntax: module !== ts.ModuleKind.CommonJS,
      esModuleInterop: true,
    },
  }).outputText;
}

/** Writes dist/app/ afresh; returns how many modules it holds. */
export function buildApp(root: string): number {
  const out = path.join(root, APP_OUT);
  fs.rmSync(out, { recursive: true, force: true });
  const { sources, assets } = collectFiles(root);
  for (const file of assets.flatMap(withLicences)) {
    const rel = path.relative(root, file);
    if (!fs.existsSync(file)) throw new Error(`The app names ${rel}, which does not exist`);
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.cpSync(file, path.join(out, rel));
  }
  for (const file of sources) {
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || /^(test|renderer|scripts)[\\/]/.test(rel)) throw new Error(`The app must not load ${rel}`);
    const dest = path.join(out, rel.replace(/\.tsx?$/, '.js'));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, transpile(file, ts.ModuleKind.ESNext));
  }
  const preload = path.join(out, PRELOAD.replace(/\.ts$/, '.cjs'));
  fs.writeFileSync(preload, transpile(path.join(root, PRELOAD), ts.ModuleKind.CommonJS));
  const icon = path.join(root, 'electron', 'assets', 'icon.png');
  if (fs.existsSync(icon)) fs.cpSync(icon, path.join(out, 'electron', 'assets', 'icon.png'));
  return sources.length + 1;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const count = buildApp(root);
  console.log(`dist/app: ${count} modules.`);
  // --no-native: the offline packaging check, which cannot fetch Electron's headers.
  if (!process.argv.includes('--no-native')) ensureElectronSqlite(root);
}
