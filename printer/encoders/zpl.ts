/**
 * Label → ZPL II bytes (Zebra and the many printers that speak ZPL). Text the printer's font 0
 * can draw (Latin-1, under ^CI28 = UTF-8), Code128, QR and DataMatrix go native; everything else —
 * CJK text, PDF417, images — goes as a ^GFA bitmap drawn exactly as the rasteriser draws it.
 */
import { unreachable } from '../errors.js';
import { trimToInk } from '../label/bitmap.js';
import {
  mmToDots,
  moduleDots,
  offsetDots,
  pageDots,
  type BarcodeElement,
  type Dpi,
  type ImageElement,
  type Label,
  type LabelElement,
  type PrinterProfile,
  type TextElement,
} from '../label/model.js';
import { DEFAULT_BAR_HEIGHT_MM } from '../label/barcode.js';
import { elementBitmap, thicknessDots } from '../label/rasterise.js';
import { labelFonts, type LabelFonts } from '../label/text.js';
import { fitsLatin1, printableText } from './text-coverage.js';
import { fieldBlockData, fieldData, wrapForFontZero } from './zpl-field.js';
import { graphicField, rememberedGraphic, type GraphicEncoding } from './zpl-graphic.js';

export interface ZplOptions {
  fonts?: LabelFonts;
  graphicEncoding?: GraphicEncoding;
}

interface Context {
  dpi: Dpi;
  /** Looked up on first use: a label of native fields and images (a platform label) needs none. */
  readonly fonts: LabelFonts;
  graphicEncoding: GraphicEncoding;
}

export function encodeZpl(label: Label, profile: PrinterProfile, options: ZplOptions = {}): Uint8Array {
  return new TextEncoder().encode(zplText(label, profile, options));
}

/** The same ZPL as a string (tests, previews, debugging). */
export function zplText(label: Label, profile: PrinterProfile, options: ZplOptions = {}): string {
  let fonts = options.fonts;
  const ctx: Context = {
    dpi: profile.dpi,
    get fonts() {
      fonts ??= labelFonts();
      return fonts;
    },
    graphicEncoding: options.graphicEncoding ?? 'smallest',
  };
  const lines = [...darkness(profile), '^XA', ...setup(label, profile)];
  for (const element of label.elements) lines.push(...elementCommands(element, ctx));
  lines.push('^XZ');
  return `${lines.join('\n')}\n`;
}

/** ~SD sets the printer's darkness (00–30); it stays set, so it is sent only when the profile says. */
function darkness(profile: PrinterProfile): string[] {
  if (profile.darkness === undefined) return [];
  const value = Math.min(30, Math.max(0, Math.round(profile.darkness)));
  return [`~SD${String(value).padStart(2, '0')}`];
}

function setup(label: Label, profile: PrinterProfile): string[] {
  const page = pageDots(label, profile);
  const offset = offsetDots(profile);
  const lines = ['^CI28', `^PW${page.width}`, `^LL${page.height}`, `^LH${Math.max(0, offset.x)},${Math.max(0, offset.y)}`];
  // ^LH cannot go negative: ^LS shifts left, ^LT moves up.
  if (offset.x < 0) lines.push(`^LS${-offset.x}`);
  if (offset.y < 0) lines.push(`^LT${offset.y}`);
  lines.push(profile.rotation === 180 ? '^POI' : '^PON');
  return lines;
}

function elementCommands(element: LabelElement, ctx: Context): string[] {
  switch (element.kind) {
    case 'text':
      return fitsLatin1(printableText(element.text)) ? nativeText(element, ctx) : asBitmap(element, ctx);
    case 'barcode':
      return nativeBarcode(element, ctx) ?? asBitmap(element, ctx);
    case 'line': {
      const length = mmToDots(element.length, ctx.dpi);
      const thickness = thicknessDots(element.thickness, ctx.dpi);
      const [w, h] = element.direction === 'horizontal' ? [length, thickness] : [thickness, length];
      return [`${origin(element, ctx)}^GB${w},${h},${thickness}^FS`];
    }
    case 'box': {
      const w = mmToDots(element.width, ctx.dpi);
      const h = mmToDots(element.height, ctx.dpi);
      const t = Math.min(thicknessDots(element.thickness, ctx.dpi), Math.min(w, h));
      return [`${origin(element, ctx)}^GB${w},${h},${t}^FS`];
    }
    case 'image':
      return asBitmap(element, ctx);
    default:
      return unreachable(element);
  }
}

function origin(element: { x: number; y: number }, ctx: Context, dy = 0): string {
  return `^FO${mmToDots(element.x, ctx.dpi)},${mmToDots(element.y, ctx.dpi) + dy}`;
}

/** Font 0 at the line height; bold is the field printed twice, a dot or two apart. */
function nativeText(element: TextElement, ctx: Context): string[] {
  const h = mmToDots(element.height, ctx.dpi);
  const text = printableText(element.text);
  const passes = element.bold ? [0, Math.max(1, Math.round(h / 24))] : [0];
  const x = mmToDots(element.x, ctx.dpi);
  const y = mmToDots(element.y, ctx.dpi);
  const font = `^A0N,${h},${h}`;
  if (element.maxWidth === undefined) {
    return text.split('\n').flatMap((line, i) => passes.map((dx) => `^FO${x + dx},${y + i * h}${font}${fieldData(line)}`));
  }
  const width = mmToDots(element.maxWidth, ctx.dpi);
  const maxLines = element.maxLines ?? 1;
  const lines = wrapForFontZero(text, width, h, maxLines);
  const block = `^FB${width},${Math.max(1, lines.length)},0,L,0`;
  return passes.map((dx) => `^FO${x + dx},${y}${font}${block}${fieldBlockData(lines)}`);
}

/** Code128 in automatic mode (the printer picks subsets), QR, DataMatrix; undefined means bitmap. */
function nativeBarcode(element: BarcodeElement, ctx: Context): string[] | undefined {
  const module = moduleDots(element.module, ctx.dpi);
  if (element.symbology === 'code128') {
    // Printable ASCII only, and no '>': in ^BC field data it starts a subset/function code.
    if (!/^[\x20-\x3d\x3f-\x7e]+$/.test(element.value)) return undefined;
    const h = mmToDots(element.height ?? DEFAULT_BAR_HEIGHT_MM, ctx.dpi);
    const readable = element.humanReadable ? 'Y' : 'N';
    return [`${origin(element, ctx)}^BY${module},3,${h}^BCN,${h},${readable},N,N,A${fieldData(element.value)}`];
  }
  if (element.symbology === 'qr') return nativeQr(element, module, ctx);
  // ECC 200; '~' would start a ^BX escape sequence (FNC1, ~dNNN), so such values go as bitmap.
  if (element.symbology === 'datamatrix' && !element.value.includes('~')) {
    return [`${origin(element, ctx)}^BXN,${module},200${fieldData(element.value)}`];
  }
  return undefined;
}

/**
 * ^BQ magnification stops at 10. A QR code lands lower than its ^FO by the current ^BY bar
 * height — zebrash, which follows Labelary's emulation of Zebra firmware, draws it so (to confirm
 * on hardware): ^BY sets that height to its minimum, 10 dots, and the origin is raised by as much.
 */
const QR_DROP = 10;

function nativeQr(element: BarcodeElement, module: number, ctx: Context): string[] | undefined {
  const y = mmToDots(element.y, ctx.dpi);
  if (module > 10 || y < QR_DROP) return undefined;
  const ecc = element.ecc ?? 'M';
  return [`${origin(element, ctx, -QR_DROP)}^BY2,3,${QR_DROP}^BQN,2,${module}${fieldData(`${ecc}A,${element.value}`)}`];
}

/** The element drawn by the rasteriser, cut to its ink and sent as a graphic field. */
function asBitmap(element: LabelElement, ctx: Context): string[] {
  if (element.kind === 'image') return pictureField(element, ctx);
  const placed = elementBitmap(element, ctx.dpi, ctx.fonts);
  const ink = trimToInk(placed.bitmap);
  if (!ink) return [];
  return [`^FO${placed.x + ink.x},${placed.y + ink.y}${graphicField(ink.bitmap, ctx.graphicEncoding)}^FS`];
}

/**
 * A picture is placed as it is (no fonts to look up); a platform label's field was usually made
 * by the label worker already (rememberGraphic), so the main thread only places it.
 */
function pictureField(element: ImageElement, ctx: Context): string[] {
  const x = mmToDots(element.x, ctx.dpi);
  const y = mmToDots(element.y, ctx.dpi);
  const ready = ctx.graphicEncoding === 'smallest' ? rememberedGraphic(element.bitmap) : undefined;
  if (ready !== undefined) return ready ? [`^FO${x + ready.x},${y + ready.y}${ready.field}^FS`] : [];
  const ink = trimToInk(element.bitmap);
  return ink ? [`^FO${x + ink.x},${y + ink.y}${graphicField(ink.bitmap, ctx.graphicEncoding)}^FS`] : [];
}
