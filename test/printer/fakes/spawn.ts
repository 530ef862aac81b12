/**
 * Stand-ins for the OS's printing commands. `scriptedSpawn` records each command and answers it
 * from a table through a real child process (so pipes, exit codes and stderr behave as they do);
 * `fakeCommandDir` writes executables (e.g. a fake `lp`) for a PATH-first test on Linux.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SpawnFn } from '../../../printer/transports/process.js';

export interface Scripted {
  code?: number;
  stdout?: string;
  stderr?: string;
  /** The command is not installed: spawning fails with ENOENT. */
  missing?: boolean;
}

export interface RecordedCall {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

export function scriptedSpawn(answer: (command: string, args: readonly string[], env: NodeJS.ProcessEnv) => Scripted): {
  spawn: SpawnFn;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const fn: SpawnFn = (command, args, options) => {
    const env = options.env ?? process.env;
    calls.push({ command, args, env });
    const reply = answer(command, args, env);
    if (reply.missing) return spawn(path.join('/nonexistent', command), [], options);
    const script = `process.stdout.write(${JSON.stringify(reply.stdout ?? '')});process.stderr.write(${JSON.stringify(reply.stderr ?? '')});process.stdin.resume();process.stdin.on('end',()=>process.exit(${reply.code ?? 0}));`;
    return spawn(process.execPath, ['-e', script], { ...options, env: process.env });
  };
  return { spawn: fn, calls };
}

/** A folder of executable shell scripts, put first on PATH by `withPath`. */
export function fakeCommandDir(dir: string, commands: Record<string, string>): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(commands)) fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return bin;
}

/** node's spawn, with `bin` first on the PATH the command is looked up in. */
export function withPath(bin: string, only = false): SpawnFn {
  return (command, args, options: SpawnOptions) => {
    const base = options.env ?? process.env;
    const PATH = only ? bin : `${bin}${path.delimiter}${base.PATH ?? ''}`;
    return spawn(command, args, { ...options, env: { ...base, PATH } });
  };
}
