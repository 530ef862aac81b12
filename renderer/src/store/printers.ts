import type { DiscoveredPrinters } from '../../../core/api/views.js';
import type { SavedPrinter } from '../../../core/printing/types.js';
import { errorCodeOf, type Api, type ErrorCode, type Events, type InputArg, type Result } from './api.js';
import type { SliceCreator } from './types.js';

export type PrinterInput = InputArg<'printers.save'>;
export type PreviewSource = Result<'printing.preview'>['source'];

/**
 * Where a status request for one printer stands. The status itself, once a printer has
 * answered, lives in the status slice (status.printers): one place for what printers report.
 */
export type PrinterCheck =
  | { state: 'checking' }
  /** The printer answered the connection but does not report a status (a file, a spooler). */
  | { state: 'silent' }
  | { state: 'failed'; code: ErrorCode };

export interface LabelPreview {
  printer: string;
  /** The order whose label this is; null for the printer's test label. */
  orderId: string | null;
  /** PNG, base64, as the core rasterised it for this printer's calibration. */
  png: string;
  widthDots: number;
  heightDots: number;
  source: PreviewSource;
}

export type PrintersAction = 'load' | 'discover' | 'save' | 'remove' | 'test' | 'preview';

/** The outcome of the last thing asked of the printers screen, for it to say in words. */
export type PrintersNotice = { seq: number; action: PrintersAction; printer: string | null } & (
  | { kind: 'done' }
  | { kind: 'failed'; code: ErrorCode; message: string }
);

export interface Printers {
  /** As printers.list answered, the built-in preview printer included. */
  saved: SavedPrinter[];
  loaded: boolean;
  loading: boolean;
  discovered: DiscoveredPrinters | null;
  discovering: boolean;
  checks: Record<string, PrinterCheck>;
  preview: LabelPreview | null;
  previewLoading: boolean;
  /** Names of printers with a test print or a save on its way. */
  busy: string[];
  notice: PrintersNotice | null;
}

export interface PrintersSlice {
  printers: Printers;
  /** The saved printers, then each one's status. */
  loadPrinters(): Promise<void>;
  discoverPrinters(): Promise<void>;
  /** Adds or changes a printer; resolves with what the core saved, or null when it refused. */
  savePrinter(input: PrinterInput): Promise<SavedPrinter | null>;
  removePrinter(name: string): Promise<void>;
  testPrinter(name: string): Promise<void>;
  refreshPrinterStatus(name: string): Promise<void>;
  previewLabel(printer: string, orderId?: string): Promise<void>;
  dismissPrintersNotice(): void;
  printersOnStatus(event: Events['printer.status']): void;
}

export function createPrintersSlice(api: Api): SliceCreator<PrintersSlice> {
  return (set, get) => {
    let noticeSeq = 0;
    // Only the newest preview request may show: a slow answer for an old order must not replace it.
    let previewSeq = 0;

    const patch = (p: Partial<Printers>) => set((s) => ({ printers: { ...s.printers, ...p } }));
    const notify = (n: DistributiveOmit<PrintersNotice, 'seq'>) => patch({ notice: { ...n, seq: ++noticeSeq } as PrintersNotice });
    const fail = (action: PrintersAction, printer: string | null, err: unknown) =>
      notify({ kind: 'failed', action, printer, code: errorCodeOf(err), message: messageOf(err) });
    const setCheck = (name: string, check: PrinterCheck | null) =>
      set((s) => {
        const checks = { ...s.printers.checks };
        if (check) checks[name] = check;
        else delete checks[name];
        return { printers: { ...s.printers, checks } };
      });
    const setBusy = (name: string, busy: boolean) =>
      set((s) => {
        const others = s.printers.busy.filter((n) => n !== name);
        return { printers: { ...s.printers, busy: busy ? [...others, name] : others } };
      });
    const who = () => ({ station: get().settings.station, packer: get().settings.packer });

    /** The list as the core has it now; documents move between printers in the core, not here. */
    async function loadList(): Promise<boolean> {
      patch({ loading: true });
      try {
        patch({ saved: await api.call('printers.list', {}), loaded: true });
        return true;
      } catch (err) {
        patch({ loaded: true });
        fail('load', null, err);
        return false;
      } finally {
        patch({ loading: false });
      }
    }

    async function refreshPrinterStatus(name: string) {
      setCheck(name, { state: 'checking' });
      try {
        const { status } = await api.call('printers.status', { name });
        if (status) {
          get().statusOnPrinterStatus({ printer: name, status });
          setCheck(name, null);
        } else {
          setCheck(name, { state: 'silent' });
        }
      } catch (err) {
        setCheck(name, { state: 'failed', code: errorCodeOf(err) });
      }
    }

    return {
      printers: {
        saved: [],
        loaded: false,
        loading: false,
        discovered: null,
        discovering: false,
        checks: {},
        preview: null,
        previewLoading: false,
        busy: [],
        notice: null,
      },

      async loadPrinters() {
        if (!(await loadList())) return;
        await Promise.all(get().printers.saved.map((p) => refreshPrinterStatus(p.name)));
      },

      async discoverPrinters() {
        patch({ discovering: true });
        try {
          patch({ discovered: await api.call('printers.discover', {}) });
        } catch (err) {
          fail('discover', null, err);
        } finally {
          patch({ discovering: false });
        }
      },

      async savePrinter(input) {
        setBusy(input.name, true);
        try {
          const saved = await api.call('printers.save', input);
          notify({ kind: 'done', action: 'save', printer: saved.name });
          await loadList();
          // A new address or language may change what the printer says: ask it.
          void refreshPrinterStatus(saved.name);
          // A calibration change shows at once in the preview of that printer.
          const shown = get().printers.preview;
          if (shown && shown.printer === saved.name) void get().previewLabel(saved.name, shown.orderId ?? undefined);
          return saved;
        } catch (err) {
          fail('save', input.name, err);
          return null;
        } finally {
          setBusy(input.name, false);
        }
      },

      async removePrinter(name) {
        try {
          await api.call('printers.remove', { name });
          setCheck(name, null);
          notify({ kind: 'done', action: 'remove', printer: name });
          if (get().printers.preview?.printer === name) patch({ preview: null });
          await loadList();
        } catch (err) {
          fail('remove', name, err);
        }
      },

      async testPrinter(name) {
        setBusy(name, true);
        try {
          const job = await api.call('printers.test', { name, ...who() });
          if (job.state === 'FAILED' || job.state === 'UNKNOWN') {
            const code = (job.errorCode ?? (job.state === 'UNKNOWN' ? 'JOB_OUTCOME_UNKNOWN' : 'INTERNAL')) as ErrorCode;
            notify({ kind: 'failed', action: 'test', printer: name, code, message: job.errorMessage ?? '' });
          } else {
            notify({ kind: 'done', action: 'test', printer: name });
          }
        } catch (err) {
          fail('test', name, err);
        } finally {
          setBusy(name, false);
        }
        // A failed test is most often paper or head: show what the printer says now.
        void refreshPrinterStatus(name);
      },

      refreshPrinterStatus,

      async previewLabel(printer, orderId) {
        const seq = ++previewSeq;
        patch({ previewLoading: true });
        try {
          const r = await api.call('printing.preview', { printer, station: get().settings.station, ...(orderId ? { orderId } : {}) });
          if (seq !== previewSeq) return;
          patch({ preview: { printer: r.printer, orderId: orderId ?? null, png: r.png, widthDots: r.widthDots, heightDots: r.heightDots, source: r.source } });
        } catch (err) {
          if (seq !== previewSeq) return;
          patch({ preview: null });
          fail('preview', printer, err);
        } finally {
          if (seq === previewSeq) patch({ previewLoading: false });
        }
      },

      dismissPrintersNotice() {
        patch({ notice: null });
      },

      printersOnStatus({ printer }) {
        // The printer spoke (after a job, say): that is newer than any failed check.
        if (get().printers.checks[printer]?.state !== 'checking') setCheck(printer, null);
      },
    };
  };
}

/** The core's own words for a failure, shown under the catalogue text for support. */
export function messageOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const m = (err as { message: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return '';
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
