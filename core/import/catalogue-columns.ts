import { aliasIndex, type ColumnSpec } from './columns.js';

/**
 * Columns of the seller's own product list, found by name in English or Chinese; only Seller SKU
 * is required.
 */
export type CatalogueField = 'sellerSku' | 'name' | 'variation' | 'barcodes' | 'bin' | 'stockOnHand' | 'safetyStock';

const SPECS: ColumnSpec<CatalogueField>[] = [
  { field: 'sellerSku', aliases: ['Seller SKU', 'SKU', 'Seller SKU ID', 'SKU Code', '卖家SKU', '商家SKU', '商家编码', 'SKU编码'] },
  { field: 'name', aliases: ['Name', 'Product Name', 'Item Name', 'Product', '商品名称', '产品名称', '名称', '品名'] },
  { field: 'variation', aliases: ['Variation', 'Variant', 'Variation Name', '规格', '变体', '规格/变体'] },
  {
    field: 'barcodes',
    aliases: ['Barcodes', 'Barcode', 'EAN', 'UPC', 'GTIN', 'EAN13', 'Barcode 2', 'Barcode 3', '条码', '条形码', '商品条码'],
    multi: true,
  },
  { field: 'bin', aliases: ['Bin', 'Bin Location', 'Location', 'Shelf', '库位', '货位', '储位'] },
  { field: 'stockOnHand', aliases: ['Stock', 'Stock On Hand', 'On Hand', 'Quantity', 'Qty', '库存', '现有库存', '库存数量'] },
  { field: 'safetyStock', aliases: ['Safety Stock', 'Min Stock', 'Minimum Stock', '安全库存'] },
];

export const CATALOGUE_ALIASES = aliasIndex(SPECS);
