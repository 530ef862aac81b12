import path from 'node:path';
import type { PrinterProfile } from '../../printer/label/model.js';
import type { CoreContext } from '../api/context.js';
import { fail } from '../domain/errors.js';
import { getPrinter, listPrinters, printerFor } from '../store/printers-repo.js';
import type { DocumentKind, SavedPrinter } from './types.js';

export const PREVIEW_PRINTER = 'Preview';

/**
 * Until a real printer is set up, labels go to a folder of files (bytes and PNG) next to the
 * database, so a newcomer sees labels at once.
 */
export function previewPrinter(ctx: CoreContext): SavedPrinter {
  return {
    name: PREVIEW_PRINTER,
    uri: `preview:${path.join(ctx.dataDir, 'label-previews')}`,
    language: 'zpl',
    dpi: 203,
    stock: { widthMm: 100, heightMm: 150 },
    offset: { x: 0, y: 0 },
    darkness: null,
    rotation: 0,
    options: {},
    documents: [],
    builtIn: true,
  };
}

export function allPrinters(ctx: CoreContext): SavedPrinter[] {
  const saved = listPrinters(ctx.db);
  return saved.some((p) => p.name === PREVIEW_PRINTER) ? saved : [...saved, previewPrinter(ctx)];
}

/** The printer to use: the one named, else the one set for the document, else the preview. */
export function resolvePrinter(ctx: CoreContext, name: string | undefined, document: DocumentKind): SavedPrinter {
  if (name !== undefined) {
    const named = getPrinter(ctx.db, name) ?? (name === PREVIEW_PRINTER ? previewPrinter(ctx) : null);
    return named ?? fail('PRINTER_NOT_FOUND', `No printer named ${JSON.stringify(name)}; add it first.`);
  }
  const assigned = printerFor(ctx.db, document);
  return (assigned && getPrinter(ctx.db, assigned)) || previewPrinter(ctx);
}

export function profileOf(p: SavedPrinter): PrinterProfile {
  return {
    language: p.language,
    dpi: p.dpi,
    stock: p.stock,
    offset: p.offset,
    rotation: p.rotation,
    ...(p.darkness !== null ? { darkness: p.darkness } : {}),
    ...(p.options.escpos ? { escpos: p.options.escpos } : {}),
    ...(p.options.tspl ? { tspl: p.options.tspl } : {}),
  };
}
