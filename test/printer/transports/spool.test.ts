import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { SpoolTransport } from '../../../printer/transports/spool.js';
import { WIN_ENV, windowsRawPrintScript } from '../../../printer/transports/spool-windows.js';
import { fakeCommandDir, scriptedSpawn, withPath } from '../fakes/spawn.js';
import { tempDir } from '../fakes/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const { dir, cleanup } = tempDir('packdesk-spool-');
  cleanups.push(cleanup);
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PrinterError);
    return err as PrinterError;
  }
  throw new Error('expected a PrinterError');
}

/** Label bytes with every byte value, so any text-mode mangling on the way shows. */
const LABEL = Uint8Array.from({ length: 3000 }, (_, i) => (i * 13) & 0xff);

describe('SpoolTransport on CUPS (a fake lp first on PATH)', () => {
  /** Records its arguments one per line and its stdin, and answers like CUPS' lp. */
  function fakeLp(dir: string, body = 'echo "request id is $2-42 (0 file(s))"'): string {
    return fakeCommandDir(dir, { lp: `printf '%s\\n' "$@" > "${dir}/args"\ncat > "${dir}/stdin"\n${body}` });
  }

  it('runs lp -d NAME -o raw with the job on stdin, byte for byte, and keeps the request id', async () => {
    const dir = folder();
    const t = new SpoolTransport('Zebra_GK420d', { platform: 'linux', spawn: withPath(fakeLp(dir)), title: 'order-1001' });
    await t.write(LABEL);
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8').trim().split('\n')).toEqual(['-d', 'Zebra_GK420d', '-o', 'raw', '-t', 'order-1001']);
    expect(fs.readFileSync(path.join(dir, 'stdin')).equals(Buffer.from(LABEL))).toBe(true);
    expect(t.lastJobId).toBe('Zebra_GK420d-42');
  });

  it('passes a strange queue name as one argument: no shell ever sees it', async () => {
    const dir = folder();
    const name = 'bench; touch pwned $(id) "x"';
    await new SpoolTransport(name, { platform: 'darwin', spawn: withPath(fakeLp(dir)) }).write(LABEL);
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8').split('\n')[1]).toBe(name);
    expect(fs.existsSync('pwned')).toBe(false);
  });

  it.each([
    ['lp: The printer or class does not exist.', 'PRINTER_NOT_FOUND'],
    ['lp: Destination "Zebra" is not accepting jobs.', 'PRINTER_OFFLINE'],
    ['lp: Forbidden', 'PRINTER_NO_PERMISSION'],
    ['lp: Scheduler is not running.', 'PRINTER_OFFLINE'],
    ['lp: something else went wrong', 'PRINTER_OFFLINE'],
  ])('maps lp failing with %j to %s', async (message, code) => {
    const dir = folder();
    const t = new SpoolTransport('Zebra', { platform: 'linux', spawn: withPath(fakeLp(dir, `echo '${message}' >&2\nexit 1`)) });
    const err = await failure(t.write(LABEL));
    expect(err.code).toBe(code);
    expect(err.details).toMatchObject({ exitCode: 1, stderr: message });
  });

  it('without CUPS installed it is PRINTER_UNSUPPORTED', async () => {
    const empty = fakeCommandDir(folder(), {});
    const err = await failure(new SpoolTransport('Zebra', { platform: 'linux', spawn: withPath(empty, true) }).write(LABEL));
    expect(err.code).toBe('PRINTER_UNSUPPORTED');
  });

  it('an lp that hangs is PRINTER_TIMEOUT after writeMs', async () => {
    const dir = folder();
    const bin = fakeCommandDir(dir, { lp: 'exec sleep 30' });
    const err = await failure(new SpoolTransport('Zebra', { platform: 'linux', spawn: withPath(bin), timeouts: { writeMs: 100 } }).write(LABEL));
    expect(err.code).toBe('PRINTER_TIMEOUT');
  });

  it('cannot read: no status through a spooler', async () => {
    expect(await new SpoolTransport('Zebra').read()).toBeNull();
  });
});

describe('SpoolTransport on Windows (winspool RAW through PowerShell)', () => {
  it('runs powershell.exe with the RAW script, the name in the environment and the bytes in a temp file it removes', async () => {
    const dir = folder();
    let seenBytes: Buffer | undefined;
    const { spawn, calls } = scriptedSpawn((_command, _args, env) => {
      seenBytes = fs.readFileSync(env[WIN_ENV.file]!);
      return { code: 0 };
    });
    const name = `Zebra "GK420d" 'bench' $(x)`;
    await new SpoolTransport(name, { platform: 'win32', spawn, tempDir: dir, title: 'order-7' }).write(LABEL);
    const [call] = calls;
    expect(call?.command).toBe('powershell.exe');
    expect(call?.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    const script = Buffer.from(call!.args[5]!, 'base64').toString('utf16le');
    expect(script).toBe(windowsRawPrintScript());
    expect(call?.env[WIN_ENV.printer]).toBe(name);
    expect(call?.env[WIN_ENV.title]).toBe('order-7');
    expect(seenBytes?.equals(Buffer.from(LABEL))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the script asks winspool for a RAW document and writes the bytes, with no values spliced in', () => {
    const script = windowsRawPrintScript();
    for (const part of [
      'winspool.drv',
      'OpenPrinterW',
      'StartDocPrinterW',
      'Datatype = "RAW"',
      'WritePrinter',
      'EndDocPrinter',
      'ClosePrinter',
      `$env:${WIN_ENV.file}`,
      `$env:${WIN_ENV.printer}`,
    ]) {
      expect(script).toContain(part);
    }
  });

  it.each([
    [1801, 'PRINTER_NOT_FOUND'],
    [5, 'PRINTER_NO_PERMISSION'],
    [1804, 'PRINTER_UNSUPPORTED'],
    [1722, 'PRINTER_OFFLINE'],
  ])('maps Win32 error %i from the script to %s and still removes the temp file', async (win32, code) => {
    const dir = folder();
    const { spawn } = scriptedSpawn(() => ({ code: 3, stderr: `PACKDESK_SPOOL_ERROR OpenPrinter ${win32}\r\n` }));
    const err = await failure(new SpoolTransport('Zebra', { platform: 'win32', spawn, tempDir: dir }).write(LABEL));
    expect(err.code).toBe(code);
    expect(err.details).toMatchObject({ step: 'OpenPrinter', win32 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('without PowerShell it is PRINTER_UNSUPPORTED', async () => {
    const { spawn } = scriptedSpawn(() => ({ missing: true }));
    expect((await failure(new SpoolTransport('Zebra', { platform: 'win32', spawn, tempDir: folder() }).write(LABEL))).code).toBe('PRINTER_UNSUPPORTED');
  });
});
