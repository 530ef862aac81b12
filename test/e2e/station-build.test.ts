/**
 * Issue 11 item 10: a newcomer's second command just works. `npm run station -- --demo` builds the
 * screens when they are older than their sources, instead of serving "The screens have not been
 * built yet". The build is dated back while this test holds the build lock (other test processes
 * copy dist/renderer under it), and the lock is let go once the station has seen the stale build.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, RENDERER_DIST, ROOT, staleReason, withBuildLock } from '../../scripts/renderer-build.js';

interface Run {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves once the output matches; rejects if the station exits first. */
  printed(pattern: RegExp): Promise<RegExpExecArray>;
}

function station(dbPath: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/station/main.ts', '--port', '0', '--db', dbPath, '--demo'], { cwd: ROOT });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  return {
    child,
    output: () => out,
    printed: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (!m) return;
          child.stdout.off('data', check);
          resolve(m);
        };
        child.stdout.on('data', check);
        child.once('exit', (code) => reject(new Error(`the station exited (${code}):\n${out}`)));
        check();
      }),
  };
}

describe('npm run station builds the screens it serves', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-station-build-'));
  const runs: Run[] = [];

  afterEach(() => {
    for (const run of runs.splice(0)) run.child.kill('SIGKILL');
  });

  it('rebuilds stale screens before serving them, and says so', async () => {
    await ensureRendererBuilt();
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const held = withBuildLock(
      () =>
        new Promise<void>((r) => {
          release = r;
          locked();
        }),
    );
    await isLocked;
    const index = path.join(RENDERER_DIST, 'index.html');
    fs.utimesSync(index, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const run = station(path.join(dir, 'a.db'));
    runs.push(run);
    await run.printed(/Building the screens \(renderer sources changed since the last build\)…/);
    release();
    await held;

    const [, url] = await run.printed(/Packdesk station: (http:\/\/\S+)/);
    expect(staleReason()).toBeNull();
    const page = await (await fetch(url!)).text();
    expect(page).toContain('<div id="root">');
    expect(page).not.toContain('have not been built');
  }, 120_000);

  it('starts at once when the screens are current', async () => {
    await ensureRendererBuilt();
    const run = station(path.join(dir, 'b.db'));
    runs.push(run);
    await run.printed(/Packdesk station: /);
    expect(run.output()).not.toContain('Building the screens');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
