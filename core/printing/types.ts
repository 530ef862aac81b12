import type { Dpi, PrinterLanguage, StockSize } from '../../printer/label/model.js';
import type { BatchState, DocumentKind, JobKind, JobState } from '../shared/vocabulary.js';

export { JOB_STATES, type BatchState, type DocumentKind, type JobKind, type JobState } from '../shared/vocabulary.js';

/** A printer as saved by the shop: where it is, its language and its calibration. */
export interface SavedPrinter {
  name: string;
  uri: string;
  language: PrinterLanguage;
  dpi: Dpi;
  stock: StockSize;
  offset: { x: number; y: number };
  darkness: number | null;
  rotation: 0 | 180;
  /**
   * ESC/POS cut and feed, TSPL gap: the profile's printer-specific options. `receipt` makes an
   * ESC/POS printer a 58 or 80 mm receipt printer: pick lists and packing slips print on it as
   * text (node-thermal-printer, Epson or Star commands), not as labels.
   */
  options: {
    escpos?: { feedLines?: number; cut?: 'none' | 'full' | 'partial' };
    tspl?: { gapMm?: number; wholeLabelBitmap?: boolean };
    receipt?: { widthMm: 58 | 80; dialect: 'epson' | 'star' };
  };
  /** Documents this printer prints by default. */
  documents: DocumentKind[];
  /** The built-in preview printer (a folder of files), used until a real printer is set up. */
  builtIn: boolean;
}

export interface JobView {
  id: number;
  batchId: number | null;
  orderId: string | null;
  /** The package whose label this is (a split order has one per package); null for other documents and jobs from before packages. */
  packageId: string | null;
  document: DocumentKind;
  printerName: string;
  uri: string;
  state: JobState;
  /**
   * The job was cut off while its bytes were going out (state UNKNOWN): a label may have come out
   * whole, in part or not at all. The screens say so beside "reprint"; the next job to the
   * printer first ends any half label it still holds (core/printing/partial-label.ts).
   */
  mayHavePrintedPartly: boolean;
  kind: JobKind;
  resendOf: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  bytes: number | null;
  station: string;
  packer: string;
  createdAt: number;
  sentAt: number | null;
}

export interface BatchView {
  id: number;
  document: DocumentKind;
  printerName: string;
  state: BatchState;
  pausedCode: string | null;
  pausedMessage: string | null;
  total: number;
  sent: number;
  queued: number;
  failed: number;
  unknown: number;
  /** Orders left out because they may not ship (with the core's code). */
  refused: { orderId: string; code: string; message: string }[];
}
