import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { call } from '../api/dispatch.js';
import { defaultDbPath } from '../cli/paths.js';
import { createCore, type Core } from '../core.js';
import { codedError } from '../api/coded-error.js';
import { ensureRendererBuilt, staleReason } from '../../scripts/renderer-build.js';
import { PackdeskError, type ErrorInfo } from '../domain/errors.js';
import { startStation, type Station } from './server.js';
import { staticRoot } from './static.js';

const HELP = `Packdesk station — the screens and the API in a browser, on this computer only.
Usage: npm run station -- [--port P] [--db PATH] [--demo] [--host H]

--port P    port to listen on (default 5170; 0 = any free port)
--db PATH   the database (default: ${defaultDbPath()})
--demo      load the demo shop (labels go to the preview printer until one is set up)
--host H    address to listen on (default 127.0.0.1; anything else exposes the station)`;

export const DEFAULT_PORT = 5170;

interface StationArgs {
  port: number;
  db: string;
  demo: boolean;
  host: string;
  help: boolean;
}

const OPTIONS = {
  port: { type: 'string' },
  db: { type: 'string' },
  demo: { type: 'boolean' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new PackdeskError('INVALID_INPUT', `${(err as Error).message}; see --help.`);
  }
}

function parse(argv: string[]): StationArgs {
  const values = readOptions(argv);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new PackdeskError('INVALID_INPUT', `--port takes a number from 0 to 65535, not ${JSON.stringify(values.port)}.`);
  return { port, db: values.db ?? defaultDbPath(), demo: values.demo ?? false, host: values.host ?? '127.0.0.1', help: values.help ?? false };
}

/** dist/renderer at the project root, wherever the command is started from. */
function rendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');
}

/** A newcomer's `npm run station -- --demo` gets current screens: built when missing or older than their sources. */
async function buildScreens(): Promise<void> {
  const reason = staleReason();
  if (reason) process.stdout.write(`Building the screens (${reason})…\n`);
  try {
    const built = await ensureRendererBuilt();
    if (built) process.stdout.write('Built the screens.\n');
  } catch (err) {
    process.stdout.write(`The screens could not be built: ${(err as Error).message}\n`);
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function printError(err: unknown): void {
  const info: ErrorInfo = codedError(err)?.toInfo() ?? { code: 'INTERNAL', message: String((err as Error)?.message ?? err) };
  process.stderr.write(`error ${info.code}: ${info.message}\n`);
}

/** Stops on the first SIGINT/SIGTERM: sockets closed, then the store, so no write is cut short. */
function closeOnSignal(station: Station, core: Core): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`Packdesk station: stopping (${signal})\n`);
      void station
        .close()
        .then(() => core.sync.stop())
        .catch(printError)
        .finally(() => {
          core.close();
          resolve();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function main(argv: string[]): Promise<number> {
  let core: Core | null = null;
  try {
    const args = parse(argv);
    if (args.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    core = createCore({ dbPath: args.db, role: 'station', warmLabelRenderer: true, sync: { gateways: 'worker' } });
    if (args.demo) {
      const demo = await call(core.dispatch, 'demo.load', {});
      process.stdout.write(`Demo shop loaded: ${demo.orders} new orders, ${demo.skus} SKUs.\n`);
    }
    const dir = rendererDir();
    await buildScreens();
    if (!staticRoot(dir)) process.stdout.write(`The screens are not built (${dir} is missing); run \`npm run build:renderer\`. The API is served anyway.\n`);
    const station = await startStation({ core, port: args.port, host: args.host, staticDir: dir });
    // The sync runs here as in the desktop app: at start, every 60 s, 1 s after an outbox write.
    core.sync.start();
    process.stdout.write(`Packdesk station: ${station.url}\n`);
    if (!isLoopback(args.host)) process.stdout.write(`Warning: listening on ${args.host}; other computers on this network can reach the screens.\n`);
    await closeOnSignal(station, core);
    return 0;
  } catch (err) {
    printError(err);
    core?.close();
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
