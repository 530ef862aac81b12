/**
 * Printer addresses as the user saves them: `tcp://HOST:PORT`, `usb:VID:PID[:SERIAL]`,
 * `file:PATH`, `spool:NAME`, `preview:DIR`. Parsing is strict and says what is wrong, because
 * these strings are typed by hand into `printers add`.
 */
import net from 'node:net';
import { printerFail } from '../errors.js';
import type { PrinterUri } from './types.js';

/** Raw printing port of Zebra, TSC, Xprinter and print servers (JetDirect). */
export const RAW_PORT = 9100;

const EXAMPLES = 'tcp://192.168.1.50:9100, usb:0a5f:0164, file:/dev/usb/lp0, spool:Zebra_GK420d or preview:./labels';

export function parsePrinterUri(text: string): PrinterUri {
  const uri = text.trim();
  const scheme = /^([a-z]+):/i.exec(uri)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? '' : uri.slice(scheme.length + 1);
  switch (scheme) {
    case 'tcp':
    case 'socket': // CUPS spells raw 9100 printing socket://; accept what users copy from it
      return parseTcp(uri, rest);
    case 'usb':
      return parseUsb(uri, rest);
    case 'file':
      return { kind: 'file', path: required(uri, rest.startsWith('//') ? rest.slice(2) : rest, 'a device path') };
    case 'spool':
      return { kind: 'spool', name: required(uri, rest, 'a printer name') };
    case 'preview':
      return { kind: 'preview', dir: required(uri, rest, 'a folder') };
    default:
      return printerFail('INVALID_INPUT', `"${text}" is not a printer address. Use one of: ${EXAMPLES}.`, { uri: text });
  }
}

export function formatPrinterUri(uri: PrinterUri): string {
  switch (uri.kind) {
    case 'tcp':
      return `tcp://${net.isIPv6(uri.host) ? `[${uri.host}]` : uri.host}:${uri.port}`;
    case 'usb': {
      const ids = `usb:${hex4(uri.vendorId)}:${hex4(uri.productId)}`;
      return uri.serial ? `${ids}:${uri.serial}` : ids;
    }
    case 'file':
      return `file:${uri.path}`;
    case 'spool':
      return `spool:${uri.name}`;
    case 'preview':
      return `preview:${uri.dir}`;
  }
}

/** The same printer written the canonical way (lower-case hex, explicit port). */
export function normalisePrinterUri(text: string): string {
  return formatPrinterUri(parsePrinterUri(text));
}

function parseTcp(uri: string, rest: string): PrinterUri {
  if (!rest.startsWith('//')) invalid(uri, 'a network printer is written tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100');
  const authority = rest.slice(2).replace(/\/$/, '');
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(authority);
  let host: string;
  let portText: string | undefined;
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (!net.isIPv6(host)) invalid(uri, `"${host}" in brackets is not an IPv6 address`);
  } else {
    const colons = authority.split(':').length - 1;
    if (colons > 1) invalid(uri, 'write an IPv6 address in brackets, e.g. tcp://[fe80::1]:9100');
    [host, portText] = authority.split(':') as [string, string | undefined];
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) invalid(uri, `"${host}" is not a host name or IP address`);
  }
  return { kind: 'tcp', host, port: portText === undefined ? RAW_PORT : parsePort(uri, portText) };
}

function parsePort(uri: string, text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) invalid(uri, `port "${text}" must be a number from 1 to 65535 (raw printing is usually 9100)`);
  return port;
}

function parseUsb(uri: string, rest: string): PrinterUri {
  const match = /^([0-9a-f]{4}):([0-9a-f]{4})(?::(.+))?$/i.exec(rest);
  if (!match) invalid(uri, 'a USB printer is written usb:VID:PID[:SERIAL] with 4-digit hex ids, e.g. usb:0a5f:0164');
  const [, vid, pid, serial] = match;
  const parsed: PrinterUri = { kind: 'usb', vendorId: parseInt(vid!, 16), productId: parseInt(pid!, 16) };
  if (serial !== undefined) parsed.serial = serial;
  return parsed;
}

function required(uri: string, value: string, what: string): string {
  if (value.trim() === '') invalid(uri, `it needs ${what} after the colon`);
  return value;
}

function invalid(uri: string, why: string): never {
  return printerFail('INVALID_INPUT', `Printer address "${uri}" is not valid: ${why}.`, { uri });
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
