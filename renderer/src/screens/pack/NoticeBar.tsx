import type { MessageKey } from '../../i18n/index.js';
import { printerName } from '../../i18n/printer-name.js';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import type { PackAction, PackNotice } from '../../store/packing.js';

const DONE: Record<Exclude<PackAction, 'scan'>, MessageKey> = {
  undo: 'notice.undo.ok',
  reprint: 'notice.reprint.ok',
  print: 'notice.print.ok',
  arrange: 'notice.arrange.ok',
  shortPack: 'notice.shortPack.ok',
};

const FAILED: Record<PackAction, MessageKey> = {
  scan: 'notice.scan.failed',
  undo: 'notice.undo.failed',
  reprint: 'notice.reprint.failed',
  print: 'notice.print.failed',
  arrange: 'notice.arrange.failed',
  shortPack: 'notice.shortPack.failed',
};

/** What came of the last undo, print, shipment or short-pack, and why it failed if it did. */
export function NoticeBar({ notice, onDismiss }: { notice: PackNotice | null; onDismiss(): void }) {
  const t = useT();
  if (!notice) return null;
  const vars = { orderId: notice.orderId ?? '', printer: notice.kind === 'done' ? printerName(t, notice.printer) : '' };
  const failed = notice.kind !== 'done' && notice.kind !== 'labelWhenItArrives';
  let title: string;
  let detail: string | null = null;
  if (notice.kind === 'arrangeSkipped') title = t('notice.arrange.skipped');
  else if (notice.kind === 'labelWhenItArrives') title = t('notice.print.whenItArrives');
  else if (notice.kind === 'failed') {
    title = t(FAILED[notice.action], vars);
    detail = t(errorKey(notice.code));
  } else title = notice.action === 'scan' ? '' : t(DONE[notice.action], vars);
  return (
    <div className={`notice ${failed ? 'notice--error' : 'notice--ok'}`} role={failed ? 'alert' : 'status'} data-testid="pack-notice" data-kind={notice.kind} data-action={notice.action}>
      <div>
        <strong>{title}</strong>
        {detail && <span className="notice__detail"> {detail}</span>}
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
