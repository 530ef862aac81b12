import { describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { formatPrinterUri, normalisePrinterUri, parsePrinterUri } from '../../../printer/transports/uri.js';

function invalid(text: string): PrinterError {
  try {
    parsePrinterUri(text);
  } catch (err) {
    return err as PrinterError;
  }
  throw new Error(`"${text}" parsed, but should not`);
}

describe('parsePrinterUri', () => {
  it('reads network printers, with 9100 as the default port and IPv6 in brackets', () => {
    expect(parsePrinterUri('tcp://192.168.1.50:9100')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(parsePrinterUri('tcp://zebra-bench-2')).toEqual({ kind: 'tcp', host: 'zebra-bench-2', port: 9100 });
    expect(parsePrinterUri(' TCP://printer.local:6101/ ')).toEqual({ kind: 'tcp', host: 'printer.local', port: 6101 });
    expect(parsePrinterUri('tcp://[fe80::1]:9100')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9100 });
    expect(parsePrinterUri('tcp://[::1]')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
    expect(parsePrinterUri('socket://10.0.0.7')).toEqual({ kind: 'tcp', host: '10.0.0.7', port: 9100 });
  });

  it('reads USB printers as hex vendor and product ids with an optional serial', () => {
    expect(parsePrinterUri('usb:0a5f:0164')).toEqual({ kind: 'usb', vendorId: 0x0a5f, productId: 0x0164 });
    expect(parsePrinterUri('usb:0A5F:00D3:XXZ19:123')).toEqual({ kind: 'usb', vendorId: 0x0a5f, productId: 0xd3, serial: 'XXZ19:123' });
  });

  it('reads device files, spooler queues and preview folders', () => {
    expect(parsePrinterUri('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(parsePrinterUri('file:///dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(parsePrinterUri('spool:Zebra GK420d (copy 1)')).toEqual({ kind: 'spool', name: 'Zebra GK420d (copy 1)' });
    expect(parsePrinterUri('preview:./labels')).toEqual({ kind: 'preview', dir: './labels' });
  });

  it.each([
    ['', 'not a printer address'],
    ['192.168.1.50', 'not a printer address'],
    ['http://printer', 'not a printer address'],
    ['tcp:192.168.1.50', 'tcp://HOST:PORT'],
    ['tcp://fe80::1:9100', 'IPv6 address in brackets'],
    ['tcp://[zebra]:9100', 'not an IPv6 address'],
    ['tcp://printer:0', 'port "0"'],
    ['tcp://printer:70000', 'port "70000"'],
    ['tcp://printer:91a0', 'port "91a0"'],
    ['tcp://bad_host!:9100', 'not a host name'],
    ['usb:a5f:164', 'usb:VID:PID'],
    ['usb:0a5f', 'usb:VID:PID'],
    ['usb:zzzz:0164', 'usb:VID:PID'],
    ['file:', 'device path'],
    ['spool:  ', 'printer name'],
    ['preview:', 'folder'],
  ])('rejects %j with INVALID_INPUT saying what is wrong', (text, hint) => {
    const err = invalid(text);
    expect(err).toBeInstanceOf(PrinterError);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain(hint);
  });
});

describe('formatPrinterUri', () => {
  it('writes every kind back so that it parses to the same printer', () => {
    for (const text of [
      'tcp://192.168.1.50:9100',
      'tcp://[fe80::1]:9100',
      'usb:0a5f:0164',
      'usb:0a5f:0164:SN 1',
      'file:/dev/usb/lp0',
      'spool:Zebra',
      'preview:/tmp/labels',
    ]) {
      expect(formatPrinterUri(parsePrinterUri(text))).toBe(text);
    }
  });

  it('normalises hand-typed addresses: lower-case hex, explicit port', () => {
    expect(normalisePrinterUri('usb:0A5F:0164')).toBe('usb:0a5f:0164');
    expect(normalisePrinterUri('tcp://printer')).toBe('tcp://printer:9100');
  });
});
