/**
 * The IEEE 1284 device id a USB printer returns to GET_DEVICE_ID, e.g.
 * `MFG:Zebra Technologies;CMD:ZPL;MDL:ZTC GK420d;CLS:PRINTER;`. Its command set (CMD) is the one
 * reliable hint of the language a printer speaks; vendor ids are not (Xprinter and friends sell
 * the same board as TSPL, ESC/POS or ZPL models).
 */
import type { PrinterLanguage } from '../label/model.js';

export interface DeviceId {
  maker?: string;
  model?: string;
  /** CMD as listed, e.g. ['ZPL', 'EPL']. */
  commandSet: string[];
  language?: PrinterLanguage;
  serial?: string;
  /** The id as the printer sent it. */
  raw: string;
}

/** Keys are short or long depending on the maker; both forms are in the standard. */
const KEYS: Record<string, 'maker' | 'model' | 'commandSet' | 'serial'> = {
  MFG: 'maker',
  MANUFACTURER: 'maker',
  MDL: 'model',
  MODEL: 'model',
  CMD: 'commandSet',
  'COMMAND SET': 'commandSet',
  SN: 'serial',
  SERN: 'serial',
  SERIALNUMBER: 'serial',
};

export function parseDeviceId(text: string): DeviceId {
  const id: DeviceId = { commandSet: [], raw: text };
  for (const pair of text.split(';')) {
    const colon = pair.indexOf(':');
    if (colon < 0) continue;
    const key = KEYS[pair.slice(0, colon).trim().toUpperCase()];
    const value = pair.slice(colon + 1).trim();
    if (!key || value === '') continue;
    if (key === 'commandSet')
      id.commandSet = value
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
    else id[key] ??= value;
  }
  const language = languageOf(id.commandSet);
  if (language) id.language = language;
  return id;
}

/**
 * The language Packdesk should speak: the first label language the printer lists (makers list
 * their native one first, emulations after, e.g. TSC's `TSPL2,ZPL`), and ESC/POS only when it
 * lists no label language — on label stock ESC/POS can only send a raster.
 */
export function languageOf(commandSet: readonly string[]): PrinterLanguage | undefined {
  const tokens = commandSet.map((c) => c.toUpperCase().replace(/[\s_-]/g, ''));
  for (const token of tokens) {
    if (token.startsWith('ZPL')) return 'zpl';
    if (token.startsWith('TSPL') || token.startsWith('TSC')) return 'tspl';
  }
  if (tokens.some((t) => t.includes('ESC/POS') || t.includes('ESCPOS'))) return 'escpos';
  return undefined;
}

/**
 * GET_DEVICE_ID answers with a 2-byte big-endian length (which counts those two bytes) and the
 * id text. Some printers put the length little-endian; a length that does not fit is read the
 * other way round, and a wrong one is clamped to what arrived.
 */
export function decodeDeviceIdResponse(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  const big = (bytes[0]! << 8) | bytes[1]!;
  const little = (bytes[1]! << 8) | bytes[0]!;
  const length = big >= 2 && big <= bytes.length ? big : little >= 2 && little <= bytes.length ? little : bytes.length;
  const text = new TextDecoder('latin1').decode(bytes.subarray(2, length)).replace(/\0+$/, '').trim();
  return text === '' ? null : text;
}

/** A guess from the USB strings when the printer does not give its id (permission, busy driver). */
export function languageFromNames(maker: string | undefined, model: string | undefined): PrinterLanguage | undefined {
  const text = `${maker ?? ''} ${model ?? ''}`.toUpperCase();
  if (/ZEBRA|\bZTC\b|\bZD\d|\bGK4|\bZT\d/.test(text)) return 'zpl';
  if (/\bTSC\b|\bTTP-|\bTE\d{3}|\bTDP-/.test(text)) return 'tspl';
  return undefined;
}
