import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core.js';
import { codedError } from '../api/coded-error.js';
import type { ErrorInfo } from '../domain/errors.js';
import { dbOption } from './args.js';
import { COMMANDS } from './commands.js';
import { PRINT_COMMANDS } from './print-commands.js';
import { SYNC_COMMANDS } from './sync-commands.js';
import { defaultDbPath } from './paths.js';

const HELP = `Packdesk — packing station, headless.
Usage: npm run packdesk -- <command> [options] [--db PATH] [--json]

${[...Object.values(COMMANDS), ...Object.values(PRINT_COMMANDS), ...Object.values(SYNC_COMMANDS)].map((c) => `  ${c.usage}`).join('\n')}
  bench                 run the benchmarks (same as npm run bench)

--db PATH   the database (default: ${defaultDbPath()})
--json      print only JSON on stdout`;

function printError(err: ErrorInfo, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify({ error: err })}\n`);
  process.stderr.write(`error ${err.code}: ${err.message}\n`);
}

function runBench(): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/bench/run.ts')], { stdio: 'inherit', cwd: root }).status ?? 1;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${HELP}\n`);
    return name ? 0 : 2;
  }
  if (name === 'bench') return runBench();
  const command = COMMANDS[name] ?? PRINT_COMMANDS[name] ?? SYNC_COMMANDS[name];
  if (!command) {
    printError({ code: 'INVALID_INPUT', message: `Unknown command ${JSON.stringify(name)}; see --help.` }, json);
    return 2;
  }
  let core: ReturnType<typeof createCore> | null = null;
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`Usage: npm run packdesk -- ${command.usage}\n`);
      return 0;
    }
    core = createCore({ dbPath: dbOption(rest) ?? defaultDbPath(), role: 'cli' });
    const out = await command.run(rest, core.dispatch);
    if (json) process.stdout.write(`${JSON.stringify(out.json, null, 2)}\n`);
    else if (!out.raw) process.stdout.write(`${out.text}\n`);
    if (!out.failed) return 0;
    process.stderr.write(`error ${out.failed.code}: ${out.failed.message}\n`);
    return 1;
  } catch (err) {
    printError(codedError(err)?.toInfo() ?? { code: 'INTERNAL', message: String((err as Error)?.message ?? err) }, json);
    return 1;
  } finally {
    core?.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
