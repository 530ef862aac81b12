import type { CatalogueImportReport, ExportResult, ImportReport } from '../../../core/api/views.js';
import type { RowError } from '../../../core/import/types.js';
import { detailsOf, errorCodeOf, type Api, type ErrorCode, type Events, type InputArg } from './api.js';
import { messageOf } from './printers.js';
import type { SliceCreator } from './types.js';

export type ImportKind = 'orders' | 'catalogue';
export type DateOrder = NonNullable<InputArg<'import.orders'>['dateOrder']>;
export type { RowError };

/** idle → reading (the browser reads the file) → running (the core imports) → done | failed. */
export type TransferState = 'idle' | 'reading' | 'running' | 'done' | 'failed';

export interface Progress {
  done: number;
  total: number;
}

export type ImportResult = { kind: 'orders'; report: ImportReport } | { kind: 'catalogue'; report: CatalogueImportReport };

/** Why the file never reached the core. */
export type LocalFailure = 'UPLOAD_TOO_LARGE' | 'BROWSER_READ_FAILED';

export interface ImportRun {
  state: TransferState;
  kind: ImportKind;
  fileName: string | null;
  progress: Progress | null;
  result: ImportResult | null;
  /** The file was refused whole (IMPORT_INVALID): its bad rows (the first 1,000), nothing imported. */
  rowErrors: RowError[];
  /** How many problems the file has in all (the core lists the first 1,000). */
  rowErrorTotal: number;
  code: ErrorCode | LocalFailure | null;
  /** What the core said besides the code (what the file looks like, say), for the screen's words. */
  details: unknown;
  message: string;
}

export interface ExportRun {
  state: TransferState;
  /** The folder of the last export, offered again next time. */
  dir: string;
  progress: Progress | null;
  result: ExportResult | null;
  code: ErrorCode | null;
  message: string;
}

export interface Transfer {
  import: ImportRun;
  export: ExportRun;
}

/** What the browser gives for a chosen file (a File has both). */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface ImportOptions {
  dateOrder?: DateOrder;
}

export type ExportFilters = Omit<InputArg<'export.orders'>, 'maxRows' | 'timeZoneOffsetMinutes'>;

export interface TransferSlice {
  transfer: Transfer;
  importFile(kind: ImportKind, file: ChosenFile, options?: ImportOptions): Promise<void>;
  exportOrders(filters: ExportFilters): Promise<void>;
  transferOnProgress(event: Events['progress']): void;
}

/** The contract's limit on an upload's text (core/api/contract.ts): refused here before reading. */
export const MAX_UPLOAD_CHARS = 40_000_000;

const idleImport: ImportRun = {
  state: 'idle',
  kind: 'orders',
  fileName: null,
  progress: null,
  result: null,
  rowErrors: [],
  rowErrorTotal: 0,
  code: null,
  details: undefined,
  message: '',
};
const idleExport: ExportRun = { state: 'idle', dir: '', progress: null, result: null, code: null, message: '' };

export function createTransferSlice(api: Api): SliceCreator<TransferSlice> {
  return (set, get) => {
    const patchImport = (p: Partial<ImportRun>) => set((s) => ({ transfer: { ...s.transfer, import: { ...s.transfer.import, ...p } } }));
    const patchExport = (p: Partial<ExportRun>) => set((s) => ({ transfer: { ...s.transfer, export: { ...s.transfer.export, ...p } } }));

    /** The shop's time zone, so dates in the file are read as the seller wrote them. */
    async function shopOffset(): Promise<number | undefined> {
      const known = get().shop.settings ?? (await get().loadShopSettings());
      return known?.timeZoneOffsetMinutes;
    }

    return {
      transfer: { import: idleImport, export: idleExport },

      async importFile(kind, file, options = {}) {
        if (isBusy(get().transfer.import.state)) return;
        set((s) => ({ transfer: { ...s.transfer, import: { ...idleImport, state: 'reading', kind, fileName: file.name } } }));
        // A byte is at least a third of a UTF-16 character at worst; anything far above the limit is refused unread.
        if (file.size > MAX_UPLOAD_CHARS * 3) {
          patchImport({ state: 'failed', code: 'UPLOAD_TOO_LARGE' });
          return;
        }
        let content: string;
        try {
          content = await file.text();
        } catch (err) {
          patchImport({ state: 'failed', code: 'BROWSER_READ_FAILED', message: messageOf(err) });
          return;
        }
        if (content.length > MAX_UPLOAD_CHARS) {
          patchImport({ state: 'failed', code: 'UPLOAD_TOO_LARGE' });
          return;
        }
        patchImport({ state: 'running' });
        const upload = { fileName: file.name, content };
        try {
          if (kind === 'orders') {
            const timeZoneOffsetMinutes = await shopOffset();
            const report = await api.call('import.orders', {
              upload,
              ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
              ...(timeZoneOffsetMinutes !== undefined ? { timeZoneOffsetMinutes } : {}),
            });
            patchImport({ state: 'done', result: { kind, report }, rowErrors: report.errors });
          } else {
            const report = await api.call('import.catalogue', { upload });
            patchImport({ state: 'done', result: { kind, report }, rowErrors: report.errors });
          }
        } catch (err) {
          const rowErrors = rowErrorsOf(err);
          patchImport({
            state: 'failed',
            code: errorCodeOf(err),
            details: detailsOf(err),
            message: messageOf(err),
            rowErrors,
            rowErrorTotal: rowErrorTotalOf(err, rowErrors.length),
          });
        }
      },

      async exportOrders(filters) {
        if (isBusy(get().transfer.export.state)) return;
        set((s) => ({ transfer: { ...s.transfer, export: { ...idleExport, state: 'running', dir: filters.dir } } }));
        try {
          const timeZoneOffsetMinutes = await shopOffset();
          const result = await api.call('export.orders', { ...filters, ...(timeZoneOffsetMinutes !== undefined ? { timeZoneOffsetMinutes } : {}) });
          patchExport({ state: 'done', result });
        } catch (err) {
          patchExport({ state: 'failed', code: errorCodeOf(err), message: messageOf(err) });
        }
      },

      transferOnProgress({ task, done, total }) {
        if (task === 'import' && get().transfer.import.state === 'running') patchImport({ progress: { done, total } });
        if (task === 'export' && get().transfer.export.state === 'running') patchExport({ progress: { done, total } });
      },
    };
  };
}

export function isBusy(state: TransferState): boolean {
  return state === 'reading' || state === 'running';
}

/** IMPORT_INVALID says how many problems the file has in all (details.total); at least those listed. */
export function rowErrorTotalOf(err: unknown, listed: number): number {
  const total = (detailsOf(err) as { total?: unknown } | null | undefined)?.total;
  return typeof total === 'number' && Number.isInteger(total) && total >= listed ? total : listed;
}

/**
 * The rows an IMPORT_INVALID refusal lists (details.errors); anything not shaped like one is left
 * out. A code newer than this renderer is kept: the screen has a generic message for it.
 */
export function rowErrorsOf(err: unknown): RowError[] {
  if (errorCodeOf(err) !== 'IMPORT_INVALID') return [];
  const details = (err as { details?: unknown }).details;
  const list = (details as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is RowError => {
    if (typeof e !== 'object' || e === null) return false;
    const r = e as Record<string, unknown>;
    return typeof r.row === 'number' && typeof r.code === 'string' && typeof r.message === 'string' && (r.column === undefined || typeof r.column === 'string');
  });
}
