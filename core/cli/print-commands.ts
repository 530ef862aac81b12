import fs from 'node:fs';
import path from 'node:path';
import { call } from '../api/dispatch.js';
import type { BatchView, JobView, SavedPrinter } from '../printing/types.js';
import { PackdeskError } from '../domain/errors.js';
import { isOrderStatus } from '../shared/vocabulary.js';
import { intOption, parse } from './args.js';
import type { Command } from './commands.js';

const WHO = { station: { type: 'string', default: 'cli' }, packer: { type: 'string', default: process.env.USER ?? 'packer' } } as const;

function jobLine(j: JobView): string {
  const err = j.errorCode ? `  ${j.errorCode}: ${j.errorMessage}` : '';
  return `job ${j.id}  ${j.kind.padEnd(7)} ${j.state.padEnd(8)} ${j.orderId ?? '-'} → ${j.printerName} (${j.bytes ?? 0} bytes)${err}`;
}

function batchLine(b: BatchView): string {
  const head = `batch ${b.id}: ${b.state}, ${b.sent}/${b.total} sent, ${b.queued} queued, ${b.failed} failed, ${b.unknown} unknown`;
  const paused = b.pausedCode ? `\n  paused: ${b.pausedCode} ${b.pausedMessage}` : '';
  const refused = b.refused.map((r) => `\n  not printed: ${r.orderId} ${r.code}`).join('');
  return head + paused + refused;
}

function pausedError(b: BatchView): { code: string; message: string } | undefined {
  return b.state === 'PAUSED' ? { code: b.pausedCode ?? 'INTERNAL', message: b.pausedMessage ?? 'The batch paused.' } : undefined;
}

function printerLine(p: SavedPrinter): string {
  const docs = p.documents.length ? `  prints ${p.documents.join(', ')}` : '';
  return `${p.name.padEnd(16)} ${p.uri}  ${p.language} ${p.dpi} dpi ${p.stock.widthMm}×${p.stock.heightMm} mm${p.builtIn ? '  (built-in)' : ''}${docs}`;
}

function language(v: string | undefined): 'zpl' | 'escpos' | 'tspl' {
  const l = (v ?? 'zpl').toLowerCase();
  if (l !== 'zpl' && l !== 'escpos' && l !== 'tspl') throw new PackdeskError('INVALID_INPUT', `--lang takes zpl, escpos or tspl, not ${v}.`);
  return l;
}

/** `--receipt 58|80` (and `--dialect epson|star`) make an ESC/POS printer a receipt printer. */
function receiptOption(width: string | undefined, dialect: string | undefined): { widthMm: 58 | 80; dialect: 'epson' | 'star' } | undefined {
  if (width === undefined) {
    if (dialect !== undefined) throw new PackdeskError('INVALID_INPUT', '--dialect goes with --receipt 58|80.');
    return undefined;
  }
  if (width !== '58' && width !== '80') throw new PackdeskError('INVALID_INPUT', `--receipt takes 58 or 80 (mm of paper), not ${width}.`);
  const d = (dialect ?? 'epson').toLowerCase();
  if (d !== 'epson' && d !== 'star') throw new PackdeskError('INVALID_INPUT', `--dialect takes epson or star, not ${dialect}.`);
  return { widthMm: width === '58' ? 58 : 80, dialect: d };
}

export const PRINT_COMMANDS: Record<string, Command> = {
  'packing-slip': {
    usage: 'packing-slip ORDER [--printer N] [--html FILE]   the slip for the parcel (receipt or label printer), or an A4 page',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { printer: { type: 'string' }, html: { type: 'string' }, ...WHO });
      if (!positionals[0]) throw new PackdeskError('INVALID_INPUT', 'Give the order.');
      if (values.html) {
        const page = await call(dispatch, 'printing.packingSlipPage', { orderId: positionals[0], station: values.station });
        fs.writeFileSync(path.resolve(values.html), page.html);
        return {
          json: { orderId: page.orderId, out: values.html },
          text: `Packing slip for ${page.orderId} written to ${values.html}; open it in a browser to print.`,
        };
      }
      const j = await call(dispatch, 'printing.packingSlip', {
        orderId: positionals[0],
        printer: values.printer,
        station: values.station,
        packer: values.packer,
      });
      return { json: j, text: jobLine(j) };
    },
  },
  label: {
    usage: 'label ORDER --lang zpl|escpos|tspl [--dpi 203|300] [--out FILE]   the exact printer bytes',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { lang: { type: 'string' }, dpi: { type: 'string' }, out: { type: 'string' } });
      if (!positionals[0]) throw new PackdeskError('INVALID_INPUT', 'Give the order.');
      const r = await call(dispatch, 'printing.label', { orderId: positionals[0], language: language(values.lang), dpi: intOption(values.dpi, 'dpi') ?? 203 });
      const bytes = Buffer.from(r.base64, 'base64');
      if (values.out) fs.writeFileSync(path.resolve(values.out), bytes);
      else process.stdout.write(bytes);
      return {
        json: { ...r, base64: undefined, out: values.out ?? null },
        text: values.out ? `${r.size} bytes written to ${values.out}` : '',
        raw: !values.out,
      };
    },
  },
  printers: {
    usage:
      'printers list | add --name N --uri URI --lang L --dpi D [--documents SHIPPING_LABEL,…] [--receipt 58|80 [--dialect epson|star]] | remove N | test N | status N | discover',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, {
        name: { type: 'string' },
        uri: { type: 'string' },
        lang: { type: 'string' },
        dpi: { type: 'string' },
        documents: { type: 'string' },
        receipt: { type: 'string' },
        dialect: { type: 'string' },
        ...WHO,
      });
      const [action = 'list', name] = positionals;
      if (action === 'list') {
        const list = await call(dispatch, 'printers.list', {});
        return { json: list, text: list.map(printerLine).join('\n') };
      }
      if (action === 'add') {
        const receipt = receiptOption(values.receipt, values.dialect);
        const p = await call(dispatch, 'printers.save', {
          name: values.name ?? name,
          uri: values.uri,
          language: language(values.lang),
          dpi: intOption(values.dpi, 'dpi') ?? 203,
          // A receipt roll is as long as the document: the stock is its width and a generous length.
          ...(receipt ? { stock: { widthMm: receipt.widthMm, heightMm: 300 }, options: { receipt } } : {}),
          documents: values.documents?.split(',').map((d) => d.trim().toUpperCase()) ?? [receipt ? 'PICK_LIST' : 'SHIPPING_LABEL'],
        });
        return { json: p, text: `Saved ${printerLine(p)}` };
      }
      if (action === 'remove') return { json: await call(dispatch, 'printers.remove', { name: name ?? values.name }), text: `Removed ${name ?? values.name}.` };
      if (action === 'test') {
        const j = await call(dispatch, 'printers.test', { name: name ?? values.name, station: values.station, packer: values.packer });
        return { json: j, text: jobLine(j) };
      }
      if (action === 'status') {
        const s = await call(dispatch, 'printers.status', { name: name ?? values.name });
        return {
          json: s,
          text: s.status ? `${s.printer}: ${s.status.ready ? 'ready' : s.status.conditions.join(', ')}` : `${s.printer} does not report its status.`,
        };
      }
      if (action === 'discover') {
        const d = await call(dispatch, 'printers.discover', {});
        const lines = [
          ...d.usb.map((u) => `${u.uri}  ${u.maker} ${u.model} (${u.language ?? '?'})`),
          ...d.os.map((o) => `${o.uri}  ${o.name}`),
          ...d.notes.map((n) => n.message),
        ];
        return { json: d, text: lines.join('\n') || 'No printers found.' };
      }
      throw new PackdeskError('INVALID_INPUT', `Unknown printers action ${action}; use list, add, remove, test, status or discover.`);
    },
  },
  print: {
    usage: 'print ORDER [--printer N]',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { printer: { type: 'string' }, ...WHO });
      const j = await call(dispatch, 'printing.print', { orderId: positionals[0], printer: values.printer, station: values.station, packer: values.packer });
      return { json: j, text: jobLine(j) };
    },
  },
  reprint: {
    usage: 'reprint ORDER [--printer N]',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { printer: { type: 'string' }, ...WHO });
      const j = await call(dispatch, 'printing.reprint', { orderId: positionals[0], printer: values.printer, station: values.station, packer: values.packer });
      return { json: j, text: jobLine(j) };
    },
  },
  'sku-label': {
    usage: 'sku-label SELLER_SKU [--copies N] [--printer N]   barcode labels for items without one',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { copies: { type: 'string' }, printer: { type: 'string' }, ...WHO });
      const j = await call(dispatch, 'printing.skuLabel', {
        sellerSku: positionals[0],
        copies: intOption(values.copies, 'copies'),
        printer: values.printer,
        station: values.station,
        packer: values.packer,
      });
      return { json: j, text: jobLine(j) };
    },
  },
  'print-batch': {
    usage: 'print-batch (--status S | ORDER …) [--printer N] | --resume BATCH',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, { status: { type: 'string' }, printer: { type: 'string' }, resume: { type: 'string' }, ...WHO });
      if (values.resume) {
        const b = await call(dispatch, 'printing.resume', { batchId: intOption(values.resume, 'resume') });
        return { json: b, text: batchLine(b), failed: pausedError(b) };
      }
      const status = values.status?.toUpperCase();
      if (status !== undefined && !isOrderStatus(status)) throw new PackdeskError('INVALID_INPUT', `Unknown status ${values.status}.`);
      const b = await call(dispatch, 'printing.batch', {
        orderIds: positionals.length ? positionals : undefined,
        status,
        printer: values.printer,
        station: values.station,
        packer: values.packer,
      });
      return { json: b, text: batchLine(b), failed: pausedError(b) };
    },
  },
};
