import type { Handlers } from '../api/dispatch.js';
import { DAY } from '../domain/clock.js';
import { fail } from '../domain/errors.js';
import { folderRefusal } from '../export/folders.js';
import { ordersToCsvFiles } from '../export/orders-csv.js';
import { ordersCreated } from '../store/orders-repo.js';
import { writeExportFiles } from './files.js';

/** Platform rule: an export covers at most the last 90 days and 15,000 rows per file. */
export const EXPORT_DEFAULT_DAYS = 90;

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** The name of the `index`-th (0-based) file of an export made at `now`. */
export function exportFileName(now: number, index: number): string {
  return `packdesk-orders-${stamp(now)}-${index + 1}.csv`;
}

export const exportHandlers: Pick<Handlers, 'export.orders'> = {
  'export.orders': async (input, ctx) => {
    // Refused before any work: the same check runs again on the folder's real path when writing.
    const refusal = folderRefusal(input.dir);
    if (refusal) fail('FOLDER_NOT_ALLOWED', refusal);
    const now = ctx.clock.now();
    const orders = ordersCreated(ctx.db, {
      from: input.from ?? now - EXPORT_DEFAULT_DAYS * DAY,
      to: input.to ?? now + 1,
      status: input.status,
    });
    const out = ordersToCsvFiles(orders, { maxRows: input.maxRows, timeZoneOffsetMinutes: input.timeZoneOffsetMinutes });
    const files = await writeExportFiles(
      input.dir,
      out.files.map((text, i) => ({ name: exportFileName(now, i), text })),
      { onWritten: (done) => ctx.events.emit('progress', { task: 'export', done, total: out.files.length }) },
    );
    return { files, rows: out.rows, orders: orders.length };
  },
};
