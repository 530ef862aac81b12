import type { T } from './useT.js';

/**
 * The built-in preview printer's API name (core/printing/printers.ts PREVIEW_PRINTER). It stays
 * "Preview" in every call and in the data; on screen it is named in the station's language.
 */
export const PREVIEW_PRINTER = 'Preview';

/** A printer's name as the packer reads it. */
export function printerName(t: T, name: string | null | undefined): string {
  if (name === PREVIEW_PRINTER) return t('printers.previewName');
  return name ?? '';
}
