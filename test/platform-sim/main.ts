/**
 * npm run platform-sim -- [--port P] [--orders N] [--faults LIST] [--seed S] [--shops N]
 *                         [--app-key K] [--app-secret S] [--json]
 * Starts the simulator on 127.0.0.1 and prints what a client needs: base URLs, app key and secret,
 * a fresh auth code, the shops. With --json, one JSON line on stdout and nothing else.
 */
import { parseArgs } from 'node:util';
import { FAULT_KINDS } from './faults.js';
import { startSimulator } from './server.js';

const USAGE = `Usage: npm run platform-sim -- [--port P] [--orders N] [--faults LIST] [--seed S] [--shops N] [--app-key K] [--app-secret S] [--json]
  --faults  comma-separated KIND[=ARG][@[METHOD:]PATH][+SKIP][#COUNT|%PERCENT], KIND one of:
${Object.entries(FAULT_KINDS)
  .map(([k, v]) => `    ${k.padEnd(14)}${v}`)
  .join('\n')}`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}".`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      orders: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
      shops: { type: 'string' },
      'app-key': { type: 'string' },
      'app-secret': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const sim = await startSimulator({
    port: integer(values.port, '--port', 0),
    orders: integer(values.orders, '--orders', 50),
    seed: integer(values.seed, '--seed', 1),
    shops: Math.max(1, integer(values.shops, '--shops', 1)),
    faults: values.faults,
    appKey: values['app-key'],
    appSecret: values['app-secret'],
  });
  const info = {
    apiBase: sim.apiBase,
    authBase: sim.authBase,
    appKey: sim.appKey,
    appSecret: sim.appSecret,
    authCode: sim.controls.issueAuthCode(),
    shops: sim.state.shops.map((s) => ({ name: s.name, cipher: s.cipher })),
    control: `${sim.apiBase}/__sim`,
  };
  if (values.json) {
    console.log(JSON.stringify(info));
  } else {
    console.log(`TikTok Shop platform simulator on ${info.apiBase} (${sim.state.orders.size} orders)`);
    console.log(`  API base:   ${info.apiBase}\n  auth base:  ${info.authBase}\n  app key:    ${info.appKey}\n  app secret: ${info.appSecret}`);
    console.log(`  auth code:  ${info.authCode}   (more: POST ${info.control}/auth-codes)`);
    for (const shop of info.shops) console.log(`  shop:       ${shop.name}  cipher ${shop.cipher}`);
    console.log(`  control:    ${info.control}   (Ctrl-C stops)`);
  }
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
});
