import { printerStatus } from '../../printer/status/query.js';
import type { PrinterCondition, PrinterStatus } from '../../printer/status/types.js';
import type { PrinterTransport } from '../../printer/transports/types.js';
import type { CoreContext } from '../api/context.js';
import { fail, type ErrorCode } from '../domain/errors.js';
import { endPartialLabel } from './partial-label.js';
import type { SavedPrinter } from './types.js';

/** How long a printer gets to answer a status query before we take it for a one-way printer. */
export const STATUS_TIMEOUT_MS = 400;

const silentPrinters = new WeakMap<CoreContext, Set<string>>();

export function conditionCode(c: PrinterCondition): ErrorCode {
  return c === 'OFFLINE' ? 'PRINTER_OFFLINE' : c;
}

const WORDS: Record<PrinterCondition, string> = {
  PAPER_OUT: 'is out of labels',
  HEAD_OPEN: 'has its head or cover open',
  PAUSED: 'is paused',
  RIBBON_OUT: 'is out of ribbon',
  OFFLINE: 'is offline',
  PAPER_JAM: 'has a paper jam',
  OVERHEATED: 'has an overheated print head',
  BUFFER_FULL: 'has a full buffer',
};

/** Asks the printer how it is; null when it does not answer (one-way printers, files, spoolers). */
export async function queryStatus(
  ctx: CoreContext,
  printer: SavedPrinter,
  transport: PrinterTransport,
  opts: { force?: boolean } = {},
): Promise<PrinterStatus | null> {
  // Star's Line Mode has its own status protocol, not ESC/POS's DLE EOT: such a printer is not asked.
  if (printer.options.receipt?.dialect === 'star') return null;
  const silent = silentPrinters.get(ctx) ?? new Set<string>();
  silentPrinters.set(ctx, silent);
  if (silent.has(printer.uri) && !opts.force) return null;
  const status = await printerStatus(transport, printer.language, STATUS_TIMEOUT_MS);
  // A printer that never answers is asked once per session, not before every label.
  if (status === null) silent.add(printer.uri);
  else silent.delete(printer.uri);
  return status;
}

/**
 * Gets the printer ready for a job: ends a half label a cut-off job may have left in it, then
 * refuses to send when the printer says it cannot print, naming the condition.
 */
export async function checkReady(ctx: CoreContext, printer: SavedPrinter, transport: PrinterTransport): Promise<void> {
  await endPartialLabel(ctx, printer, transport);
  const status = await queryStatus(ctx, printer, transport);
  if (!status || status.ready) return;
  const first = status.conditions[0] ?? 'OFFLINE';
  fail(conditionCode(first), `Printer ${printer.name} ${status.conditions.map((c) => WORDS[c]).join(' and ') || WORDS.OFFLINE}.`, {
    conditions: status.conditions,
  });
}

/**
 * After a job: tells the screens how the printer is now (the last label may have used up the
 * roll). Never fails the job that was already sent.
 */
export async function reportStatusAfter(ctx: CoreContext, printer: SavedPrinter, transport: PrinterTransport): Promise<void> {
  try {
    const status = await queryStatus(ctx, printer, transport);
    if (status) ctx.events.emit('printer.status', { printer: printer.name, status });
  } catch {
    // The label is out; a printer that stops answering now shows up at the next job.
  }
}
