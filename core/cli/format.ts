import type { FinishResult, OrderView, ScanVerdict } from '../api/views.js';
import type { PickList } from '../domain/picklist.js';

function when(ms: number | null | undefined): string {
  return ms == null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function orderLine(o: OrderView): string {
  const next = o.nextDeadline ? `${o.nextDeadline.kind} ${when(o.nextDeadline.at)} (${o.urgency})` : 'no deadline';
  const flag = o.cancelRequestedAt !== null ? ' [CANCEL REQUESTED]' : '';
  return `${o.id}  ${o.status.padEnd(19)} ${String(o.unitsPacked).padStart(2)}/${String(o.unitsOrdered).padEnd(3)} ${next}  ${o.recipient.name}${flag}`;
}

export function verdictLine(v: ScanVerdict): string {
  const mark = v.ok ? 'OK ' : 'NO ';
  const progress = v.progress ? ` [${v.progress.packed}/${v.progress.total}]` : '';
  return `${mark} ${v.code.padEnd(22)} ${v.scannedCode}  ${v.message}${progress}`;
}

export function pickListText(list: PickList, wave: number): string {
  const out = [`Wave ${wave}: ${list.orderIds.length} orders, ${list.totalUnits} units`];
  for (const section of list.sections) {
    if (section.kind !== 'ALL') out.push(`  -- ${section.kind === 'SINGLE_ITEM' ? 'single-item orders' : 'multi-item orders'} --`);
    for (const r of section.rows) {
      out.push(`  ${(r.bin ?? '(no bin)').padEnd(10)} ${String(r.quantity).padStart(4)} × ${r.sellerSku}  ${r.name} ${r.variation ? `/ ${r.variation}` : ''}`);
    }
  }
  return out.join('\n');
}

export function finishLines(f: FinishResult): string[] {
  const label = f.label.error ? `${f.label.outcome} ${f.label.error.code}: ${f.label.error.message}` : f.label.outcome;
  const shipment = f.shipment.error ? `${f.shipment.outcome} ${f.shipment.error.code}: ${f.shipment.error.message}` : f.shipment.outcome;
  return [`label     ${label}${f.label.job ? ` (job ${f.label.job.id} on ${f.label.job.printerName})` : ''}`, `shipment  ${shipment}`];
}
