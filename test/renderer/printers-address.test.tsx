import { describe, expect, it } from 'vitest';
import { printerUri } from '../../renderer/src/screens/printers/address.js';
import { clampOffset, printerForDocument } from '../../renderer/src/screens/printers/model.js';

describe('printerUri', () => {
  it('makes a network address of a host, adding the raw port 9100 when none is given', () => {
    expect(printerUri('192.168.1.50')).toBe('tcp://192.168.1.50:9100');
    expect(printerUri(' zebra.local:9101 ')).toBe('tcp://zebra.local:9101');
    expect(printerUri('[fe80::1]')).toBe('tcp://[fe80::1]:9100');
    expect(printerUri('[fe80::1]:6101')).toBe('tcp://[fe80::1]:6101');
  });

  it('keeps full addresses as typed, and refuses what is neither', () => {
    expect(printerUri('usb:0a5f:0164')).toBe('usb:0a5f:0164');
    expect(printerUri('spool:Office Laser')).toBe('spool:Office Laser');
    expect(printerUri('tcp://10.0.0.9:9100')).toBe('tcp://10.0.0.9:9100');
    expect(printerUri('')).toBeNull();
    expect(printerUri('10.0.0.9:70000')).toBeNull();
    expect(printerUri('http://printer/')).toBeNull();
    expect(printerUri('my printer')).toBeNull();
  });
});

describe('calibration helpers', () => {
  it('keeps offsets within ±50 mm and free of floating-point dust', () => {
    expect(clampOffset(0.1 + 0.2)).toBe(0.3);
    expect(clampOffset(51)).toBe(50);
    expect(clampOffset(-80)).toBe(-50);
    expect(clampOffset(Number.NaN)).toBe(0);
  });

  it('names the printer a document goes to: the one set for it, else the built-in preview', () => {
    const base = {
      uri: 'tcp://h:9100',
      language: 'zpl',
      dpi: 203,
      stock: { widthMm: 100, heightMm: 150 },
      offset: { x: 0, y: 0 },
      darkness: null,
      rotation: 0,
      options: {},
    } as const;
    const zebra = { ...base, name: 'Zebra', documents: ['SHIPPING_LABEL' as const], builtIn: false };
    const preview = { ...base, name: 'Preview', uri: 'preview:/x', documents: [], builtIn: true };
    expect(printerForDocument([zebra, preview], 'SHIPPING_LABEL')?.name).toBe('Zebra');
    expect(printerForDocument([zebra, preview], 'PICK_LIST')?.name).toBe('Preview');
    expect(printerForDocument([zebra], 'PICK_LIST')).toBeNull();
  });
});
