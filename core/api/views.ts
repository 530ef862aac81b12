import type { Deadline, Urgency } from '../domain/deadlines.js';
import type { ErrorCode } from '../domain/errors.js';
import type { PickList } from '../domain/picklist.js';
import type { HandoverVerdictCode } from '../domain/handover.js';
import type { ScanVerdictCode } from '../domain/packing.js';
import type { ConflictKind } from '../domain/sync-merge.js';
import type { HandoverMethod } from '../shared/vocabulary.js';
import type { Millis, Order, OrderStatus, Recipient, Sku } from '../domain/types.js';
import type { ImportWarning, RowError } from '../import/types.js';
import type { JobView } from '../printing/types.js';
import type { DiscoveryNote } from '../../printer/discovery/usb.js';

/** What the API returns for one order line: the line plus what the packer needs to find it. */
export interface LineView {
  skuId: string;
  sellerSku: string;
  name: string;
  variation: string;
  qty: number;
  packedQty: number;
  bin: string | null;
  barcodes: string[];
}

/** One of the order's packages (parcels): a split order has several, a combined package several orders. */
export interface PackageView {
  id: string;
  /** PLATFORM: from TikTok Shop; EXPORT: a Package ID from an export; LOCAL: made here (no platform package known). */
  origin: 'PLATFORM' | 'EXPORT' | 'LOCAL';
  /** Package n of the order's `of` packages ("package 1 of 2"). */
  seq: number;
  of: number;
  /** The platform's package_status (TO_FULFILL, PROCESSING, FULFILLING, COMPLETED, CANCELLED), or ''. */
  status: string;
  trackingNumber: string;
  carrier: string;
  shippingType: '' | 'TIKTOK' | 'SELLER';
  /** When the platform confirmed the shipment. */
  shippedAt: Millis | null;
  /** The platform's label, downloaded and kept for offline printing (ATTACHED: by hand). */
  label: { source: 'PLATFORM' | 'ATTACHED'; kind: 'pdf' | 'png'; fetchedAt: Millis } | null;
  /** Every order in this package (more than one: a combined package, packed as one parcel). */
  orderIds: string[];
  /** This order's units in this package, and how many are packed (package 1 fills first). */
  unitsPacked: number;
  unitsTotal: number;
}

/** An open conflict with the platform, for the order's banner (see sync.conflicts for all of them). */
export interface OrderConflict {
  id: number;
  kind: ConflictKind;
  /** i18n key sync.conflict.<kind>. */
  key: string;
  raisedAt: Millis;
}

export interface OrderView extends Omit<Order, 'lines' | 'platformDeadlines'> {
  lines: LineView[];
  platformDeadlines: Order['platformDeadlines'];
  deadlines: Deadline[];
  nextDeadline: Deadline | null;
  urgency: Urgency;
  /** Why this order must not be packed now (the code), or null. */
  packRefusal: ErrorCode | null;
  singleItem: boolean;
  unitsPacked: number;
  unitsOrdered: number;
  /** When its shipping label last went out (the newest SENT shipping-label job), or null. */
  labelPrintedAt: Millis | null;
  /** Always filled by the core (optional for views built elsewhere, e.g. screen tests). */
  packages?: PackageView[];
  /** Open conflicts with the platform: banners on the Pack screen. Always filled by the core. */
  conflicts?: OrderConflict[];
}

/** One order as the pick queue lists it: enough to sort, filter and pick; details via orders.get. */
export interface QueueRow {
  id: string;
  status: OrderStatus;
  cancelRequestedAt: Millis | null;
  nextDeadline: Deadline | null;
  urgency: Urgency;
  packRefusal: ErrorCode | null;
  recipientName: string;
  country: string;
  carrier: string;
  trackingNumber: string;
  packedAt: Millis | null;
  packedBy: string | null;
  labelPrintedAt: Millis | null;
  singleItem: boolean;
  unitsOrdered: number;
  unitsPacked: number;
  lines: { sellerSku: string; name: string; variation: string; qty: number; packedQty: number; bin: string | null }[];
}

export interface QueuePage {
  total: number;
  orders: QueueRow[];
}

export interface ScanVerdict {
  scanId: string;
  code: ScanVerdictCode;
  /** True when the scan moved packing forward (an item accepted or an order opened). */
  ok: boolean;
  message: string;
  scannedCode: string;
  orderId: string | null;
  /** The line the item counted on (ACCEPTED, ORDER_COMPLETE), or that is already full (OVER_SCAN). */
  line: { sellerSku: string; name: string; packedQty: number; qty: number } | null;
  /** What was scanned, when the code is a known SKU (a WRONG_ITEM names it). */
  scannedItem: { sellerSku: string; name: string } | null;
  /** ORDER_ALREADY_PACKED: when and by whom the order was packed (also on `order`). */
  packedAt: Millis | null;
  packedBy: string | null;
  progress: { packed: number; total: number } | null;
  /** The order as it stands after this scan, when there is one open. */
  order: OrderView | null;
  at: Millis;
  /** True when this scan id had been seen before and the stored verdict is returned again. */
  replayed: boolean;
}

export interface ImportReport {
  file: string;
  rows: number;
  orders: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Orders whose file status was older than what happened here; kept as they are. */
  keptLocal: number;
  skusCreated: number;
  dateOrder: string;
  ignoredColumns: string[];
  errors: RowError[];
  /** Why a file that imported nothing did so (empty, header only): the report is not a plain success. */
  warnings: ImportWarning[];
}

export interface CatalogueImportReport {
  file: string;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
  warnings: ImportWarning[];
}

export interface BatchFailure {
  orderId: string;
  code: ErrorCode;
  message: string;
}

export interface ArrangeResult {
  arranged: string[];
  failed: BatchFailure[];
  chunks: number;
}

export interface PickListWaves {
  waves: PickList[];
}

export interface HandoverBatchView {
  id: number;
  station: string;
  carrier: string;
  method: HandoverMethod;
  openedAt: Millis;
  closedAt: Millis | null;
  parcels: { orderId: string; trackingNumber: string; carrier: string; scannedAt: Millis }[];
  /** Parcels taken out when the batch closed because their order changed (cancelled, say). */
  heldBack: { orderId: string; status: OrderStatus }[];
}

export type { HandoverVerdictCode };

export interface HandoverVerdict {
  code: HandoverVerdictCode;
  ok: boolean;
  message: string;
  orderId: string | null;
  count: number;
}

export interface ExportResult {
  files: string[];
  rows: number;
  orders: number;
}

/** Whether the first-run question about the demo shop should be asked, and why not. */
export type DemoOffer = { ask: true } | { ask: false; reason: 'already-offered' | 'not-empty' };

export interface DemoResult {
  orders: number;
  skus: number;
}

export type { OrderStatus, Recipient, Sku };

/** Printers found on this machine, to add with one click. */
export interface DiscoveredPrinters {
  usb: { uri: string; maker: string; model: string; language: 'zpl' | 'escpos' | 'tspl' | null }[];
  os: { uri: string; name: string }[];
  /** Why a source found nothing (no USB bus, no permission): by code, for the screen to say in its language. */
  notes: DiscoveryNote[];
}

/** Settings the shop shares across stations, kept in the core's store. */
export interface ShopSettings {
  sender: { name: string; phone: string; address: string; district: string; city: string; state: string; postcode: string; country: string };
  timeZoneOffsetMinutes: number;
  scanner: { prefixes: string[]; suffixes: string[] };
  /**
   * What packing.finish does for a complete order: print its label, then arrange shipment. A
   * parcel is never announced to the carrier without its label.
   */
  packing: { autoPrint: boolean; autoShip: boolean };
}

/** What packing.finish did: the label first, then the shipment, each with why it did not happen. */
export interface FinishResult {
  orderId: string;
  label: {
    /**
     * PRINTED now; ALREADY_PRINTED (label sent before, not printed again); NOT_ASKED (autoPrint off); FAILED;
     * WHEN_IT_ARRIVES: a TikTok-shipped parcel whose platform label does not exist yet — shipment
     * arranged, the label prints on this printer as soon as the sync downloads it.
     */
    outcome: 'PRINTED' | 'ALREADY_PRINTED' | 'NOT_ASKED' | 'FAILED' | 'WHEN_IT_ARRIVES';
    job: JobView | null;
    error: { code: ErrorCode; message: string } | null;
  };
  shipment: {
    /** SKIPPED_NO_LABEL: autoShip is on but the order has no printed label, so it was not announced. */
    outcome: 'ARRANGED' | 'ALREADY_ARRANGED' | 'NOT_ASKED' | 'SKIPPED_NO_LABEL' | 'FAILED';
    error: { code: ErrorCode; message: string } | null;
  };
  order: OrderView;
}
