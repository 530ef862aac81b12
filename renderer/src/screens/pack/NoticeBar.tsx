import type { MessageKey } from '../../i18n/index.js';
import { printerName } from '../../i18n/printer-name.js';
import { errorKey } from '../../i18n/index.js';
import { useT, type T } from '../../i18n/useT.js';
import { finishFailed, type FinishNotice } from '../../store/pack-finish.js';
import type { PackAction, PackNotice } from '../../store/packing.js';

const DONE: Record<Exclude<PackAction, 'scan' | 'finish'>, MessageKey> = {
  undo: 'notice.undo.ok',
  reprint: 'notice.reprint.ok',
  shortPack: 'notice.shortPack.ok',
  packingSlip: 'notice.packingSlip.ok',
};

const FAILED: Record<PackAction, MessageKey> = {
  scan: 'notice.scan.failed',
  undo: 'notice.undo.failed',
  reprint: 'notice.reprint.failed',
  finish: 'notice.finish.failed',
  shortPack: 'notice.shortPack.failed',
  packingSlip: 'notice.packingSlip.failed',
};

/** A failure's reason; a label that may have come out in part says so, and what to do about it. */
function reason(t: T, code: string, partial: boolean): string {
  return partial ? t('notice.label.partial') : t(errorKey(code));
}

/** The label's half and the shipment's half of a finished order, each a sentence or nothing. */
function finishLines(t: T, f: FinishNotice, orderId: string): string[] {
  const lines: string[] = [];
  if (f.label === 'PRINTED') lines.push(t('notice.print.ok', { printer: printerName(t, f.printer) }));
  else if (f.label === 'ALREADY_PRINTED') lines.push(t('notice.print.already'));
  else if (f.label === 'FAILED') lines.push(`${t('notice.print.failed')} ${reason(t, f.labelError ?? 'INTERNAL', f.partial)}`);
  // A TikTok-shipped parcel: its label exists only once shipment is arranged; this one sentence says both.
  if (f.label === 'WHEN_IT_ARRIVES') lines.push(t('notice.print.whenItArrives'));
  else if (f.shipment === 'ARRANGED') lines.push(t('notice.arrange.ok', { orderId }));
  else if (f.shipment === 'ALREADY_ARRANGED') lines.push(t('notice.arrange.already', { orderId }));
  else if (f.shipment === 'SKIPPED_NO_LABEL') lines.push(t('notice.arrange.skipped'));
  else if (f.shipment === 'FAILED') lines.push(`${t('notice.arrange.failed')} ${t(errorKey(f.shipmentError ?? 'INTERNAL'))}`);
  return lines;
}

/** What came of the last label, shipment, undo, slip or short-pack, and why it failed if it did. */
export function NoticeBar({ notice, onDismiss }: { notice: PackNotice | null; onDismiss(): void }) {
  const t = useT();
  if (!notice) return null;
  const orderId = notice.orderId ?? '';
  let failed: boolean;
  let lines: string[];
  const extra: Record<string, string> = {};
  if (notice.kind === 'finished') {
    failed = finishFailed(notice.finish);
    lines = finishLines(t, notice.finish, orderId);
    extra['data-label'] = notice.finish.label;
    extra['data-shipment'] = notice.finish.shipment;
  } else if (notice.kind === 'failed') {
    failed = true;
    lines = [`${t(FAILED[notice.action], { orderId })} ${reason(t, notice.code, notice.partial === true)}`];
    if (notice.partial) extra['data-partial'] = 'true';
  } else {
    failed = false;
    lines = notice.action === 'scan' || notice.action === 'finish' ? [] : [t(DONE[notice.action], { orderId, printer: printerName(t, notice.printer) })];
  }
  return (
    <div
      className={`notice ${failed ? 'notice--error' : 'notice--ok'}`}
      role={failed ? 'alert' : 'status'}
      data-testid="pack-notice"
      data-kind={failed ? 'failed' : 'done'}
      data-action={notice.action}
      {...extra}
    >
      <div className="notice__lines">
        {lines.map((line) => (
          <p key={line} className="notice__line">
            {line}
          </p>
        ))}
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
