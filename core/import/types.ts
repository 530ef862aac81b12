import type { OrderLine, OrderStatus, PlatformDeadlines, Recipient } from '../domain/types.js';
import type { DateOrder } from '../shared/vocabulary.js';

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

/** Every problem a row or cell of an imported file can have; the screens translate them by code. */
export const ROW_ERROR_CODES = [
  'MISSING_VALUE',
  'BAD_NUMBER',
  'BAD_DATE',
  'UNKNOWN_STATUS',
  'CONFLICTING_ROWS',
  'MALFORMED_CSV',
  /** Fewer cells than the header (`found`, `expected`). */
  'ROW_TOO_SHORT',
  /** More cells than the header (`found`, `expected`). */
  'ROW_TOO_LONG',
  /** The last row has no line end: the file was cut short somewhere inside it. */
  'FILE_TRUNCATED',
  /** An Order ID that is not a platform order id (digits only, at most 32). */
  'BAD_ORDER_ID',
  /** A Tracking ID or Package ID that is not printable ASCII of at most 64 characters. */
  'BAD_TRACKING',
  /** A control character (C0 other than tab and line ends, DEL, C1) in a cell; `value` shows it escaped. */
  'CONTROL_CHARACTER',
  /** A cell longer than `limit` characters (`found`). */
  'CELL_TOO_LONG',
] as const;

export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** 1-based row number in the file as a spreadsheet shows it (header is row 1). */
  row: number;
  /** The column's header as written in the file, when the problem is in one cell. */
  column?: string;
  code: RowErrorCode;
  /** English, for the CLI and logs; the screens build their own text from the fields here. */
  message: string;
  /** The cell as found, cut to a short excerpt, control characters written as \uXXXX. */
  value?: string;
  /** Cells (row width errors) or characters (CELL_TOO_LONG) found… */
  found?: number;
  /** …and the number of cells the header has (row width errors). */
  expected?: number;
  /** The most characters a cell may hold (CELL_TOO_LONG). */
  limit?: number;
}

/** A file that imported nothing without being wrong: the report says so instead of showing zeros. */
export interface ImportWarning {
  code: 'FILE_EMPTY' | 'FILE_HEADER_ONLY' | 'FILE_WRONG_KIND';
  message: string;
}

/** What a file given to the wrong importer looks like; the handler refuses it (IMPORT_WRONG_KIND). */
export interface WrongKind {
  looksLike: FileKind;
  message: string;
}

export type FileKind = 'orders' | 'catalogue' | 'unknown';

export type { DateOrder };

export interface OrderFileParse {
  orders: ImportedOrder[];
  errors: RowError[];
  /** Data rows read (description row excluded). */
  rowCount: number;
  dateOrder: DateOrder;
  /** Header names found in the file that Packdesk does not use (ignored, listed for the report). */
  ignoredColumns: string[];
  warnings: ImportWarning[];
  /** Set when the file is not an order export at all; `errors` and `orders` are then empty. */
  wrongKind: WrongKind | null;
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
  warnings: ImportWarning[];
  /** Set when the file is not a product catalogue; `errors` and `skus` are then empty. */
  wrongKind: WrongKind | null;
}
