/**
 * Label → TSPL bytes (TSC, Xprinter, Gprinter: the common cheap 4×6 printers). Resident fonts,
 * Code128 and QR go native where they can draw the content; everything else goes as BITMAP, whose
 * bits are inverted compared with ZPL and ESC/POS: in TSPL bit 1 is white.
 */
import { unreachable } from '../errors.js';
import { concatBytes, textBytes } from '../bytes.js';
import { invertBits, trimToInk, type Bitmap } from '../label/bitmap.js';
import { DEFAULT_BAR_HEIGHT_MM } from '../label/barcode.js';
import {
  mmToDots,
  moduleDots,
  offsetDots,
  pageStock,
  type BarcodeElement,
  type Dpi,
  type Label,
  type LabelElement,
  type PrinterProfile,
  type TextElement,
} from '../label/model.js';
import { elementBitmap, rasterise, thicknessDots } from '../label/rasterise.js';
import { labelFonts, type LabelFonts } from '../label/text.js';
import { wrapText } from '../label/wrap.js';
import { fitsAscii, printableText } from './text-coverage.js';
import { chooseTsplFont, isSafeTsplString, tsplString } from './tspl-text.js';

export const DEFAULT_GAP_MM = 2;

export interface TsplEncodeOptions {
  fonts?: LabelFonts;
}

/** A command is text, or text followed by raw bitmap bytes (BITMAP). */
type Command = string | { text: string; data: Uint8Array };

interface Context {
  dpi: Dpi;
  fonts: LabelFonts;
}

export function encodeTspl(label: Label, profile: PrinterProfile, options: TsplEncodeOptions = {}): Uint8Array {
  const ctx: Context = { dpi: profile.dpi, fonts: options.fonts ?? labelFonts() };
  const body = profile.tspl?.wholeLabelBitmap
    ? [bitmapCommand(0, 0, rasterise(label, { ...profile, offset: { x: 0, y: 0 }, rotation: 0 }, ctx.fonts))]
    : label.elements.flatMap((element) => elementCommands(element, ctx));
  const commands: Command[] = [...setup(label, profile), 'CLS', ...body, 'PRINT 1,1'];
  return concatBytes(commands.flatMap(commandBytes));
}

function commandBytes(command: Command): Uint8Array[] {
  if (typeof command === 'string') return [textBytes(`${command}\r\n`)];
  return [textBytes(command.text), command.data, textBytes('\r\n')];
}

function setup(label: Label, profile: PrinterProfile): string[] {
  const stock = pageStock(label, profile);
  const offset = offsetDots(profile);
  const lines = [
    `SIZE ${num(stock.widthMm)} mm,${num(stock.heightMm)} mm`,
    `GAP ${num(profile.tspl?.gapMm ?? DEFAULT_GAP_MM)} mm,0 mm`,
    `DIRECTION ${profile.rotation === 180 ? 1 : 0}`,
    `REFERENCE ${Math.max(0, offset.x)},${Math.max(0, offset.y)}`,
  ];
  // REFERENCE cannot go negative; SHIFT can (its left argument needs newer firmware).
  if (offset.x < 0) lines.push(`SHIFT ${offset.x},${Math.min(0, offset.y)}`);
  else if (offset.y < 0) lines.push(`SHIFT ${offset.y}`);
  if (profile.darkness !== undefined) lines.push(`DENSITY ${Math.min(15, Math.max(0, Math.round(profile.darkness)))}`);
  return lines;
}

function num(mm: number): string {
  return String(Math.round(mm * 100) / 100);
}

function elementCommands(element: LabelElement, ctx: Context): Command[] {
  switch (element.kind) {
    case 'text': {
      const text = printableText(element.text);
      return fitsAscii(text) && isSafeTsplString(text.replace(/\n/g, ' ')) ? nativeText({ ...element, text }, ctx) : asBitmap(element, ctx);
    }
    case 'barcode':
      return nativeBarcode(element, ctx) ?? asBitmap(element, ctx);
    case 'line': {
      const length = mmToDots(element.length, ctx.dpi);
      const t = thicknessDots(element.thickness, ctx.dpi);
      const [w, h] = element.direction === 'horizontal' ? [length, t] : [t, length];
      return [`BAR ${at(element, ctx)},${w},${h}`];
    }
    case 'box':
      return [boxCommand(element, ctx)];
    case 'image':
      return asBitmap(element, ctx);
    default:
      return unreachable(element);
  }
}

function at(element: { x: number; y: number }, ctx: Context): string {
  return `${mmToDots(element.x, ctx.dpi)},${mmToDots(element.y, ctx.dpi)}`;
}

/** BOX takes corners; a border as thick as half the box is a filled BAR. */
function boxCommand(element: Extract<LabelElement, { kind: 'box' }>, ctx: Context): string {
  const x = mmToDots(element.x, ctx.dpi);
  const y = mmToDots(element.y, ctx.dpi);
  const w = mmToDots(element.width, ctx.dpi);
  const h = mmToDots(element.height, ctx.dpi);
  const t = thicknessDots(element.thickness, ctx.dpi);
  if (t * 2 >= Math.min(w, h)) return `BAR ${x},${y},${w},${h}`;
  return `BOX ${x},${y},${x + w},${y + h},${t}`;
}

/** One TEXT per wrapped line; bold is the line printed twice a dot apart (bitmap fonts have no bold). */
function nativeText(element: TextElement, ctx: Context): string[] {
  const lineDots = mmToDots(element.height, ctx.dpi);
  const choice = chooseTsplFont(lineDots);
  const lines =
    element.maxWidth === undefined
      ? element.text.split('\n')
      : wrapText(element.text, mmToDots(element.maxWidth, ctx.dpi), (s) => [...s].length * choice.charWidth, element.maxLines ?? 1);
  const x = mmToDots(element.x, ctx.dpi);
  const y = mmToDots(element.y, ctx.dpi);
  const passes = element.bold ? [0, 1] : [0];
  const font = `"${choice.font.name}",0,${choice.multiple},${choice.multiple}`;
  return lines.flatMap((line, i) => passes.map((dx) => `TEXT ${x + dx},${y + i * lineDots},${font},${tsplString(line)}`));
}

function nativeBarcode(element: BarcodeElement, ctx: Context): string[] | undefined {
  const module = moduleDots(element.module, ctx.dpi);
  if (!isSafeTsplString(element.value)) return undefined;
  if (element.symbology === 'code128') {
    if (!/^[\x20-\x7e]+$/.test(element.value)) return undefined;
    const h = mmToDots(element.height ?? DEFAULT_BAR_HEIGHT_MM, ctx.dpi);
    const readable = element.humanReadable ? 1 : 0;
    return [`BARCODE ${at(element, ctx)},"128",${h},${readable},0,${module},${module},${tsplString(element.value)}`];
  }
  if (element.symbology === 'qr' && module <= 10) {
    return [`QRCODE ${at(element, ctx)},${element.ecc ?? 'M'},${module},A,0,${tsplString(element.value)}`];
  }
  return undefined;
}

function asBitmap(element: LabelElement, ctx: Context): Command[] {
  const placed = elementBitmap(element, ctx.dpi, ctx.fonts);
  const ink = trimToInk(placed.bitmap);
  return ink ? [bitmapCommand(placed.x + ink.x, placed.y + ink.y, ink.bitmap)] : [];
}

/**
 * BITMAP x,y,width in bytes,height,mode,data. Mode 0 (overwrite) is the one every TSPL clone
 * implements; since it also whitens the bitmap's box, bitmaps are trimmed to their ink first.
 */
function bitmapCommand(x: number, y: number, bitmap: Bitmap): Command {
  return { text: `BITMAP ${x},${y},${bitmap.rowBytes},${bitmap.height},0,`, data: invertBits(bitmap) };
}
