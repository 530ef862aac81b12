import type { DocumentKind, SavedPrinter } from '../../../../core/printing/types.js';
import type { MessageKey } from '../../i18n/index.js';
import type { PrinterInput } from '../../store/printers.js';

export type PrinterLanguage = SavedPrinter['language'];
export type Dpi = SavedPrinter['dpi'];

/**
 * The printer module's languages (in the order this screen offers them) and resolutions. The
 * screens may not load printer/ at run time, so they are listed here; these fail to compile when
 * the lists and printer/label/model.ts differ either way.
 */
export const LANGUAGES = ['zpl', 'tspl', 'escpos'] as const satisfies readonly PrinterLanguage[];
export const DPIS = [203, 300] as const satisfies readonly Dpi[];
export const everyLanguageOffered: [Exclude<PrinterLanguage, (typeof LANGUAGES)[number]>] extends [never] ? true : never = true;
export const everyDpiOffered: [Exclude<Dpi, (typeof DPIS)[number]>] extends [never] ? true : never = true;

export const documentKey = (d: DocumentKind): MessageKey => `printers.document.${d}`;
export const languageKey = (l: PrinterLanguage): MessageKey => `printers.language.${l}`;

/**
 * The darkness scale of each language (ZPL ~SD 0–30, TSPL DENSITY 0–15, printer/encoders);
 * ESC/POS printers take theirs from their own settings, so there is nothing to send.
 */
export const DARKNESS_MAX: Record<PrinterLanguage, number | null> = { zpl: 30, tspl: 15, escpos: null };

/** Calibration moves in half-millimetre steps: a dot is 0.125 mm at 203 dpi, so finer is noise. */
export const OFFSET_STEP_MM = 0.5;
/** The core accepts offsets within ±50 mm (contract: printers.save). */
export const OFFSET_LIMIT_MM = 50;

export type Receipt = NonNullable<SavedPrinter['options']['receipt']>;
export const RECEIPT_WIDTHS = [80, 58] as const satisfies readonly Receipt['widthMm'][];
export const RECEIPT_DIALECTS = ['epson', 'star'] as const satisfies readonly Receipt['dialect'][];

/**
 * A receipt printer as printers.save takes it: ESC/POS at 203 dpi, stock as wide as the paper and
 * long enough for a slip (a receipt roll is as long as the document), as the CLI's --receipt does.
 */
export function receiptInput(receipt: Receipt): Pick<PrinterInput, 'language' | 'dpi' | 'stock' | 'options'> {
  return { language: 'escpos', dpi: 203, stock: { widthMm: receipt.widthMm, heightMm: 300 }, options: { receipt } };
}

/** A saved printer as printers.save takes it back: everything but what only the core decides. */
export function toInput(p: SavedPrinter): PrinterInput {
  return {
    name: p.name,
    uri: p.uri,
    language: p.language,
    dpi: p.dpi,
    stock: p.stock,
    offset: p.offset,
    darkness: p.darkness,
    rotation: p.rotation,
    options: p.options,
    documents: p.documents,
  };
}

/** The printer the core sends a document to: the one set for it, else the built-in preview. */
export function printerForDocument(printers: readonly SavedPrinter[], document: DocumentKind): SavedPrinter | null {
  return printers.find((p) => p.documents.includes(document)) ?? printers.find((p) => p.builtIn || p.uri.startsWith('preview:')) ?? null;
}

/** Within the core's limits, to a hundredth of a millimetre so repeated ± presses leave no floating-point dust. */
export function clampOffset(mm: number): number {
  if (!Number.isFinite(mm)) return 0;
  const rounded = Math.round(mm * 100) / 100;
  return Math.min(OFFSET_LIMIT_MM, Math.max(-OFFSET_LIMIT_MM, rounded));
}
