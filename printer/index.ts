/**
 * The printer module's pure part: label model, rasteriser and encoders (label → bytes). Transports,
 * status parsers and discovery live beside it and only move these bytes.
 */
export * from './label/model.js';
export { createBitmap, type Bitmap } from './label/bitmap.js';
export { rasterise, elementBitmap } from './label/rasterise.js';
export { bitmapToPng } from './label/png.js';
export { labelFonts, type FontSource, type LabelFonts } from './label/text.js';
export { encodeZpl, zplText, type ZplOptions } from './encoders/zpl.js';
export { encodeEscpos, type EscposEncodeOptions } from './encoders/escpos.js';
export { encodeTspl, type TsplEncodeOptions } from './encoders/tspl.js';
export type { GraphicEncoding } from './encoders/zpl-graphic.js';
