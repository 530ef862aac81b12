import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { FileTransport } from '../../../printer/transports/file.js';
import { tempDir } from '../fakes/temp-dir.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const { dir, cleanup } = tempDir('packdesk-file-');
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

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('FileTransport', () => {
  it('writes the job to the device file as it is, job after job', async () => {
    const device = path.join(folder(), 'lp0');
    fs.writeFileSync(device, '');
    const t = new FileTransport(device);
    const first = Uint8Array.from({ length: 40_000 }, (_, i) => i & 0xff);
    await t.write(first);
    await t.write(Uint8Array.of(0x00, 0xff));
    await t.close();
    expect(fs.readFileSync(device).equals(Buffer.concat([first, Uint8Array.of(0x00, 0xff)]))).toBe(true);
  });

  it('a missing device is PRINTER_NOT_FOUND, and no file appears in its place', async () => {
    const device = path.join(folder(), 'lp9');
    const err = await failure(new FileTransport(device).write(Uint8Array.of(1)));
    expect(err.code).toBe('PRINTER_NOT_FOUND');
    expect(fs.existsSync(device)).toBe(false);
  });

  it('EACCES is PRINTER_NO_PERMISSION with the lp group hint', async () => {
    const t = new FileTransport('/dev/usb/lp0', { openFile: () => Promise.reject(errno('EACCES')) });
    const err = await failure(t.write(Uint8Array.of(1)));
    expect(err.code).toBe('PRINTER_NO_PERMISSION');
    expect(err.message).toContain('lp');
  });

  it.runIf(process.getuid?.() !== 0)('a device file the user may not write is PRINTER_NO_PERMISSION', async () => {
    const device = path.join(folder(), 'lp0');
    fs.writeFileSync(device, '', { mode: 0o400 });
    expect((await failure(new FileTransport(device).write(Uint8Array.of(1)))).code).toBe('PRINTER_NO_PERMISSION');
  });

  it('EBUSY is PRINTER_CLAIMED_BY_OS', async () => {
    const t = new FileTransport('/dev/usb/lp0', { openFile: () => Promise.reject(errno('EBUSY')) });
    expect((await failure(t.open())).code).toBe('PRINTER_CLAIMED_BY_OS');
  });

  it('a printer that stops taking data is PRINTER_TIMEOUT (a FIFO nobody reads)', async () => {
    const fifo = path.join(folder(), 'stalled-printer');
    execFileSync('mkfifo', [fifo]);
    // A reader that never reads: the pipe fills (64 KB) and the writer blocks.
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    cleanups.push(() => fs.closeSync(reader));
    const t = new FileTransport(fifo, { timeouts: { writeMs: 100 } });
    const err = await failure(t.write(new Uint8Array(1024 * 1024)));
    expect(err.code).toBe('PRINTER_TIMEOUT');
    // The write it stopped waiting for is still with the kernel: the count is not known.
    expect(err.details).toMatchObject({ bytesSent: 'unknown', totalBytes: 1024 * 1024 });
    expect((err.details as { bytesConfirmed: number }).bytesConfirmed).toBeLessThan(1024 * 1024);
  });

  it('a device gone mid-job (ENODEV) is PRINTER_UNPLUGGED with the bytes sent', async () => {
    let writes = 0;
    const handle = {
      write: async (_: Uint8Array, _offset: number, length: number) => {
        if (writes++ === 1) throw errno('ENODEV');
        return { bytesWritten: length };
      },
      close: async () => undefined,
    };
    const err = await failure(new FileTransport('/dev/usb/lp0', { openFile: async () => handle }).write(new Uint8Array(50_000)));
    expect(err.code).toBe('PRINTER_UNPLUGGED');
    expect(err.details).toMatchObject({ bytesSent: 16_384, totalBytes: 50_000 });
  });

  it('cannot read: status is unknown, not an error', async () => {
    expect(await new FileTransport('/dev/usb/lp0').read()).toBeNull();
  });
});
