import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listUsbPrinters } from '../../../printer/discovery/usb.js';
import { fakeUsb, FakeUsbDevice, noUsbBus } from '../fakes/usb-device.js';

describe('listUsbPrinters', () => {
  it('lists printer-class devices with maker, model and language from their 1284 id', async () => {
    const zebra = new FakeUsbDevice({ bidirectional: true });
    const tsc = new FakeUsbDevice({
      vendorId: 0x1203,
      productId: 0x0230,
      serial: null,
      manufacturer: 'TSC',
      product: 'TE200',
      deviceId: 'MFG:TSC;MDL:TE200;CMD:TSPL2;',
    });
    const keyboard = new FakeUsbDevice({ vendorId: 0x046d, productId: 0xc31c, interfaceClass: 3 });
    const result = await listUsbPrinters({ usb: fakeUsb(zebra, keyboard, tsc), platform: 'linux' });
    expect(result).toEqual({
      printers: [
        {
          uri: 'usb:0a5f:0164:ZBR1234',
          vendorId: 0x0a5f,
          productId: 0x0164,
          serial: 'ZBR1234',
          maker: 'Zebra Technologies',
          model: 'ZTC GK420d',
          language: 'zpl',
          deviceId: 'MFG:Zebra Technologies;CMD:ZPL;MDL:ZTC GK420d;CLS:PRINTER;',
          bidirectional: true,
        },
        {
          uri: 'usb:1203:0230',
          vendorId: 0x1203,
          productId: 0x0230,
          maker: 'TSC',
          model: 'TE200',
          language: 'tspl',
          deviceId: 'MFG:TSC;MDL:TE200;CMD:TSPL2;',
          bidirectional: false,
        },
      ],
    });
    expect(keyboard.calls).toEqual([]);
  });

  it('gives the printer back after asking: interface released, usblp re-attached, device closed', async () => {
    const zebra = new FakeUsbDevice();
    await listUsbPrinters({ usb: fakeUsb(zebra), platform: 'linux' });
    expect(zebra.calls).toEqual([
      'open',
      'detachKernelDriver(0)',
      'claimInterface(0)',
      'controlTransferIn',
      'releaseInterface(0)',
      'attachKernelDriver(0)',
      'close',
    ]);
  });

  it('still lists a printer it may not open, from its USB strings, saying why', async () => {
    const locked = new FakeUsbDevice({ failOpen: new Error('open error: failed to open device: permission denied (errno 13)') });
    const { printers } = await listUsbPrinters({ usb: fakeUsb(locked), platform: 'linux' });
    expect(printers).toHaveLength(1);
    expect(printers[0]).toMatchObject({ uri: 'usb:0a5f:0164:ZBR1234', maker: 'Zebra Technologies', language: 'zpl' });
    expect(printers[0]?.note).toContain('udev rule');
  });

  it('lists a printer held by the OS driver with the WinUSB explanation', async () => {
    const held = new FakeUsbDevice({ manufacturer: 'Xprinter', product: 'XP-420B', failClaim: new Error('claimInterface error: interface is busy') });
    const { printers } = await listUsbPrinters({ usb: fakeUsb(held), platform: 'win32' });
    expect(printers[0]?.language).toBeUndefined();
    expect(printers[0]?.note).toContain('WinUSB');
  });

  it('counts devices it could not look inside, with the udev hint on Linux', async () => {
    const unreadable = new FakeUsbDevice({ manufacturer: 'Logitech', product: 'Keyboard', configurationError: new Error('open error: permission denied') });
    const printerLike = new FakeUsbDevice({
      manufacturer: 'Zebra Technologies',
      product: 'ZTC ZD420',
      configurationError: new Error('open error: permission denied'),
    });
    const result = await listUsbPrinters({ usb: fakeUsb(unreadable, printerLike), platform: 'linux' });
    expect(result.printers.map((p) => p.model)).toEqual(['ZTC ZD420']);
    expect(result.note).toMatchObject({ code: 'USB_NO_PERMISSION', count: 1 });
    expect(result.note?.message).toContain('1 USB device(s) could not be inspected');
  });

  it('returns no printers and a note, not a crash, when there is no USB bus', async () => {
    const result = await listUsbPrinters({ usb: noUsbBus() });
    expect(result.printers).toEqual([]);
    expect(result.note?.code).toBe('USB_UNAVAILABLE');
    expect(result.note?.message).toContain('/sys/bus/usb/devices/ not found');
  });
});

describe('listUsbPrinters with the real usb module', () => {
  it('loads `usb` 3 and never throws, even on a machine without a USB bus', async () => {
    const result = await listUsbPrinters();
    expect(Array.isArray(result.printers)).toBe(true);
    if (process.platform === 'linux' && !fs.existsSync('/sys/bus/usb/devices')) {
      expect(result).toEqual({ printers: [], note: { code: 'USB_UNAVAILABLE', message: expect.stringContaining('cannot be listed') } });
    }
  });
});
