import { describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { printerStatus } from '../../../printer/status/query.js';
import { UsbTransport, type UsbTransportOptions } from '../../../printer/transports/usb.js';
import { fakeUsb, FakeUsbDevice, noUsbBus, type FakeUsbOptions } from '../fakes/usb-device.js';

const ZEBRA = { vendorId: 0x0a5f, productId: 0x0164 };

function setup(device: FakeUsbOptions = {}, options: UsbTransportOptions = {}) {
  const fake = new FakeUsbDevice({ ...ZEBRA, ...device });
  const transport = new UsbTransport(ZEBRA.vendorId, ZEBRA.productId, { usb: fakeUsb(fake), platform: 'linux', ...options });
  return { fake, transport };
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

function job(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 7 + (i >> 9)) & 0xff);
}

describe('UsbTransport: opening', () => {
  it('selects a configuration, detaches usblp on Linux, then claims the printer interface', async () => {
    const { fake, transport } = setup({ unconfigured: true });
    await transport.open();
    expect(fake.calls.slice(0, 4)).toEqual(['open', 'selectConfiguration(1)', 'detachKernelDriver(0)', 'claimInterface(0)']);
  });

  it('does not touch kernel drivers on macOS or Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { fake, transport } = setup({}, { platform });
      await transport.open();
      expect(fake.calls).not.toContain('detachKernelDriver(0)');
    }
  });

  it('reads the IEEE 1284 id with GET_DEVICE_ID (class request 0, wIndex = interface << 8 | alt)', async () => {
    const { fake, transport } = setup({ interfaceNumber: 1, deviceId: 'MANUFACTURER:TSC;COMMAND SET:TSPL2,ZPL-EMUL;MODEL:TE200;' });
    const id = await transport.deviceId();
    expect(fake.setups[0]).toEqual({ requestType: 'class', recipient: 'interface', request: 0, value: 0, index: 0x100 });
    expect(id).toMatchObject({ maker: 'TSC', model: 'TE200', language: 'tspl', commandSet: ['TSPL2', 'ZPL-EMUL'] });
  });

  it('opens a printer that gives no id all the same', async () => {
    const { transport } = setup({ deviceId: null });
    expect(await transport.deviceId()).toBeNull();
  });

  it('picks the printer by serial when the address has one', async () => {
    const a = new FakeUsbDevice({ ...ZEBRA, serial: 'A1' });
    const b = new FakeUsbDevice({ ...ZEBRA, serial: 'B2' });
    const transport = new UsbTransport(ZEBRA.vendorId, ZEBRA.productId, { serial: 'B2', usb: fakeUsb(a, b), platform: 'linux' });
    await transport.write(job(10));
    expect(a.written).toHaveLength(0);
    expect(b.bytesOut()).toHaveLength(10);
    expect(transport.uri).toBe('usb:0a5f:0164:B2');
  });

  it('PRINTER_NOT_FOUND when the printer is not connected, or a different serial is', async () => {
    const absent = new UsbTransport(0x1203, 0x0230, { usb: fakeUsb(new FakeUsbDevice(ZEBRA)) });
    expect((await failure(absent.open())).code).toBe('PRINTER_NOT_FOUND');
    const other = new UsbTransport(ZEBRA.vendorId, ZEBRA.productId, { serial: 'NOPE', usb: fakeUsb(new FakeUsbDevice(ZEBRA)) });
    const err = await failure(other.open());
    expect(err.code).toBe('PRINTER_NOT_FOUND');
    expect(err.message).toContain('not the one with serial NOPE');
  });

  it('PRINTER_NOT_FOUND, not a crash, on a machine without a USB bus', async () => {
    const transport = new UsbTransport(ZEBRA.vendorId, ZEBRA.productId, { usb: noUsbBus() });
    const err = await failure(transport.open());
    expect(err.code).toBe('PRINTER_NOT_FOUND');
    expect(err.message).toContain('/sys/bus/usb/devices/ not found');
  });

  it('PRINTER_UNSUPPORTED for a device without a printer interface', async () => {
    const { transport, fake } = setup({ interfaceClass: 3 });
    expect((await failure(transport.open())).code).toBe('PRINTER_UNSUPPORTED');
    expect(fake.calls).toContain('close');
  });
});

describe('UsbTransport: errors in the packer’s words', () => {
  it.each([['open error: failed to open device: permission denied (errno 13)'], ['LIBUSB_ERROR_ACCESS']])(
    '%s → PRINTER_NO_PERMISSION, pointing at the udev rule on Linux',
    async (message) => {
      const { transport } = setup({ failOpen: new Error(message) });
      const err = await failure(transport.open());
      expect(err.code).toBe('PRINTER_NO_PERMISSION');
      expect(err.message).toContain('99-packdesk-printers.rules');
    },
  );

  it.each([['claimInterface error: interface is busy'], ['LIBUSB_ERROR_BUSY']])('%s → PRINTER_CLAIMED_BY_OS', async (message) => {
    const { transport, fake } = setup({ failClaim: new Error(message) });
    const err = await failure(transport.open());
    expect(err.code).toBe('PRINTER_CLAIMED_BY_OS');
    expect(err.message).toContain('usblp');
    expect(fake.calls.slice(-2)).toEqual(['attachKernelDriver(0)', 'close']);
  });

  it('Windows usbprint without WinUSB → PRINTER_CLAIMED_BY_OS explaining WinUSB versus the spooler', async () => {
    for (const message of ['open error: unsupported driver', 'LIBUSB_ERROR_NOT_SUPPORTED', 'claimInterface error: interface is busy']) {
      const { transport } = setup(message.startsWith('claim') ? { failClaim: new Error(message) } : { failOpen: new Error(message) }, { platform: 'win32' });
      const err = await failure(transport.open());
      expect(err.code).toBe('PRINTER_CLAIMED_BY_OS');
      expect(err.message).toContain('WinUSB');
      expect(err.message).toContain('spool:NAME');
    }
  });

  it('unplugged mid-job → PRINTER_UNPLUGGED saying how many bytes were sent; the next job starts afresh', async () => {
    const { transport, fake } = setup({ failWrite: { at: 2, error: new Error('transferOut error: Disconnected') } });
    const err = await failure(transport.write(job(100_000)));
    expect(err.code).toBe('PRINTER_UNPLUGGED');
    // The third transfer failed under way: part of it may have gone out, so no exact count is claimed.
    expect(err.details).toMatchObject({ bytesSent: 'unknown', bytesConfirmed: 32_768, totalBytes: 100_000, stage: 'write' });
    expect(err.message).toContain('32,768 bytes of 100,000 bytes (and perhaps part of the next 16,384 bytes)');
    await transport.write(job(10));
    expect(fake.calls.filter((c) => c === 'open')).toHaveLength(2);
  });

  it('LIBUSB_ERROR_NO_DEVICE is unplugged too', async () => {
    const { transport } = setup({ failWrite: { at: 0, error: new Error('LIBUSB_ERROR_NO_DEVICE') } });
    expect((await failure(transport.write(job(10)))).code).toBe('PRINTER_UNPLUGGED');
  });

  it('a transfer the native stack timed out (nusb: Cancelled) → PRINTER_TIMEOUT', async () => {
    const { transport } = setup({ failWrite: { at: 1, error: new Error('transferOut error: Cancelled') } });
    const err = await failure(transport.write(job(40_000)));
    expect(err.code).toBe('PRINTER_TIMEOUT');
    expect(err.details).toMatchObject({ bytesSent: 'unknown', bytesConfirmed: 16_384 });
  });

  it('a transfer that never completes → PRINTER_TIMEOUT after the per-chunk timeout', async () => {
    const { transport } = setup({ hangWrites: true }, { timeouts: { writeMs: 50 }, guardMs: 0 });
    expect((await failure(transport.write(job(10)))).code).toBe('PRINTER_TIMEOUT');
  });

  it('a stalled endpoint (printer refusing data) → PRINTER_OFFLINE', async () => {
    const { transport } = setup({ failWrite: { at: 0, error: new Error('transferOut error: Stall') } });
    expect((await failure(transport.write(job(10)))).code).toBe('PRINTER_OFFLINE');
  });
});

describe('UsbTransport: printing and status', () => {
  it('writes a job to bulk OUT in 16 KB chunks, every byte in order', async () => {
    const { transport, fake } = setup();
    const bytes = job(40_000);
    await transport.write(bytes);
    expect(fake.calls.filter((c) => c.startsWith('transferOut'))).toEqual(['transferOut(1,16384)', 'transferOut(1,16384)', 'transferOut(1,7232)']);
    expect(fake.bytesOut().equals(Buffer.from(bytes))).toBe(true);
  });

  it('sends the rest after a short write', async () => {
    const { transport, fake } = setup({ maxPerTransfer: 1000 });
    const bytes = job(5500);
    await transport.write(bytes);
    expect(fake.bytesOut().equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps the interface claimed across jobs and hands it back on close', async () => {
    const { transport, fake } = setup();
    await transport.write(job(10));
    await transport.write(job(10));
    expect(fake.calls.filter((c) => c === 'claimInterface(0)')).toHaveLength(1);
    await transport.close();
    expect(fake.calls.slice(-3)).toEqual(['releaseInterface(0)', 'attachKernelDriver(0)', 'close']);
  });

  it('reads status over bulk IN from a bidirectional printer', async () => {
    const respond = (written: Uint8Array) => (Buffer.from(written).toString('latin1') === '\x1b!?' ? [Uint8Array.of(0x04)] : []);
    const { transport } = setup({ bidirectional: true, respond });
    expect(await printerStatus(transport, 'tspl', 1000)).toMatchObject({ ready: false, conditions: ['PAPER_OUT'] });
  });

  it('read() is empty when a bidirectional printer says nothing in time', async () => {
    const { transport } = setup({ bidirectional: true });
    expect(await transport.read(20)).toEqual(new Uint8Array(0));
  });

  it('a one-way printer (no bulk IN) has no status, and is not sent the query', async () => {
    const { transport, fake } = setup({ bidirectional: false });
    expect(await transport.read(20)).toBeNull();
    expect(await printerStatus(transport, 'zpl', 100)).toBeNull();
    expect(fake.written).toHaveLength(0);
  });
});
