/** DataMatrix and PDF417 (which zbarimg does not read) decoded with @zxing/library. */
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { getPixel, type Bitmap } from '../../../printer/label/bitmap.js';

export function zxingDecode(bitmap: Bitmap, format: 'datamatrix' | 'pdf417', margin = 16): string {
  const width = bitmap.width + 2 * margin;
  const height = bitmap.height + 2 * margin;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) if (getPixel(bitmap, x, y)) luminance[(y + margin) * width + x + margin] = 0;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format === 'datamatrix' ? BarcodeFormat.DATA_MATRIX : BarcodeFormat.PDF_417]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const source = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  return reader.decode(source, hints).getText();
}
