/**
 * The label model: what goes on a label, laid out in millimetres from the label's top-left corner,
 * independent of any printer. Encoders turn it into printer bytes at the printer's dpi; the
 * rasteriser turns it into a 1-bit bitmap. Every length in this file is in millimetres unless its
 * name says dots.
 */
import type { Bitmap } from './bitmap.js';

export interface StockSize {
  widthMm: number;
  heightMm: number;
}

/** Platform rule (seller handbook): shipping labels are 10×15 cm thermal labels. */
export const DEFAULT_STOCK: StockSize = { widthMm: 100, heightMm: 150 };

export interface TextElement {
  kind: 'text';
  x: number;
  y: number;
  /** Line height; about three quarters of it is the height of a capital letter. */
  height: number;
  /** Any Unicode. '\n' starts a new line. */
  text: string;
  bold?: boolean;
  /** Wrap at this width; without it the text runs on and the printer clips it at the edge. */
  maxWidth?: number;
  /** With maxWidth: lines beyond this are dropped, never overprinted (default 1). */
  maxLines?: number;
}

export type Symbology = 'code128' | 'qr' | 'datamatrix' | 'pdf417';

export interface BarcodeElement {
  kind: 'barcode';
  symbology: Symbology;
  value: string;
  x: number;
  y: number;
  /** Width of one module (narrowest bar, or one square of a 2D code). Rounded to whole dots. */
  module: number;
  /** Bar height for Code128; ignored by 2D codes, whose size follows from the data. */
  height?: number;
  /** Print the value under a Code128. */
  humanReadable?: boolean;
  /** QR error correction (default M). */
  ecc?: 'L' | 'M' | 'Q' | 'H';
}

export interface LineElement {
  kind: 'line';
  x: number;
  y: number;
  length: number;
  thickness: number;
  direction: 'horizontal' | 'vertical';
}

export interface BoxElement {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Border thickness; half the shorter side or more gives a filled box. */
  thickness: number;
}

export interface ImageElement {
  kind: 'image';
  x: number;
  y: number;
  /** Already at the printer's dpi (the platform-label path rasterises for the profile), drawn 1:1. */
  bitmap: Bitmap;
}

export type LabelElement = TextElement | BarcodeElement | LineElement | BoxElement | ImageElement;

export interface Label {
  /** The stock the label was laid out for (default 100×150 mm). */
  stock?: StockSize;
  elements: readonly LabelElement[];
}

export const PRINTER_LANGUAGES = ['zpl', 'escpos', 'tspl'] as const;
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number];
export const DPIS = [203, 300] as const;
export type Dpi = (typeof DPIS)[number];

export interface EscposOptions {
  /** Rows per GS v 0 band: cheap printers have small receive buffers (default 255). */
  bandRows?: number;
  /** Lines to feed after the label (ESC d n), e.g. to reach the tear bar (default 0). */
  feedLines?: number;
  cut?: 'none' | 'full' | 'partial';
}

export interface TsplOptions {
  /** Gap between labels on the liner (default 2 mm). */
  gapMm?: number;
  /** Send the whole label as one BITMAP: for clones whose resident fonts or barcodes misprint. */
  wholeLabelBitmap?: boolean;
}

/** One printer's language and calibration: the same label prints alike on any of them. */
export interface PrinterProfile {
  language: PrinterLanguage;
  dpi: Dpi;
  /** Calibration: moves everything on the label; negative moves left/up. */
  offset?: { x: number; y: number };
  /** In the printer's own scale (ZPL ~SD 0–30, TSPL DENSITY 0–15); unset keeps the printer's. */
  darkness?: number;
  /** 180 for printers that feed the label upside down relative to the layout. */
  rotation?: 0 | 180;
  /** The stock loaded in this printer; wins over the label's own stock. */
  stock?: StockSize;
  escpos?: EscposOptions;
  tspl?: TsplOptions;
}

/** Dots per millimetre: 203 dpi is exactly 8 by Zebra convention; 300 dpi is 300/25.4. */
export function dotsPerMm(dpi: Dpi): number {
  return dpi === 203 ? 8 : 300 / 25.4;
}

export function mmToDots(mm: number, dpi: Dpi): number {
  return Math.round(mm * dotsPerMm(dpi));
}

/** The page the printer is told to print: the loaded stock, else the label's design size. */
export function pageStock(label: Label, profile: PrinterProfile): StockSize {
  return profile.stock ?? label.stock ?? DEFAULT_STOCK;
}

export interface PageDots {
  width: number;
  height: number;
}

/** 100×150 mm is 800×1200 dots at 203 dpi and 1181×1772 at 300 dpi. */
export function pageDots(label: Label, profile: PrinterProfile): PageDots {
  const stock = pageStock(label, profile);
  return { width: mmToDots(stock.widthMm, profile.dpi), height: mmToDots(stock.heightMm, profile.dpi) };
}

export function offsetDots(profile: PrinterProfile): { x: number; y: number } {
  const offset = profile.offset ?? { x: 0, y: 0 };
  return { x: mmToDots(offset.x, profile.dpi), y: mmToDots(offset.y, profile.dpi) };
}

/** Module width in whole dots, never below one, so every bar is the same width (crisp bars). */
export function moduleDots(moduleMm: number, dpi: Dpi): number {
  return Math.max(1, Math.round(moduleMm * dotsPerMm(dpi)));
}
