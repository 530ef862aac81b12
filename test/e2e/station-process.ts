/**
 * The station as its own process (`npm run station`'s entry, core/station/main.ts), so a test can
 * freeze it with SIGSTOP the way a hung station looks to the screens: its socket stays open and
 * nothing answers. Plain Node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ROOT, rendererBuild } from './build.js';

export interface StationProcess {
  origin: string;
  /** SIGSTOP: the station stops answering, its sockets stay open. */
  pause(): void;
  /** SIGCONT: it goes on where it stopped, reading what was sent meanwhile. */
  resume(): void;
  /** Stops it (SIGTERM after a SIGCONT) and waits for it to exit, so its database is closed. */
  stop(): Promise<void>;
  /** What it has printed so far. */
  output(): string;
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = /Packdesk station: (http:\/\/[^\s/]+)/.exec(output());
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the station exited (${code}) before listening:\n${output()}`)));
  });
}

/** Starts the station on `dbPath`, serving dist/renderer. */
export async function startStationProcess(dbPath: string): Promise<StationProcess> {
  // The station would build dist/renderer itself when stale; building first keeps its start quick.
  (await rendererBuild()).cleanup();
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/station/main.ts', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  // Registered before waiting, so no line printed early is missed.
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const origin = await waitForUrl(child, () => out).catch((err: Error) => {
    throw new Error(`${err.message}\n${stderr}`);
  });
  const exited = once(child, 'exit');
  return {
    origin,
    output: () => out,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
