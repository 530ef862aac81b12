/**
 * A small TSPL interpreter standing in for the printer: it parses the job byte by byte (BITMAP
 * carries raw binary), and draws SIZE, BAR, BOX, BITMAP (bit 1 = white), BARCODE "128" and QRCODE.
 * Barcodes are drawn the way a printer would, from the decoded string (bwip-js as the printer's
 * own symbol generator), so reading them back checks the quoting and the placement. TEXT is drawn
 * as its cell box only: it is checked byte for byte elsewhere.
 */
import bwipjs from 'bwip-js/node';
import { createBitmap, fillRect, setPixel, strokeRect, type Bitmap } from '../../../printer/label/bitmap.js';

export interface TsplJob {
  bitmap: Bitmap;
  commands: string[];
}

export function renderTspl(bytes: Uint8Array, dotsPerMm: number): TsplJob {
  const commands: string[] = [];
  let page: Bitmap | undefined;
  let i = 0;
  while (i < bytes.length) {
    if (ascii(bytes.subarray(i, i + 7)) === 'BITMAP ') {
      const bitmap = readBitmap(bytes, i);
      drawTsplBitmap(page!, bitmap);
      commands.push(bitmap.header);
      i = bitmap.next;
      continue;
    }
    const end = indexOfCrlf(bytes, i);
    const line = ascii(bytes.subarray(i, end));
    commands.push(line);
    page = apply(line, page, dotsPerMm);
    i = end + 2;
  }
  if (!page) throw new Error('no SIZE');
  return { bitmap: page, commands };
}

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let j = from; j < bytes.length - 1; j++) if (bytes[j] === 0x0d && bytes[j + 1] === 0x0a) return j;
  throw new Error('command without CRLF');
}

function ascii(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function apply(line: string, page: Bitmap | undefined, dotsPerMm: number): Bitmap | undefined {
  const [name, rest = ''] = splitOnce(line, ' ');
  const args = splitArgs(rest);
  const n = (k: number): number => Number(args[k]);
  switch (name) {
    case 'SIZE':
      return createBitmap(Math.round(parseFloat(args[0]!) * dotsPerMm), Math.round(parseFloat(args[1]!) * dotsPerMm));
    case 'BAR':
      fillRect(page!, n(0), n(1), n(2), n(3));
      return page;
    case 'BOX':
      strokeRect(page!, n(0), n(1), n(2) - n(0), n(3) - n(1), n(4));
      return page;
    case 'TEXT':
      return page;
    case 'BARCODE':
      drawCode128(page!, n(0), n(1), n(3), n(6), unquote(args[8]!));
      return page;
    case 'QRCODE':
      drawQr(page!, n(0), n(1), n(3), unquote(args[6]!));
      return page;
    default:
      return page;
  }
}

function splitOnce(s: string, sep: string): [string, string?] {
  const k = s.indexOf(sep);
  return k < 0 ? [s] : [s.slice(0, k), s.slice(k + 1)];
}

/** Splits on commas outside double quotes; \["] inside a string is an escaped quote. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let k = 0; k < s.length; k++) {
    if (quoted && s.startsWith('\\["]', k)) {
      current += '\\["]';
      k += 3;
    } else if (s[k] === '"') {
      quoted = !quoted;
      current += '"';
    } else if (s[k] === ',' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += s[k];
  }
  out.push(current.trim());
  return out;
}

export function unquote(arg: string): string {
  if (!arg.startsWith('"') || !arg.endsWith('"')) throw new Error(`not a string: ${arg}`);
  return arg.slice(1, -1).replace(/\\\["\]/g, '"');
}

interface TsplBitmap {
  header: string;
  x: number;
  y: number;
  widthBytes: number;
  height: number;
  data: Uint8Array;
  next: number;
}

/** "BITMAP x,y,widthBytes,height,mode," then widthBytes × height raw bytes, then CRLF. */
function readBitmap(bytes: Uint8Array, start: number): TsplBitmap {
  let commas = 0;
  let k = start;
  while (commas < 5) if (bytes[k++] === 0x2c) commas++;
  const header = ascii(bytes.subarray(start, k - 1));
  const [x, y, widthBytes, height, mode] = header.slice(7).split(',').map(Number) as [number, number, number, number, number];
  if (mode !== 0) throw new Error('only BITMAP mode 0 (overwrite) is expected');
  const data = bytes.subarray(k, k + widthBytes * height);
  const next = k + data.length;
  if (bytes[next] !== 0x0d || bytes[next + 1] !== 0x0a) throw new Error('BITMAP data must be followed by CRLF');
  return { header, x, y, widthBytes, height, data, next: next + 2 };
}

/** Mode 0 overwrites: white bits (1) clear what was there, black bits (0) set it. */
function drawTsplBitmap(page: Bitmap, b: TsplBitmap): void {
  for (let row = 0; row < b.height; row++) {
    for (let col = 0; col < b.widthBytes * 8; col++) {
      const white = (b.data[row * b.widthBytes + (col >> 3)]! & (0x80 >> (col & 7))) !== 0;
      if (white) clearPixel(page, b.x + col, b.y + row);
      else setPixel(page, b.x + col, b.y + row);
    }
  }
}

function clearPixel(page: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= page.width || y >= page.height) return;
  page.data[y * page.rowBytes + (x >> 3)]! &= ~(0x80 >> (x & 7));
}

function drawCode128(page: Bitmap, x: number, y: number, height: number, narrow: number, value: string): void {
  const [raw] = bwipjs.raw('code128', value, '') as { sbs: number[] }[];
  let at = x;
  raw!.sbs.forEach((w, k) => {
    if (k % 2 === 0) fillRect(page, at, y, w * narrow, height);
    at += w * narrow;
  });
}

function drawQr(page: Bitmap, x: number, y: number, cell: number, value: string): void {
  const bytes = String.fromCharCode(...new TextEncoder().encode(value));
  const [raw] = bwipjs.raw('qrcode', bytes, '') as { pixs: number[]; pixx: number }[];
  raw!.pixs.forEach((on, k) => {
    if (on) fillRect(page, x + (k % raw!.pixx) * cell, y + Math.floor(k / raw!.pixx) * cell, cell, cell);
  });
}
