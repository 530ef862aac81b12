import type { OrderLine, OrderStatus, PlatformDeadlines, Recipient } from '../domain/types.js';

/** What one order looks like after parsing a platform file, before it meets the store. */
export interface ImportedOrder {
  id: string;
  status: OrderStatus;
  /** Substatus / cancellation columns tell of a pending buyer cancellation request. */
  cancelRequested: boolean;
  lines: Omit<OrderLine, 'packedQuantity'>[];
  recipient: Recipient;
  buyerUsername: string;
  buyerMessage: string;
  sellerNote: string;
  trackingNumber: string;
  packageId: string;
  carrier: string;
  deliveryOption: string;
  weightKg: number | null;
  createdAt: number;
  paidAt: number | null;
  rtsAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  cancelledAt: number | null;
  cancelReason: string;
  platformDeadlines: PlatformDeadlines;
  /** 1-based file rows this order came from (row 1 = header), for error reports. */
  rows: number[];
}

export interface RowError {
  /** 1-based row number in the file as a spreadsheet shows it (header is row 1). */
  row: number;
  column?: string;
  code: 'MISSING_VALUE' | 'BAD_NUMBER' | 'BAD_DATE' | 'UNKNOWN_STATUS' | 'CONFLICTING_ROWS' | 'MALFORMED_CSV';
  message: string;
}

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface OrderFileParse {
  orders: ImportedOrder[];
  errors: RowError[];
  /** Data rows read (description row excluded). */
  rowCount: number;
  dateOrder: DateOrder;
  /** Header names found in the file that Packdesk does not use (ignored, listed for the report). */
  ignoredColumns: string[];
}

export interface ImportedSku {
  sellerSku: string;
  name: string;
  variation: string;
  bin: string | null;
  stockOnHand: number | null;
  safetyStock: number | null;
  barcodes: string[];
  row: number;
}

export interface CatalogueFileParse {
  skus: ImportedSku[];
  errors: RowError[];
  rowCount: number;
}
