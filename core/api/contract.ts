import { z } from 'zod';
import type { Sku } from '../domain/types.js';
import { DATE_ORDERS, DOCUMENT_KINDS, HANDOVER_METHODS, JOB_STATES, ORDER_STATUSES } from '../shared/vocabulary.js';
import type { BatchView, JobView, SavedPrinter } from '../printing/types.js';
import { DPIS, PRINTER_LANGUAGES } from '../../printer/label/model.js';
import type { PrinterStatus } from '../../printer/status/types.js';
import {
  ENTRY_STATES,
  type ArrangeAheadResult,
  type ConflictView,
  type CycleSummary,
  type EntryView,
  type ShopStatusView,
  type SyncSettings,
  type SyncStatusView,
} from '../sync/views.js';
import type {
  ArrangeResult,
  CatalogueImportReport,
  DemoOffer,
  DemoResult,
  DiscoveredPrinters,
  ShopSettings,
  ExportResult,
  FinishResult,
  HandoverBatchView,
  HandoverVerdict,
  ImportReport,
  OrderView,
  PickListWaves,
  QueuePage,
  ScanVerdict,
} from './views.js';

/**
 * The one API of the core: method name → input schema, and (below) → result type. Electron
 * IPC, the WebSocket station host, the CLI and the renderer's client all go through it.
 */
const id = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);
const status = z.enum(ORDER_STATUSES);
const epochMs = z.number().int().min(0);
const station = z.string().trim().min(1).max(100);
const packer = z.string().trim().min(1).max(100);
/** Raw scanner input: bounded so a stuck scanner cannot flood the store. */
const scanText = z.string().max(500);
const filePath = z.string().min(1).max(4096);
const printerName = z.string().trim().min(1).max(100);
/** Any number of orders the packer selected; the core splits the work into platform-sized chunks. */
const selection = z.array(id).max(50_000);
/** Every list answers one page at a time: its size is capped so no answer grows with the shop. */
const page = (defaultLimit: number, maxLimit: number) => ({
  limit: z.number().int().min(1).max(maxLimit).default(defaultLimit),
  offset: z.number().int().min(0).default(0),
});
/** The platform's hosts; the simulator's in tests (127.0.0.1, plain http). */
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'Must be an http(s) URL.' });
/** 15,000 export rows are about 10 MB of text; more is not an export. */
const upload = z.strictObject({ fileName: z.string().trim().min(1).max(255), content: z.string().max(40_000_000) });
const address = z.strictObject({
  name: z.string().max(200).default(''),
  phone: z.string().max(40).default(''),
  address: z.string().max(500).default(''),
  district: z.string().max(200).default(''),
  city: z.string().max(200).default(''),
  state: z.string().max(200).default(''),
  postcode: z.string().max(20).default(''),
  country: z.string().max(100).default(''),
});

export const contract = {
  'orders.list': z.strictObject({
    status: z.array(status).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    ...page(100, 1000),
  }),
  'orders.queue': z.strictObject({
    ...page(100, 1000),
    carrier: text(200).optional(),
    singleItem: z.boolean().optional(),
    sku: text(200).optional(),
    bin: text(100).optional(),
    cancelRequested: z.boolean().optional(),
  }),
  'orders.get': z.strictObject({ orderId: id }),
  'orders.search': z.strictObject({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(500).default(50) }),
  'orders.answerCancellation': z.strictObject({ orderId: id, decision: z.enum(['accept', 'reject']) }),
  'orders.sellerCancel': z.strictObject({
    orderId: id,
    reason: z.string().trim().min(1).max(500),
    /** Cancelling sets the order's SKUs' stock to 0, which delists them: the caller must say yes. */
    confirmStockZero: z.boolean().default(false),
  }),
  'orders.requestRedelivery': z.strictObject({
    orderId: id,
    recipient: z.strictObject({
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().min(5).max(40),
      address: z.string().trim().min(1).max(500),
      postcode: z.string().trim().min(1).max(20),
      city: text(200).default(''),
      state: text(200).default(''),
      country: text(100).default(''),
    }),
  }),
  'orders.applyAutomaticRules': z.strictObject({}),
  'catalogue.list': z.strictObject({ ...page(500, 1000) }),
  'import.orders': z
    .strictObject({
      /** A file on the machine running the core (CLI, Electron)… */
      path: filePath.optional(),
      /** …or a file the browser read (station mode): its name and its text. */
      upload: upload.optional(),
      dateOrder: z.enum(DATE_ORDERS).optional(),
      timeZoneOffsetMinutes: z.number().int().min(-840).max(840).optional(),
    })
    .refine((v) => (v.path === undefined) !== (v.upload === undefined), { message: 'Give either path or upload.' }),
  'import.catalogue': z
    .strictObject({ path: filePath.optional(), upload: upload.optional() })
    .refine((v) => (v.path === undefined) !== (v.upload === undefined), { message: 'Give either path or upload.' }),
  'export.orders': z.strictObject({
    dir: filePath,
    status: z.array(status).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    maxRows: z.number().int().min(1).max(15_000).default(15_000),
    timeZoneOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  }),
  'picklist.build': z.strictObject({
    orderIds: z.array(id).max(5000).optional(),
    /** Without orderIds: this many of the most urgent packable orders. */
    limit: z.number().int().min(1).max(5000).default(1000),
    singleItemFirst: z.boolean().default(false),
    waveSize: z.number().int().min(1).max(10_000).default(50),
  }),
  'packing.scan': z.strictObject({
    station,
    packer,
    /** Made by the client per physical scan, so a replayed message is counted once. */
    scanId: z.string().trim().min(1).max(100),
    code: scanText,
    singleItemMode: z.boolean().default(false),
  }),
  'packing.current': z.strictObject({ station }),
  'packing.undo': z.strictObject({ station, packer }),
  'packing.shortPack': z.strictObject({ station, packer, orderId: id, reason: z.string().trim().min(1).max(500) }),
  /** A complete order: its label, then its shipment, as the shop's settings say (settings.packing). */
  /** `packageId`: the package on the bench, whose label prints (a split order's last, a combined package). */
  'packing.finish': z.strictObject({ station, packer, orderId: id, packageId: id.optional(), printer: printerName.optional() }),
  'shipping.arrange': z.strictObject({
    orderIds: selection.min(1),
    /** Large sellers arrange shipment before packing to get labels; default: packed orders only. */
    allowUnpacked: z.boolean().default(false),
  }),
  'handover.open': z.strictObject({ station, method: z.enum(HANDOVER_METHODS), carrier: text(200).default('') }),
  'handover.scan': z.strictObject({ batchId: z.number().int().min(1), code: scanText }),
  'handover.get': z.strictObject({ batchId: z.number().int().min(1) }),
  'handover.close': z.strictObject({ batchId: z.number().int().min(1) }),
  'printers.list': z.strictObject({}),
  'printers.save': z.strictObject({
    name: printerName,
    uri: z.string().trim().min(1).max(1000),
    language: z.enum(PRINTER_LANGUAGES),
    dpi: z.literal(DPIS),
    stock: z.strictObject({ widthMm: z.number().min(20).max(300), heightMm: z.number().min(10).max(2000) }).default({ widthMm: 100, heightMm: 150 }),
    offset: z.strictObject({ x: z.number().min(-50).max(50), y: z.number().min(-50).max(50) }).default({ x: 0, y: 0 }),
    darkness: z.number().int().min(0).max(30).nullable().default(null),
    rotation: z.union([z.literal(0), z.literal(180)]).default(0),
    options: z
      .strictObject({
        escpos: z.strictObject({ feedLines: z.number().int().min(0).max(255).optional(), cut: z.enum(['none', 'full', 'partial']).optional() }).optional(),
        tspl: z.strictObject({ gapMm: z.number().min(0).max(20).optional(), wholeLabelBitmap: z.boolean().optional() }).optional(),
        receipt: z.strictObject({ widthMm: z.union([z.literal(58), z.literal(80)]), dialect: z.enum(['epson', 'star']).default('epson') }).optional(),
      })
      .default({}),
    documents: z.array(z.enum(DOCUMENT_KINDS)).default([]),
  }),
  'printers.remove': z.strictObject({ name: printerName }),
  'printers.test': z.strictObject({ name: printerName, station, packer }),
  'printers.status': z.strictObject({ name: printerName }),
  'printers.discover': z.strictObject({}),
  /** `packageId`: one package of a split order ("package 1 of 2"); default the order's first with a platform label. */
  'printing.print': z.strictObject({ orderId: id, packageId: id.optional(), printer: printerName.optional(), station, packer }),
  'printing.reprint': z.strictObject({ orderId: id, packageId: id.optional(), printer: printerName.optional(), station, packer }),
  'printing.resend': z.strictObject({ jobId: z.number().int().min(1), station, packer }),
  'printing.batch': z.strictObject({
    orderIds: selection.min(1).optional(),
    status: status.optional(),
    printer: printerName.optional(),
    station,
    packer,
  }),
  'printing.resume': z.strictObject({ batchId: z.number().int().min(1) }),
  'printing.getBatch': z.strictObject({ batchId: z.number().int().min(1) }),
  'printing.jobs': z.strictObject({
    orderId: id.optional(),
    batchId: z.number().int().min(1).optional(),
    state: z.enum(JOB_STATES).optional(),
    ...page(50, 1000),
  }),
  'printing.label': z.strictObject({
    orderId: id,
    language: z.enum(PRINTER_LANGUAGES),
    dpi: z.literal(DPIS).default(203),
    station: station.default('packdesk'),
  }),
  'printing.attachLabel': z.strictObject({ orderId: id, path: filePath }),
  'printing.pickList': z.strictObject({
    orderIds: z.array(id).min(1).max(5000).optional(),
    singleItemFirst: z.boolean().default(false),
    /** Print on a continuous roll this wide instead of across labels. */
    continuousWidthMm: z.number().min(40).max(120).optional(),
    printer: printerName.optional(),
    station,
    packer,
  }),
  'printing.skuLabel': z.strictObject({
    sellerSku: z.string().trim().min(1).max(200),
    copies: z.number().int().min(1).max(500).default(1),
    printer: printerName.optional(),
    station,
    packer,
  }),
  'printing.preview': z.strictObject({
    orderId: id.optional(),
    packageId: id.optional(),
    printer: printerName.optional(),
    station: station.default('packdesk'),
  }),
  /** The slip that goes in the parcel: on a receipt printer as text, else on the printer's labels. */
  'printing.packingSlip': z.strictObject({ orderId: id, printer: printerName.optional(), station, packer }),
  /** The same slip as a printable A4 page (HTML) for the browser's print dialog. */
  'printing.packingSlipPage': z.strictObject({ orderId: id, station: station.default('packdesk') }),
  'settings.get': z.strictObject({}),
  'settings.set': z.strictObject({
    sender: address.optional(),
    timeZoneOffsetMinutes: z.number().int().min(-840).max(840).optional(),
    scanner: z.strictObject({ prefixes: z.array(z.string().max(20)).max(10), suffixes: z.array(z.string().max(20)).max(10) }).optional(),
    packing: z.strictObject({ autoPrint: z.boolean().optional(), autoShip: z.boolean().optional() }).optional(),
  }),
  'demo.load': z.strictObject({ orders: z.number().int().min(1).max(200_000).default(240), seed: z.number().int().default(7) }),
  /** First run of the desktop app: whether to ask about the demo shop (asked once, on an empty store). */
  'demo.offer': z.strictObject({}),
  /** The newcomer's answer to that question: recorded, and the demo shop loaded on yes. */
  'demo.answer': z.strictObject({ load: z.boolean() }),
  'sync.status': z.strictObject({}),
  // The shop connection and the sync (core/sync). Secrets go in here once and never come back out.
  'shop.connect': z
    .strictObject({
      appKey: z.string().trim().min(1).max(200),
      appSecret: z.string().trim().min(1).max(500),
      authCode: z.string().trim().min(1).max(2000).optional(),
      accessToken: z.string().trim().min(1).max(4000).optional(),
      refreshToken: z.string().trim().min(1).max(4000).optional(),
      shopCipher: z.string().trim().min(1).max(500).optional(),
      apiBase: httpUrl.optional(),
      authBase: httpUrl.optional(),
    })
    .refine(
      (v) =>
        (v.authCode !== undefined) !== (v.accessToken !== undefined && v.refreshToken !== undefined) &&
        (v.accessToken === undefined) === (v.refreshToken === undefined),
      {
        message: 'Give either authCode, or accessToken with refreshToken.',
      },
    ),
  'shop.status': z.strictObject({}),
  'shop.disconnect': z.strictObject({}),
  'sync.now': z.strictObject({}),
  'sync.entries': z.strictObject({
    states: z.array(z.enum(ENTRY_STATES)).min(1).default(['pending', 'sending', 'refused']),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  'sync.retryEntry': z.strictObject({ entryId: z.number().int().min(1) }),
  'sync.discardEntry': z.strictObject({ entryId: z.number().int().min(1) }),
  'sync.conflicts': z.strictObject({
    orderId: id.optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  'sync.acknowledgeConflict': z.strictObject({ conflictId: z.number().int().min(1), resolution: z.string().trim().min(1).max(200).default('acknowledged') }),
  'sync.settings': z.strictObject({}),
  'sync.updateSettings': z.strictObject({
    backfillDays: z.number().int().min(1).max(90).optional(),
    arrangeAhead: z.boolean().optional(),
    handoverMethod: z.enum(HANDOVER_METHODS).optional(),
    rejectReason: z.string().trim().min(1).max(200).nullable().optional(),
  }),
  /** "Get labels now": arrange shipment ahead of packing and download the platform labels while online. */
  'sync.arrangeAhead': z.strictObject({ orderIds: z.array(id).min(1).max(5000) }),
} as const;

export type Method = keyof typeof contract;
export type Input<M extends Method> = z.output<(typeof contract)[M]>;
/** What a caller may send: defaults filled in by the schema may be left out. */
export type InputArg<M extends Method> = z.input<(typeof contract)[M]>;

export interface Results {
  'orders.list': OrderView[];
  'orders.queue': QueuePage;
  'orders.get': OrderView;
  'orders.search': OrderView[];
  'orders.answerCancellation': OrderView;
  'orders.sellerCancel': OrderView;
  'orders.requestRedelivery': OrderView;
  'orders.applyAutomaticRules': { cancelled: string[] };
  'catalogue.list': Sku[];
  'import.orders': ImportReport;
  'import.catalogue': CatalogueImportReport;
  'export.orders': ExportResult;
  'picklist.build': PickListWaves;
  'packing.scan': ScanVerdict;
  'packing.current': OrderView | null;
  'packing.undo': { undoneScanId: string; order: OrderView };
  'packing.shortPack': OrderView;
  'packing.finish': FinishResult;
  'shipping.arrange': ArrangeResult;
  'handover.open': HandoverBatchView;
  'handover.scan': HandoverVerdict;
  'handover.get': HandoverBatchView;
  'handover.close': HandoverBatchView;
  'printers.list': SavedPrinter[];
  'printers.save': SavedPrinter;
  'printers.remove': { removed: string };
  'printers.test': JobView;
  'printers.status': { printer: string; status: PrinterStatus | null };
  'printers.discover': DiscoveredPrinters;
  'printing.print': JobView;
  'printing.reprint': JobView;
  'printing.resend': JobView;
  'printing.batch': BatchView;
  'printing.resume': BatchView;
  'printing.getBatch': BatchView;
  'printing.jobs': JobView[];
  'printing.label': { orderId: string; language: string; dpi: number; size: number; base64: string };
  'printing.attachLabel': { orderId: string; kind: 'pdf' | 'png'; size: number };
  'printing.pickList': JobView;
  'printing.skuLabel': JobView;
  'printing.preview': { png: string; widthDots: number; heightDots: number; printer: string; source: 'PACKDESK' | 'PLATFORM' | 'TEST' };
  'printing.packingSlip': JobView;
  'printing.packingSlipPage': { orderId: string; html: string };
  'settings.get': ShopSettings;
  'settings.set': ShopSettings;
  'demo.load': DemoResult;
  'demo.offer': DemoOffer;
  'demo.answer': DemoResult | null;
  'sync.status': SyncStatusView;
  'shop.connect': ShopStatusView;
  'shop.status': ShopStatusView;
  'shop.disconnect': ShopStatusView;
  'sync.now': CycleSummary;
  'sync.entries': EntryView[];
  'sync.retryEntry': EntryView;
  'sync.discardEntry': EntryView;
  'sync.conflicts': ConflictView[];
  'sync.acknowledgeConflict': ConflictView;
  'sync.settings': SyncSettings;
  'sync.updateSettings': SyncSettings;
  'sync.arrangeAhead': ArrangeAheadResult;
}

export type Result<M extends Method> = Results[M];

export const METHODS = Object.keys(contract) as Method[];

/**
 * How each method touches the database (see core/api/writer.ts):
 * - read: never writes; runs at once, beside anything else.
 * - write: a short change; the dispatcher runs it whole in the writer's queue, one at a time.
 * - task: long work (printing, importing a file, arranging many orders); runs outside the queue
 *   and sends each small write step through ctx.write, so scans never wait behind it.
 */
export type MethodKind = 'read' | 'write' | 'task';

export const METHOD_KINDS = {
  'orders.list': 'read',
  'orders.queue': 'read',
  'orders.get': 'read',
  'orders.search': 'read',
  'orders.answerCancellation': 'write',
  'orders.sellerCancel': 'write',
  'orders.requestRedelivery': 'write',
  'orders.applyAutomaticRules': 'write',
  'catalogue.list': 'read',
  'import.orders': 'task',
  'import.catalogue': 'task',
  'export.orders': 'read',
  'picklist.build': 'read',
  'packing.scan': 'write',
  'packing.current': 'read',
  'packing.undo': 'write',
  'packing.shortPack': 'write',
  'packing.finish': 'task',
  'shipping.arrange': 'task',
  'handover.open': 'write',
  'handover.scan': 'write',
  'handover.get': 'read',
  'handover.close': 'write',
  'printers.list': 'read',
  'printers.save': 'write',
  'printers.remove': 'write',
  'printers.test': 'task',
  'printers.status': 'read',
  'printers.discover': 'read',
  'printing.print': 'task',
  'printing.reprint': 'task',
  'printing.resend': 'task',
  'printing.batch': 'task',
  'printing.resume': 'task',
  'printing.getBatch': 'read',
  'printing.jobs': 'read',
  'printing.label': 'read',
  'printing.attachLabel': 'task',
  'printing.pickList': 'task',
  'printing.skuLabel': 'task',
  'printing.packingSlip': 'task',
  'printing.packingSlipPage': 'read',
  'printing.preview': 'read',
  'settings.get': 'read',
  'settings.set': 'write',
  'demo.load': 'write',
  'demo.offer': 'write',
  'demo.answer': 'task',
  'sync.status': 'read',
  // The sync's long work (platform calls) runs outside the queue; its writes are small steps.
  'shop.connect': 'task',
  'shop.status': 'read',
  'shop.disconnect': 'task',
  'sync.now': 'task',
  'sync.entries': 'read',
  'sync.retryEntry': 'write',
  'sync.discardEntry': 'write',
  'sync.conflicts': 'read',
  'sync.acknowledgeConflict': 'write',
  'sync.settings': 'read',
  'sync.updateSettings': 'write',
  'sync.arrangeAhead': 'task',
} as const satisfies Record<Method, MethodKind>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
