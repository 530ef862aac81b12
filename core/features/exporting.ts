import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../api/dispatch.js';
import { DAY } from '../domain/clock.js';
import { fail } from '../domain/errors.js';
import { ordersToCsvFiles } from '../export/orders-csv.js';
import { ordersCreated } from '../store/orders-repo.js';

/** Platform rule: an export covers at most the last 90 days and 15,000 rows per file. */
export const EXPORT_DEFAULT_DAYS = 90;

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** Writes through a temporary name so a half-written file never looks like a finished export. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, text, 'utf8');
  fs.renameSync(tmp, file);
}

export const exportHandlers: Pick<Handlers, 'export.orders'> = {
  'export.orders': (input, ctx) => {
    const now = ctx.clock.now();
    const from = input.from ?? now - EXPORT_DEFAULT_DAYS * DAY;
    const to = input.to ?? now + 1;
    const orders = ordersCreated(ctx.db, { from, to, status: input.status });
    const out = ordersToCsvFiles(orders, { maxRows: input.maxRows, timeZoneOffsetMinutes: input.timeZoneOffsetMinutes });
    try {
      fs.mkdirSync(input.dir, { recursive: true });
    } catch (err) {
      fail('FILE_UNREADABLE', `Cannot write to ${input.dir}: ${(err as Error).message}`);
    }
    const files = out.files.map((text, i) => {
      const file = path.join(input.dir, `packdesk-orders-${stamp(now)}-${i + 1}.csv`);
      writeAtomically(file, text);
      ctx.events.emit('progress', { task: 'export', done: i + 1, total: out.files.length });
      return file;
    });
    return { files, rows: out.rows, orders: orders.length };
  },
};
