/**
 * A platform label file drawn onto the stock and turned into printer dots, in the thread that
 * calls it: the label worker (label-worker.ts) runs this, so the app's own thread never waits on
 * pdfjs or Skia.
 */
import { countInk, type Bitmap } from '../label/bitmap.js';
import { canvasModule } from '../label/canvas.js';
import { printerFail } from '../errors.js';
import { placeOnStock } from './fit.js';
import { rgbaToBitmap, type Halftone } from './one-bit.js';
import { renderPdfLabel } from './pdf-page.js';

export type LabelFileKind = 'pdf' | 'png';

export interface RenderRequest {
  file: Uint8Array;
  kind: LabelFileKind;
  /** The stock in printer dots. */
  width: number;
  height: number;
  halftone: Halftone;
  threshold?: number;
}

export async function renderLabelBitmap(req: RenderRequest): Promise<Bitmap> {
  const rgba = req.kind === 'pdf' ? await renderPdfLabel(req.file, req.width, req.height) : await renderPngLabel(req.file, req.width, req.height);
  const bitmap = rgbaToBitmap(rgba, req.width, req.height, req.halftone, req.threshold);
  if (countInk(bitmap) === 0) printerFail('LABEL_INVALID', 'The label renders as a blank page.');
  return bitmap;
}

async function renderPngLabel(file: Uint8Array, width: number, height: number): Promise<Uint8ClampedArray> {
  const canvas =
    canvasModule() ??
    printerFail('PRINTER_UNSUPPORTED', 'Platform label pictures cannot be printed on this computer: the image library (@napi-rs/canvas) did not load.');
  const image = await canvas
    .loadImage(file)
    .catch((cause: unknown) =>
      printerFail('LABEL_INVALID', 'The label PNG cannot be decoded.', { cause: cause instanceof Error ? cause.message : String(cause) }),
    );
  if (!(image.width > 0 && image.height > 0)) printerFail('LABEL_INVALID', 'The label PNG has no pixels.');
  const place = placeOnStock(image.width, image.height, width, height);
  const surface = canvas.createCanvas(width, height);
  const ctx = surface.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  // Smoothing averages the pixels a dot covers, so the threshold puts each bar edge at the nearest dot.
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (place.rotated) {
    ctx.translate(place.x + place.width, place.y);
    ctx.rotate(Math.PI / 2);
    ctx.drawImage(image, 0, 0, place.height, place.width);
  } else {
    ctx.drawImage(image, place.x, place.y, place.width, place.height);
  }
  return ctx.getImageData(0, 0, width, height).data;
}
