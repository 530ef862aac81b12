import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderRefusal } from '../../../core/export/folders.js';
import { exportFileName } from '../../../core/features/exporting.js';
import { readTextFile, writeExportFiles } from '../../../core/features/files.js';
import { T0, tempDir, testCore } from '../../helpers/core.js';
import { errorCode, freshCoreEachTest, snapshot } from '../features/support.js';

const root = path.resolve(import.meta.dirname, '../../..');
const EN = fileURLToPath(new URL('../../fixtures/seller-center/orders-en-dmy.csv', import.meta.url));
const core = freshCoreEachTest();

/** /proc and named pipes are what the findings were about; CI runs on Linux. */
const onLinux = process.platform === 'linux';
const linuxOnly = it.skipIf(!onLinux);

/** Generous: a child that is not done by then is stuck, which is the failure these tests look for. */
const STUCK_MS = 60_000;

describe('folderRefusal', () => {
  it('refuses relative folders', () => {
    for (const dir of ['exports', './exports', '../x', '~/exports']) expect(folderRefusal(dir, 'linux'), dir).toMatch(/not a full folder path/);
    for (const dir of ['exports', 'C:exports', '\\exports']) expect(folderRefusal(dir, 'win32'), dir).toMatch(/not a full folder path/);
  });

  it('refuses the system folders of Linux and macOS, however the path is written', () => {
    const system = ['/', '/proc', '/proc/self/fd', '/sys/x', '/dev/null', '/etc', '/boot/x', '/usr/local/share', '/bin', '/sbin/x'];
    const more = ['/lib', '/lib64/x', '/libx32', '/run/user/1000', '/var/run/x', '/System/Library', '/tmp/../proc/x', '//proc//x/'];
    for (const dir of [...system, ...more]) expect(folderRefusal(dir, 'linux'), dir).toMatch(/system folder/);
  });

  it('refuses the system folders of Windows and its device paths, in any case', () => {
    const dirs = [
      'C:\\Windows',
      'c:\\windows\\system32',
      'D:/Program Files/x',
      'C:\\Program Files (x86)',
      'C:\\ProgramData\\x',
      '\\\\.\\PhysicalDrive0',
      '\\\\?\\C:\\x',
    ];
    for (const dir of dirs) expect(folderRefusal(dir, 'win32'), dir).not.toBeNull();
  });

  it('lets a seller use their own folders, USB sticks and shares', () => {
    for (const dir of ['/home/pat/exports', '/tmp/x', '/media/pat/USB', '/var/tmp/out', '/library-books', '/procurement', '/Users/pat/Desktop']) {
      expect(folderRefusal(dir, 'linux'), dir).toBeNull();
    }
    for (const dir of ['D:\\', 'C:\\Users\\pat\\Documents', 'E:\\Windows backups', '\\\\server\\share\\exports'])
      expect(folderRefusal(dir, 'win32'), dir).toBeNull();
  });
});

describe('export.orders: where it may write', () => {
  it('refuses /proc, /sys and relative folders with FOLDER_NOT_ALLOWED and writes nothing', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    for (const dir of ['/proc/packdesk-export', '/sys/kernel/packdesk', 'exports']) {
      expect(await errorCode(c.call('export.orders', { dir, from: 0 })), dir).toBe('FOLDER_NOT_ALLOWED');
    }
    expect(snapshot(c)).toEqual(before);
  });

  linuxOnly('refuses a link that leads into a system folder', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    fs.symlinkSync('/proc', path.join(c.dir, 'innocent'));
    expect(await errorCode(c.call('export.orders', { dir: path.join(c.dir, 'innocent', 'exports'), from: 0 }))).toBe('FOLDER_NOT_ALLOWED');
  });

  it('says FOLDER_NOT_WRITABLE when the folder cannot be made', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    fs.writeFileSync(path.join(c.dir, 'a-file'), 'x');
    expect(await errorCode(c.call('export.orders', { dir: path.join(c.dir, 'a-file', 'exports'), from: 0 }))).toBe('FOLDER_NOT_WRITABLE');
  });

  it('makes missing folders, and replaces a leftover temporary file without opening it', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const dir = path.join(c.dir, 'a', 'b', 'c');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${exportFileName(T0, 0)}.partial`), 'half a file from a crash');
    const out = await c.call('export.orders', { dir, from: 0 });
    expect(out.files).toEqual([path.join(dir, exportFileName(T0, 0))]);
    expect(fs.readdirSync(dir)).toEqual([exportFileName(T0, 0)]);
  });

  it('refuses /proc through the CLI instead of freezing (recursive mkdir there never returned)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'core/cli/main.ts', 'export', '--dir', '/proc/packdesk-export', '--db', path.join(dir, 'x.db')],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: STUCK_MS,
        },
      );
      expect(r.signal, 'the CLI did not finish').toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^error FOLDER_NOT_ALLOWED: .*system folder/);
    } finally {
      cleanup();
    }
  });

  linuxOnly('is not stopped by a pipe where its temporary file goes (opening one to write waits for a reader)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/core/export/export-child.ts', path.join(dir, 'x.db'), out, EN, 'pipe'], {
        cwd: root,
        encoding: 'utf8',
        timeout: STUCK_MS,
      });
      expect(r.signal, 'the export hung on the pipe').toBeNull();
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, result: { orders: 5 } });
      expect(fs.readdirSync(out)).toEqual([exportFileName(T0, 0)]);
    } finally {
      cleanup();
    }
  });
});

/**
 * Occupies every thread of libuv's pool with a read-open of a pipe that has no writer, which is
 * what a folder on a dead network share does to file calls: each waits until released.
 */
async function blockFileThreads(dir: string) {
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const pipes = Array.from({ length: threads }, (_, i) => path.join(dir, `pipe-${i}`));
  for (const p of pipes) execFileSync('mkfifo', [p]);
  const readers = pipes.map((p) => fs.promises.open(p, 'r'));
  return {
    /** Gives each reader a writer, so the pool runs again. */
    async release() {
      for (const p of pipes) fs.closeSync(fs.openSync(p, 'w'));
      for (const handle of await Promise.all(readers)) await handle.close();
    },
  };
}

describe.skipIf(!onLinux)('a folder that does not answer (named pipes)', () => {
  it('leaves the process free: other calls are answered while the export waits, and it finishes after', async () => {
    const c = testCore();
    const scratch = tempDir();
    try {
      await c.call('import.orders', { path: EN });
      const stuck = await blockFileThreads(scratch.dir);
      let settled = false;
      const exporting = c.call('export.orders', { dir: path.join(c.dir, 'out'), from: 0 }).finally(() => (settled = true));
      // The event loop runs: timers fire and another call gets its answer.
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect((await c.call('orders.list', {})).length).toBe(5);
      expect(settled).toBe(false);
      await stuck.release();
      expect((await exporting).files).toHaveLength(1);
    } finally {
      c.dispose();
      scratch.cleanup();
    }
  });

  it('gives up with a coded error once the time limit passes, for writing and for reading', async () => {
    const scratch = tempDir();
    try {
      const file = path.join(scratch.dir, 'orders.csv');
      fs.writeFileSync(file, 'Order ID\r\n');
      const stuck = await blockFileThreads(scratch.dir);
      const write = writeExportFiles(path.join(scratch.dir, 'out'), [{ name: 'x.csv', text: 'x' }], { timeoutMs: 20 }).catch(
        (e: { code: string; message: string }) => e,
      );
      const read = readTextFile(file, 20).catch((e: { code: string; message: string }) => e);
      expect(await write).toMatchObject({ code: 'FOLDER_NOT_WRITABLE', message: expect.stringContaining('no answer within') });
      expect(await read).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('no answer within') });
      await stuck.release();
    } finally {
      scratch.cleanup();
    }
  });
});
