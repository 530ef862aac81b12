import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { FileTransport } from '../../../printer/transports/file.js';
import { openTransport } from '../../../printer/transports/open.js';
import { extension, PreviewTransport, safeStem } from '../../../printer/transports/preview.js';
import { SpoolTransport } from '../../../printer/transports/spool.js';
import { TcpTransport } from '../../../printer/transports/tcp.js';
import { UsbTransport } from '../../../printer/transports/usb.js';
import { fakeUsb, FakeUsbDevice } from '../fakes/usb-device.js';
import { tempDir } from '../fakes/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const { dir, cleanup } = tempDir('packdesk-preview-');
  cleanups.push(cleanup);
  return dir;
}

const ZPL = new Uint8Array(Buffer.from('^XA^CI28^FO50,50^FDHello^FS^XZ\n'));
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe('PreviewTransport', () => {
  it('writes the label bytes and its picture under the job name, creating the folder', async () => {
    const dir = path.join(folder(), 'labels', 'today');
    const t = new PreviewTransport(dir, { language: 'zpl', artifacts: { name: 'order-1001-job7', png: PNG } });
    await t.write(ZPL);
    expect(fs.readdirSync(dir).sort()).toEqual(['order-1001-job7.png', 'order-1001-job7.zpl']);
    expect(fs.readFileSync(path.join(dir, 'order-1001-job7.zpl')).equals(Buffer.from(ZPL))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'order-1001-job7.png')).equals(Buffer.from(PNG))).toBe(true);
    expect(t.lastFiles).toEqual({ bytes: path.join(dir, 'order-1001-job7.zpl'), png: path.join(dir, 'order-1001-job7.png') });
  });

  it('names each job once: the next write without a name gets a fresh one, never overwriting', async () => {
    const dir = folder();
    const t = new PreviewTransport(dir, { artifacts: { name: 'first' }, now: () => new Date('2026-11-26T09:00:00Z') });
    await t.write(ZPL);
    await t.write(ZPL);
    t.nextJob({ name: 'third' });
    await t.write(ZPL);
    expect(fs.readdirSync(dir).sort()).toEqual(['first.zpl', 'label-2026-11-26T09-00-00-000Z-1.zpl', 'third.zpl']);
  });

  it('leaves no temporary files behind', async () => {
    const dir = folder();
    const t = new PreviewTransport(dir);
    for (let i = 0; i < 5; i++) {
      t.nextJob({ name: `job-${i}`, png: PNG });
      await t.write(ZPL);
    }
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('makes each file appear whole: written under a temporary name, then renamed into place', async () => {
    const dir = folder();
    const rename = vi.spyOn(fs.promises, 'rename');
    await new PreviewTransport(dir, { artifacts: { name: 'order-5', png: PNG } }).write(ZPL);
    expect(rename.mock.calls.map(([from, to]) => [path.basename(String(from)).startsWith('.order-5.'), path.basename(String(to))])).toEqual([
      [true, 'order-5.png'],
      [true, 'order-5.zpl'],
    ]);
    rename.mockRestore();
  });

  it('keeps job names inside the folder', async () => {
    expect(safeStem('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeStem('..\\win\\system32')).toBe('__win_system32');
    expect(safeStem('A:B*C?')).toBe('A_B_C_');
    expect(safeStem('')).toBe('label');
  });

  it('picks the extension from the language, or from the bytes when none is given', () => {
    expect(extension(ZPL)).toBe('zpl');
    expect(extension(new Uint8Array(Buffer.from('SIZE 100 mm,150 mm\r\nGAP 2 mm,0\r\nCLS\r\n')))).toBe('tspl');
    expect(extension(Uint8Array.of(0x1b, 0x40, 0x1d, 0x76, 0x30))).toBe('bin');
    expect(extension(ZPL, 'escpos')).toBe('bin');
    expect(extension(Uint8Array.of(0x1b), 'tspl')).toBe('tspl');
  });

  it('a folder it cannot create is a printer error, not a crash', async () => {
    const file = path.join(folder(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const err = await new PreviewTransport(path.join(file, 'labels')).write(ZPL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('PRINTER_NOT_FOUND');
  });

  it('is one-way', async () => {
    expect(await new PreviewTransport(folder()).read()).toBeNull();
  });
});

describe('openTransport', () => {
  it('chooses the transport from the address, connecting to nothing yet', () => {
    expect(openTransport('tcp://127.0.0.1:9')).toBeInstanceOf(TcpTransport);
    expect(openTransport('usb:0a5f:0164')).toBeInstanceOf(UsbTransport);
    expect(openTransport('file:/dev/usb/lp0')).toBeInstanceOf(FileTransport);
    expect(openTransport('spool:Zebra')).toBeInstanceOf(SpoolTransport);
    expect(openTransport({ kind: 'preview', dir: '/tmp/x' })).toBeInstanceOf(PreviewTransport);
    expect(openTransport('usb:0A5F:0164:SN1').uri).toBe('usb:0a5f:0164:SN1');
  });

  it('throws INVALID_INPUT for an address that does not parse', () => {
    expect(() => openTransport('ipp://printer')).toThrow(PrinterError);
  });

  it('hands the preview artifacts and language to the preview printer', async () => {
    const dir = folder();
    await openTransport(`preview:${dir}`, { previewArtifacts: { name: 'order-9', png: PNG }, language: 'tspl' }).write(ZPL);
    expect(fs.readdirSync(dir).sort()).toEqual(['order-9.png', 'order-9.tspl']);
  });

  it('passes the injected USB provider and timeouts through', async () => {
    const device = new FakeUsbDevice();
    const t = openTransport('usb:0a5f:0164', { usb: fakeUsb(device), platform: 'linux', timeouts: { writeMs: 50 } });
    await t.write(Uint8Array.of(1, 2, 3));
    expect(device.bytesOut()).toEqual(Buffer.of(1, 2, 3));
    await t.close();
  });
});
