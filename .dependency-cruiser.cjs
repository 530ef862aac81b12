/**
 * The architecture's boundaries (DESIGN.md "Architecture"), checked by `npm run check:boundaries`
 * and CI. Each rule names the boundary in words; a violation fails the build.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'core/domain holds the rules: no I/O, no store, no features, no Node built-ins, no native modules (core/shared is plain data too).',
      severity: 'error',
      from: { path: '^core/domain/' },
      to: {
        pathNot: '^core/(domain|shared)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'renderer-imports-core-types-only',
      comment: 'The renderer talks to the core through the API; from core it imports types, and constants only from core/shared (browser-safe).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        path: '^(core|printer|electron)/',
        pathNot: '^core/shared/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shared-is-browser-safe',
      comment: 'core/shared is loaded by the renderer: it may import nothing at run time but itself.',
      severity: 'error',
      from: { path: '^core/shared/' },
      to: { pathNot: '^core/shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'printer-independent-of-core',
      comment: 'The printer module owns its label model, encoders, transports and error codes.',
      severity: 'error',
      from: { path: '^printer/' },
      to: { path: '^(core|electron|renderer)/' },
    },
    {
      name: 'core-knows-no-shell',
      comment: 'The core runs in Electron, the station and the CLI alike: it never imports Electron, React or the screens.',
      severity: 'error',
      from: { path: '^(core|printer)/' },
      to: { path: '^(electron|renderer)/|^node_modules/(electron|react|react-dom|zustand)/' },
    },
    {
      name: 'electron-is-thin',
      comment: 'Electron wires the window, security and one IPC channel into the core: it reaches the core through its entry points, never its rules, store or features.',
      severity: 'error',
      from: { path: '^electron/' },
      to: {
        path: '^core/(domain|store|features|printing|import|export|sync)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'sql-lives-in-the-store',
      comment: 'better-sqlite3 is used only by core/store.',
      severity: 'error',
      from: { path: '^(core|printer|electron)/', pathNot: '^core/store/' },
      to: { path: 'node_modules/better-sqlite3/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: '^(core|printer|electron|renderer|scripts)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-output|bench-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
