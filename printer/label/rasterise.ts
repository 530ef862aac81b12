/**
 * The whole label as one 1-bit bitmap at the printer's dpi, calibration applied (offset, then
 * rotation). ESC/POS prints this; previews show it; ZPL and TSPL use `elementBitmap` for the
 * parts their printer cannot draw natively.
 */
import { printerFail, unreachable } from '../errors.js';
import { createBitmap, drawBitmap, fillRect, rotate180, strokeRect, type Bitmap } from './bitmap.js';
import { renderBarcode } from './barcode.js';
import { mmToDots, offsetDots, pageDots, type Dpi, type Label, type LabelElement, type LineElement, type PrinterProfile } from './model.js';
import { labelFonts, renderText, type LabelFonts } from './text.js';

export function rasterise(label: Label, profile: PrinterProfile, fonts: LabelFonts = labelFonts()): Bitmap {
  const page = pageDots(label, profile);
  const out = createBitmap(page.width, page.height);
  const offset = offsetDots(profile);
  for (const element of label.elements) {
    const placed = elementBitmap(element, profile.dpi, fonts);
    drawBitmap(out, placed.bitmap, placed.x + offset.x, placed.y + offset.y);
  }
  return profile.rotation === 180 ? rotate180(out) : out;
}

export interface PlacedElement {
  /** Top-left in dots from the label's top-left, before calibration. */
  x: number;
  y: number;
  bitmap: Bitmap;
}

/** One element drawn on its own bitmap, placed where it goes on the label. */
export function elementBitmap(element: LabelElement, dpi: Dpi, fonts: LabelFonts): PlacedElement {
  const x = mmToDots(element.x, dpi);
  const y = mmToDots(element.y, dpi);
  switch (element.kind) {
    case 'text':
      return {
        x,
        y,
        bitmap: renderText(fonts, element.text, {
          lineDots: mmToDots(element.height, dpi),
          bold: element.bold ?? false,
          ...(element.maxWidth === undefined ? {} : { maxWidthDots: mmToDots(element.maxWidth, dpi) }),
          ...(element.maxLines === undefined ? {} : { maxLines: element.maxLines }),
        }),
      };
    case 'barcode':
      return { x, y, bitmap: renderBarcode(element, dpi, fonts) };
    case 'line':
      return { x, y, bitmap: lineBitmap(element, dpi) };
    case 'box': {
      const bitmap = createBitmap(mmToDots(element.width, dpi), mmToDots(element.height, dpi));
      strokeRect(bitmap, 0, 0, bitmap.width, bitmap.height, thicknessDots(element.thickness, dpi));
      return { x, y, bitmap };
    }
    case 'image':
      return { x, y, bitmap: element.bitmap };
    default:
      return unreachable(element);
  }
}

function lineBitmap(line: LineElement, dpi: Dpi): Bitmap {
  const length = mmToDots(line.length, dpi);
  const thickness = thicknessDots(line.thickness, dpi);
  if (length <= 0) printerFail('INVALID_INPUT', 'A line needs a positive length.');
  const bitmap = line.direction === 'horizontal' ? createBitmap(length, thickness) : createBitmap(thickness, length);
  fillRect(bitmap, 0, 0, bitmap.width, bitmap.height);
  return bitmap;
}

/** A rule is at least one dot thick, so a 0.1 mm line still prints at 203 dpi. */
export function thicknessDots(thicknessMm: number, dpi: Dpi): number {
  return Math.max(1, mmToDots(thicknessMm, dpi));
}
