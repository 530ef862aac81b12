/**
 * Barcodes drawn as bitmaps from bwip-js's raw encodings (bar/space widths for Code128, module
 * matrices for 2D codes). Every module is a whole number of dots, so all bars of one width are
 * exactly alike: a scaled or anti-aliased barcode is what makes a thermal label unreadable.
 */
import bwipjs from 'bwip-js/node';
import { printerFail } from '../errors.js';
import { createBitmap, drawBitmap, fillRect, type Bitmap } from './bitmap.js';
import { mmToDots, moduleDots, type BarcodeElement, type Dpi } from './model.js';
import { measureText, renderText, type LabelFonts } from './text.js';

export const DEFAULT_BAR_HEIGHT_MM = 15;
/** The printed value under a Code128: height of its line and gap above it. */
export const HUMAN_READABLE_MM = 3;
const HUMAN_READABLE_GAP_MM = 0.5;

type RawLinear = { sbs: number[] };
type RawMatrix = { pixs: number[]; pixx: number; pixy: number };

const BWIP_NAMES = { code128: 'code128', qr: 'qrcode', datamatrix: 'datamatrix', pdf417: 'pdf417' } as const;

export function renderBarcode(element: BarcodeElement, dpi: Dpi, fonts: LabelFonts): Bitmap {
  const module = moduleDots(element.module, dpi);
  if (element.symbology === 'code128') return renderCode128(element, module, dpi, fonts);
  return renderMatrix(encodeRaw<RawMatrix>(element), module);
}

/** The Code128 bars alone, as alternating bar/space widths in modules (first is a bar). */
export function code128Widths(value: string): number[] {
  return encodeRaw<RawLinear>({ symbology: 'code128', value }).sbs;
}

/** Columns of a 2D code in modules, for laying it out: its size follows from the data. */
export function matrixColumns(element: Pick<BarcodeElement, 'symbology' | 'value' | 'ecc'>): number {
  return encodeRaw<RawMatrix>(element).pixx;
}

function renderCode128(element: BarcodeElement, module: number, dpi: Dpi, fonts: LabelFonts): Bitmap {
  const widths = code128Widths(element.value);
  const barsWidth = widths.reduce((a, b) => a + b, 0) * module;
  const barHeight = mmToDots(element.height ?? DEFAULT_BAR_HEIGHT_MM, dpi);
  const textLine = element.humanReadable ? mmToDots(HUMAN_READABLE_MM, dpi) : 0;
  const gap = element.humanReadable ? mmToDots(HUMAN_READABLE_GAP_MM, dpi) : 0;
  const out = createBitmap(barsWidth, barHeight + gap + textLine);
  let x = 0;
  widths.forEach((w, i) => {
    if (i % 2 === 0) fillRect(out, x, 0, w * module, barHeight);
    x += w * module;
  });
  if (element.humanReadable) {
    const textWidth = measureText(fonts, element.value, textLine);
    const text = renderText(fonts, element.value, { lineDots: textLine });
    drawBitmap(out, text, Math.max(0, Math.round((barsWidth - textWidth) / 2)), barHeight + gap);
  }
  return out;
}

/**
 * bwip-js gives PDF417 rows already repeated (pixy counts row repeats), QR and DataMatrix one row
 * per module row: the repeat factor is pixy divided by the rows actually stored.
 */
function renderMatrix(raw: RawMatrix, module: number): Bitmap {
  const rows = raw.pixs.length / raw.pixx;
  const rowDots = (raw.pixy / rows) * module;
  const out = createBitmap(raw.pixx * module, rows * rowDots);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < raw.pixx; c++) {
      if (raw.pixs[r * raw.pixx + c]) fillRect(out, c * module, r * rowDots, module, rowDots);
    }
  }
  return out;
}

/**
 * bwip-js runs Barcode Writer in Pure PostScript: a DataMatrix takes milliseconds. A reprint, or a
 * preview followed by the print, encodes the same values again, so recent encodings are kept.
 */
const encodings = new Map<string, unknown>();

function encodeRaw<T>(element: Pick<BarcodeElement, 'symbology' | 'value' | 'ecc'>): T {
  if (element.value === '') printerFail('INVALID_INPUT', `A ${element.symbology} barcode needs a value.`);
  const options = element.symbology === 'qr' ? `eclevel=${element.ecc ?? 'M'}` : '';
  const key = `${element.symbology}|${options}|${element.value}`;
  const known = encodings.get(key);
  if (known) return known as T;
  try {
    const raw = bwipjs.raw(BWIP_NAMES[element.symbology], toByteString(element.value), options);
    const first = raw[0];
    if (!first) throw new Error('empty encoding');
    if (encodings.size >= 500) encodings.clear();
    encodings.set(key, first);
    return first as T;
  } catch (cause) {
    return printerFail('INVALID_INPUT', `"${element.value}" cannot be encoded as ${element.symbology}.`, {
      cause: cause instanceof Error ? cause.message : String(cause),
    });
  }
}

/** bwip-js reads one byte per JS character: non-ASCII text goes in as its UTF-8 bytes. */
function toByteString(value: string): string {
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  return String.fromCharCode(...new TextEncoder().encode(value));
}
