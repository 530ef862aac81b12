/**
 * Running the OS's printing commands (lp, lpstat, PowerShell) without a shell: arguments go to
 * the program as they are, so a printer named `x; rm -rf ~` is just a strange name. `spawn` is
 * injected so tests can check the exact command and stand in for Windows and CUPS.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export const defaultSpawn: SpawnFn = (command, args, options) => nodeSpawn(command, args, options);

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  spawn?: SpawnFn;
  stdin?: Uint8Array;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/**
 * Resolves with the exit code and output; rejects only when the program cannot be started
 * (ENOENT: not installed), with Node's error so callers can read its code.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = (options.spawn ?? defaultSpawn)(command, args, {
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
        shell: false,
        env: options.env ?? process.env,
      });
    } catch (err) {
      reject(err);
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, options.timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
    });
    // A program that exits without reading its input closes the pipe under us (EPIPE): its exit
    // code tells what happened, not the broken pipe.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.stdin ? Buffer.from(options.stdin.buffer, options.stdin.byteOffset, options.stdin.byteLength) : undefined);
  });
}
