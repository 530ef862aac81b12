import { CATALOGUE_ALIASES } from './catalogue-columns.js';
import { mapColumns } from './columns.js';
import { ORDER_ALIASES } from './order-columns.js';
import type { FileKind, ImportWarning, WrongKind } from './types.js';

/**
 * What a file is, told from its header alone. Every order export (Seller Center's and
 * Packdesk's own) has an Order ID column and no product list has one; a product list has a
 * Seller SKU, barcode, bin or stock column. An order export also has a Seller SKU
 * column, so the Order ID is looked for first.
 */
export function kindOfHeader(header: readonly string[]): FileKind {
  if (mapColumns(header, ORDER_ALIASES).single.orderId !== undefined) return 'orders';
  const c = mapColumns(header, CATALOGUE_ALIASES);
  const catalogue = c.single.sellerSku ?? c.multi.barcodes ?? c.single.bin ?? c.single.stockOnHand ?? c.single.safetyStock;
  return catalogue === undefined ? 'unknown' : 'catalogue';
}

/** Why a file given as an order export is refused, or null when it is one. */
export function notAnOrderExport(kind: FileKind): WrongKind | null {
  if (kind === 'orders') return null;
  const base = 'The file has no "Order ID" column, so it is not a Seller Center order export (OrderSKUList).';
  return {
    looksLike: kind,
    message:
      kind === 'catalogue'
        ? `${base} It looks like a product catalogue (Seller SKU, barcodes, bins): import it as a catalogue instead.`
        : `${base} Export the orders from Seller Center (Orders → Export) and import that file.`,
  };
}

/** Why a file given as a product catalogue is refused, or null when it is one. */
export function notACatalogue(kind: FileKind): WrongKind | null {
  if (kind === 'catalogue') return null;
  return {
    looksLike: kind,
    message:
      kind === 'orders'
        ? 'The file is an order export (it has an "Order ID" column), not a product catalogue: import it as orders instead.'
        : 'The file has none of the columns of a product catalogue (Seller SKU, Barcode, Bin, Stock), so Packdesk cannot tell which product a row is.',
  };
}

export const FILE_EMPTY: ImportWarning = { code: 'FILE_EMPTY', message: 'The file is empty: nothing was imported.' };

export function headerOnly(what: 'orders' | 'products'): ImportWarning {
  return { code: 'FILE_HEADER_ONLY', message: `The file has a header row but no ${what} under it: nothing was imported.` };
}
