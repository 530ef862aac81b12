import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { call, type Dispatch } from '../api/dispatch.js';
import type { FinishResult, OrderView, ScanVerdict } from '../api/views.js';
import type { ImportWarning, RowError } from '../import/types.js';
import { PackdeskError, type ErrorCode } from '../domain/errors.js';
import { isOrderStatus, ORDER_STATUSES, type OrderStatus } from '../shared/vocabulary.js';
import { dateOption, intOption, listOption, parse } from './args.js';
import { finishLines, orderLine, pickListText, verdictLine } from './format.js';

export interface Output {
  json: unknown;
  text: string;
  /** The command already wrote raw bytes to stdout (label bytes): print nothing more. */
  raw?: boolean;
  /** The work stopped short (a paused print batch): exit non-zero after printing. */
  failed?: { code: string; message: string };
}

export interface Command {
  usage: string;
  run(argv: string[], dispatch: Dispatch): Promise<Output>;
}

function statuses(value: string | undefined): OrderStatus[] | undefined {
  const list = listOption(value)?.map((s) => s.toUpperCase());
  const bad = list?.find((s) => !isOrderStatus(s));
  if (bad !== undefined) throw new PackdeskError('INVALID_INPUT', `Unknown status ${bad}; use one of ${ORDER_STATUSES.join(', ')}.`);
  return list?.filter(isOrderStatus);
}

/** The API answers lists a page at a time; without --limit the CLI reads every page. */
async function allOrders(
  dispatch: Dispatch,
  filter: { status?: OrderStatus[] | undefined; from?: number | undefined; to?: number | undefined },
  limit?: number,
): Promise<OrderView[]> {
  if (limit !== undefined) return call(dispatch, 'orders.list', { ...filter, limit });
  const out: OrderView[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call(dispatch, 'orders.list', { ...filter, limit: 1000, offset });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/**
 * One scan with a fresh scan id. DATABASE_BUSY (another program kept the database busy) means the
 * scan was not recorded: it is sent again with the same id, so it counts once.
 */
async function scanOnce(dispatch: Dispatch, who: { station: string; packer: string }, code: string): Promise<ScanVerdict> {
  const scanId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(dispatch, 'packing.scan', { ...who, scanId, code });
    } catch (err) {
      if (!(err instanceof PackdeskError) || err.code !== 'DATABASE_BUSY' || attempt >= 5) throw err;
    }
  }
}

function needPositional(values: string[], what: string): string[] {
  if (values.length === 0) throw new PackdeskError('INVALID_INPUT', `Give ${what}.`);
  return values;
}

/** A file that imported nothing says why, one `warning CODE: message` line each. */
function withWarnings(text: string, warnings: readonly ImportWarning[]): string {
  return [text, ...warnings.map((w) => `warning ${w.code}: ${w.message}`)].join('\n');
}

/** Rows of a refused file the CLI lists; --json gives them all. */
const LISTED_ROWS = 20;

/** A refused import lists its bad rows with their codes before the error line. */
async function refusedRows(run: () => Promise<Output>): Promise<Output> {
  try {
    return await run();
  } catch (err) {
    const details = err instanceof PackdeskError ? (err.details as { errors?: RowError[]; total?: number } | undefined) : undefined;
    if (!(err instanceof PackdeskError) || !Array.isArray(details?.errors)) throw err;
    const rows = details.errors;
    const more = (details.total ?? rows.length) - Math.min(rows.length, LISTED_ROWS);
    const lines = rows.slice(0, LISTED_ROWS).map((e) => `  ${e.code.padEnd(17)} ${e.message}`);
    if (more > 0) lines.push(`  … and ${more} more (--json lists them)`);
    return { json: { error: err.toInfo() }, text: lines.join('\n'), failed: { code: err.code, message: err.message } };
  }
}

export const COMMANDS: Record<string, Command> = {
  demo: {
    usage: 'demo [--orders N] [--seed S]   load a realistic demo shop',
    async run(argv, dispatch) {
      const { values } = parse(argv, { orders: { type: 'string' }, seed: { type: 'string' } });
      const r = await call(dispatch, 'demo.load', { orders: intOption(values.orders, 'orders'), seed: intOption(values.seed, 'seed') });
      return { json: r, text: `Demo shop loaded: ${r.orders} new orders, ${r.skus} SKUs.` };
    },
  },
  import: {
    usage: 'import FILE [--catalogue] [--date-order DMY|MDY|YMD] [--tz-offset MINUTES]',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, {
        catalogue: { type: 'boolean', default: false },
        'date-order': { type: 'string' },
        'tz-offset': { type: 'string' },
      });
      const file = path.resolve(needPositional(positionals, 'the file to import')[0]!);
      return refusedRows(async () => {
        if (values.catalogue) {
          const r = await call(dispatch, 'import.catalogue', { path: file });
          return { json: r, text: withWarnings(`Catalogue: ${r.rows} rows, ${r.created} new SKUs, ${r.updated} updated.`, r.warnings) };
        }
        const r = await call(dispatch, 'import.orders', {
          path: file,
          dateOrder: values['date-order']?.toUpperCase(),
          timeZoneOffsetMinutes: intOption(values['tz-offset'], 'tz-offset'),
        });
        const text = `Imported ${r.rows} rows: ${r.orders} orders (${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.keptLocal} kept as packed here), ${r.skusCreated} new SKUs; dates ${r.dateOrder}.`;
        return { json: r, text: withWarnings(text, r.warnings) };
      });
    },
  },
  orders: {
    usage: 'orders [--status S[,S]] [--limit N] [--from DATE] [--to DATE]',
    async run(argv, dispatch) {
      const { values } = parse(argv, { status: { type: 'string' }, limit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
      const list = await allOrders(
        dispatch,
        { status: statuses(values.status), from: dateOption(values.from, 'from'), to: dateOption(values.to, 'to') },
        intOption(values.limit, 'limit'),
      );
      return { json: list, text: `${list.map(orderLine).join('\n')}\n${list.length} order(s)` };
    },
  },
  picklist: {
    usage: 'picklist [ORDER …] [--single-first] [--wave N] [--print [--printer N] [--continuous WIDTH_MM]]',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, {
        'single-first': { type: 'boolean', default: false },
        wave: { type: 'string' },
        print: { type: 'boolean', default: false },
        printer: { type: 'string' },
        continuous: { type: 'string' },
        station: { type: 'string', default: 'cli' },
        packer: { type: 'string', default: process.env.USER ?? 'packer' },
      });
      if (values.print) {
        const job = await call(dispatch, 'printing.pickList', {
          orderIds: positionals.length ? positionals : undefined,
          singleItemFirst: values['single-first'],
          continuousWidthMm: intOption(values.continuous, 'continuous'),
          printer: values.printer,
          station: values.station,
          packer: values.packer,
        });
        return { json: job, text: `Pick list printed on ${job.printerName} (job ${job.id}, ${job.state}).` };
      }
      const r = await call(dispatch, 'picklist.build', {
        orderIds: positionals.length ? positionals : undefined,
        singleItemFirst: values['single-first'],
        waveSize: intOption(values.wave, 'wave'),
      });
      return { json: r, text: r.waves.map((w, i) => pickListText(w, i + 1)).join('\n\n') || 'Nothing to pick.' };
    },
  },
  pack: {
    usage:
      'pack ORDER --scan CODE [--scan CODE …] [--station S] [--packer P] [--no-finish]   (a complete order gets its label, then its shipment, as the shop settings say)',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, {
        scan: { type: 'string', multiple: true, default: [] },
        station: { type: 'string', default: 'cli' },
        packer: { type: 'string', default: process.env.USER ?? 'packer' },
        finish: { type: 'boolean', default: true },
      });
      const [order] = needPositional(positionals, 'the order to pack (order id, tracking number or package id)');
      const who = { station: values.station, packer: values.packer };
      const scan = (code: string) => scanOnce(dispatch, who, code);
      const opened = await scan(order!);
      if (opened.code !== 'ORDER_OPENED') {
        // Anything but an order here (an item code, garbage) means the order was not found.
        const known = opened.orderId !== null;
        throw new PackdeskError(known ? (opened.code as ErrorCode) : 'ORDER_NOT_FOUND', known ? opened.message : `No order ${order}.`, {
          orderId: opened.orderId,
        });
      }
      const verdicts: ScanVerdict[] = [];
      for (const code of values.scan) verdicts.push(await scan(code));
      // The same rule as the screens: print the label, then arrange shipment (packing.finish).
      const completed = verdicts.some((v) => v.code === 'ORDER_COMPLETE' && v.orderId === opened.orderId);
      const finish: FinishResult | null = completed && values.finish ? await call(dispatch, 'packing.finish', { ...who, orderId: opened.orderId! }) : null;
      const text = [verdictLine(opened), ...verdicts.map(verdictLine), ...(finish ? finishLines(finish) : [])].join('\n');
      return { json: { verdicts: verdicts.map(({ order: _o, ...v }) => v), finish: finish ? { ...finish, order: undefined } : null }, text };
    },
  },
  ship: {
    usage: 'ship ORDER … [--allow-unpacked]   arrange shipment',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { 'allow-unpacked': { type: 'boolean', default: false } });
      const r = await call(dispatch, 'shipping.arrange', {
        orderIds: needPositional(positionals, 'at least one order'),
        allowUnpacked: values['allow-unpacked'],
      });
      const failed = r.failed.map((f) => `  ${f.orderId}: ${f.code} ${f.message}`);
      const first = r.failed[0];
      return {
        json: r,
        text: [`Shipment arranged for ${r.arranged.length} order(s); the sync sends it to the platform.`, ...failed].join('\n'),
        ...(first
          ? { failed: { code: first.code, message: `${r.failed.length} order(s) could not be shipped; the first: ${first.orderId}: ${first.message}` } }
          : {}),
      };
    },
  },
  'cancel-response': {
    usage: 'cancel-response ORDER accept|reject',
    async run(argv, dispatch) {
      const { positionals } = parse(argv, {});
      const [orderId, decision] = positionals;
      if (!orderId || (decision !== 'accept' && decision !== 'reject')) {
        throw new PackdeskError('INVALID_INPUT', 'Usage: cancel-response ORDER accept|reject');
      }
      const o = await call(dispatch, 'orders.answerCancellation', { orderId, decision });
      return { json: o, text: orderLine(o) };
    },
  },
  export: {
    usage: 'export [--dir DIR] [--status S[,S]] [--from DATE] [--to DATE]   (default: the last 90 days)',
    async run(argv, dispatch) {
      const { values } = parse(argv, { dir: { type: 'string', default: '.' }, status: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
      const r = await call(dispatch, 'export.orders', {
        dir: path.resolve(values.dir),
        status: statuses(values.status),
        from: dateOption(values.from, 'from'),
        to: dateOption(values.to, 'to'),
      });
      return { json: r, text: [`Exported ${r.orders} orders (${r.rows} rows) to:`, ...r.files].join('\n') };
    },
  },
};
