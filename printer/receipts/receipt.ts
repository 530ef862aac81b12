/**
 * A receipt turned into the printer's own commands by node-thermal-printer (Epson ESC/POS or Star
 * Line Mode), with a Packdesk transport as its `interface`: the library builds the bytes, our
 * transport (and the core's journal behind it) sends them. Text the printer's code page cannot
 * hold — Chinese names, Vietnamese addresses — and QR codes go as raster pictures drawn with
 * Packdesk's own fonts and barcode engine, so they print alike on any receipt printer.
 */
import { createRequire } from 'node:module';
import type { Bitmap } from '../label/bitmap.js';
import { renderBarcode } from '../label/barcode.js';
import { bitmapToPng } from '../label/png.js';
import { labelFonts, renderText } from '../label/text.js';
import { unreachable } from '../errors.js';
import type { Receipt, ReceiptLine, ReceiptProfile } from './types.js';

type ThermalModule = typeof import('node-thermal-printer');
type ThermalPrinter = InstanceType<ThermalModule['printer']>;

const thermal = createRequire(import.meta.url)('node-thermal-printer') as ThermalModule;

/** Characters per line in font A (12 × 24 dots): 48 on 80 mm paper (72 mm printable), 32 on 58 mm (48 mm). */
export function receiptColumns(profile: Pick<ReceiptProfile, 'widthMm'>): number {
  return profile.widthMm === 80 ? 48 : 32;
}

/** Dots the head prints across, at 203 dpi. */
export function receiptDots(profile: Pick<ReceiptProfile, 'widthMm'>): number {
  return profile.widthMm === 80 ? 576 : 384;
}

/** Lines the printer's own font prints as they are: printable ASCII, nothing a code page must map. */
const PLAIN = /^[\x20-\x7e]*$/;
const LINE_DOTS = 24;
const QR_MODULE_MM = 0.5;

/**
 * node-thermal-printer's interface contract: it hands the finished buffer to execute(). Ours
 * passes it to `send` — a Packdesk transport's write, through the print journal.
 */
class PackdeskInterface {
  constructor(private readonly send: (bytes: Uint8Array) => Promise<void>) {}

  getPrinterName(): string {
    return 'Packdesk transport';
  }

  async isPrinterConnected(): Promise<boolean> {
    return true;
  }

  async execute(buffer: Buffer): Promise<void> {
    await this.send(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  }
}

/** Builds the receipt and sends it through `send`: the printer's reset (ESC @) first, a cut last. */
export async function printReceipt(receipt: Receipt, profile: ReceiptProfile, send: (bytes: Uint8Array) => Promise<void>): Promise<void> {
  const printer = new thermal.printer({
    type: profile.dialect === 'star' ? thermal.types.STAR : thermal.types.EPSON,
    interface: new PackdeskInterface(send) as unknown as string,
    width: receiptColumns(profile),
    breakLine: thermal.BreakLine.WORD,
  });
  // The library has it (ESC @ in both dialects); its type declarations leave it out.
  (printer as unknown as { initHardware(): void }).initHardware();
  for (const line of receipt.lines) await addLine(printer, line, profile);
  printer.cut();
  await printer.execute();
}

/** The receipt's bytes, as printReceipt would send them. */
export async function receiptBytes(receipt: Receipt, profile: ReceiptProfile): Promise<Uint8Array> {
  let bytes = new Uint8Array(0);
  await printReceipt(receipt, profile, async (b) => {
    bytes = new Uint8Array(b);
  });
  return bytes;
}

async function addLine(printer: ThermalPrinter, line: ReceiptLine, profile: ReceiptProfile): Promise<void> {
  switch (line.kind) {
    case 'text':
      if (PLAIN.test(line.text)) return plainText(printer, line);
      return picture(printer, textPicture(line.text, profile, line.large ? 2 : 1), line.center);
    case 'pair':
      if (PLAIN.test(line.left) && PLAIN.test(line.right)) {
        printer.bold(line.bold ?? false);
        // Too long for one line: the right part goes flush right on the next.
        if (line.left.length + line.right.length + 1 > receiptColumns(profile)) {
          printer.println(line.left);
          printer.leftRight('', line.right);
        } else {
          printer.leftRight(line.left, line.right);
        }
        printer.bold(false);
        return;
      }
      return picture(printer, textPicture(`${line.left}  ${line.right}`, profile, 1), false);
    case 'rule':
      printer.drawLine();
      return;
    case 'qr':
      return picture(
        printer,
        renderBarcode({ kind: 'barcode', symbology: 'qr', value: line.value, x: 0, y: 0, module: QR_MODULE_MM }, 203, labelFonts()),
        true,
      );
    case 'blank':
      printer.newLine();
      return;
    default:
      return unreachable(line);
  }
}

function plainText(printer: ThermalPrinter, line: Extract<ReceiptLine, { kind: 'text' }>): void {
  if (line.center) printer.alignCenter();
  printer.bold(line.bold ?? false);
  if (line.large) printer.setTextDoubleHeight();
  printer.println(line.text);
  if (line.large) printer.setTextNormal();
  printer.bold(false);
  if (line.center) printer.alignLeft();
}

/** Text as a picture the width of the paper, wrapped, drawn like label text. */
function textPicture(text: string, profile: ReceiptProfile, scale: 1 | 2): Bitmap {
  return renderText(labelFonts(), text, { lineDots: LINE_DOTS * scale, maxWidthDots: receiptDots(profile), maxLines: 6 });
}

async function picture(printer: ThermalPrinter, bitmap: Bitmap, center = false): Promise<void> {
  if (bitmap.width === 0 || bitmap.height === 0) return;
  if (center) printer.alignCenter();
  await printer.printImageBuffer(Buffer.from(bitmapToPng(bitmap)));
  if (center) printer.alignLeft();
}
