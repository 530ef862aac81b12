import type { Label, StockSize } from '../../printer/label/model.js';
import type { SavedPrinter } from './types.js';

/**
 * A calibration label: a frame 2 mm inside the stock's edges (so offsets show at once), the
 * printer's settings in words, and a barcode and QR code to check darkness and scanning.
 */
export function testLabel(printer: SavedPrinter, printedAt: string): Label {
  const s: StockSize = printer.stock;
  const w = s.widthMm;
  const small = Math.min(w, s.heightMm) < 60;
  return {
    stock: s,
    elements: [
      { kind: 'box', x: 2, y: 2, width: w - 4, height: s.heightMm - 4, thickness: 0.5 },
      { kind: 'text', x: 5, y: 5, height: small ? 3 : 6, text: 'Packdesk test label', bold: true, maxWidth: w - 10 },
      {
        kind: 'text',
        x: 5,
        y: small ? 9 : 14,
        height: small ? 2.5 : 4,
        text: `${printer.name}\n${printer.language.toUpperCase()} ${printer.dpi} dpi, ${w}×${s.heightMm} mm\noffset ${printer.offset.x}/${printer.offset.y} mm\n${printedAt}`,
        maxWidth: w - 10,
        maxLines: 4,
      },
      {
        kind: 'barcode',
        symbology: 'code128',
        value: 'PACKDESK-TEST',
        x: 5,
        y: small ? 19 : 40,
        module: small ? 0.25 : 0.375,
        height: small ? 6 : 15,
        humanReadable: !small,
      },
      ...(small ? [] : [{ kind: 'barcode' as const, symbology: 'qr' as const, value: 'PACKDESK-TEST', x: 5, y: 70, module: 0.75 }]),
    ],
  };
}
