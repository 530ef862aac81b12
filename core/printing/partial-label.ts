import { partialJobEnding } from '../../printer/recovery.js';
import type { PrinterTransport } from '../../printer/transports/types.js';
import type { CoreContext } from '../api/context.js';
import { unknownJobLastSentTo } from '../store/partial-jobs-repo.js';
import { profileOf } from './printers.js';
import type { SavedPrinter } from './types.js';

/**
 * Before the first job after one that was cut off mid-send: ends the half label the printer may
 * still hold, in its own language, so that it is neither merged into this job nor printed
 * (printer/recovery.ts). Only then, since for TSPL and ESC/POS the ending fills a whole counted
 * block. A failure here is the printer's, before any byte of the job left.
 */
export async function endPartialLabel(ctx: CoreContext, printer: SavedPrinter, transport: PrinterTransport): Promise<void> {
  // The preview folder keeps each job's bytes as a file: nothing there is ever half-received.
  if (printer.uri.startsWith('preview:') || unknownJobLastSentTo(ctx.db, printer.uri) === null) return;
  await transport.write(partialJobEnding(profileOf(printer)));
}
