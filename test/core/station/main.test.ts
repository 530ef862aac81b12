import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';
import { connect, onCleanup } from './support.js';

const root = path.resolve(import.meta.dirname, '../../..');

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function station(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/station/main.ts', ...args], { cwd: root });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onCleanup(() => void child.kill('SIGKILL'));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Waits for the line that prints the URL; fails with the output if the process exits first. */
async function announcedUrl(run: Run): Promise<string> {
  for (;;) {
    const m = /Packdesk station: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.stdout());
    if (m) return m[1]!;
    const exited = await Promise.race([run.exit.then(() => true), new Promise<false>((r) => run.child.stdout.once('data', () => r(false)))]);
    if (exited) throw new Error(`station exited early:\n${run.stdout()}\n${run.stderr()}`);
  }
}

function tempDb(): string {
  const { dir, cleanup } = tempDir('packdesk-station-main-');
  onCleanup(cleanup);
  return path.join(dir, 'packdesk.db');
}

describe('npm run station', () => {
  it('serves the demo shop over the API, prints its URL, and stops cleanly on SIGTERM', async () => {
    const run = station(['--port', '0', '--db', tempDb(), '--demo']);
    const url = await announcedUrl(run);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const origin = url.replace(/\/$/, '');
    const client = await connect(`${origin.replace('http', 'ws')}/api`, { origin });
    const queue = (await client.call('orders.queue', { limit: 1 })) as { ok: true; result: { total: number } };
    expect(queue.result.total).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain('stopping (SIGTERM)');
    expect(run.stderr()).toBe('');
  });

  it('exits 1 with a coded error when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    onCleanup(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as net.AddressInfo).port;
    const run = station(['--port', String(port), '--db', tempDb()]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(new RegExp(`^error CONFLICT: Port ${port} .*already in use`, 'm'));
  });

  it('exits 1 with INVALID_INPUT for a bad --port or an unknown flag', async () => {
    const bad = station(['--port', 'http', '--db', tempDb()]);
    expect(await bad.exit).toBe(1);
    expect(bad.stderr()).toMatch(/^error INVALID_INPUT: --port/m);
    const unknown = station(['--prot', '1', '--db', tempDb()]);
    expect(await unknown.exit).toBe(1);
    expect(unknown.stderr()).toMatch(/^error INVALID_INPUT:/m);
  });
});
