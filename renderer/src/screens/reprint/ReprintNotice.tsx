import { errorKey, type MessageKey } from '../../i18n/index.js';
import { printerName } from '../../i18n/printer-name.js';
import { useT } from '../../i18n/useT.js';
import type { SearchAction, SearchNotice } from '../../store/search.js';

const DONE: Record<'reprint' | 'resend' | 'packingSlip', MessageKey> = {
  reprint: 'reprint.notice.reprint.ok',
  resend: 'reprint.notice.resend.ok',
  packingSlip: 'notice.packingSlip.ok',
};

const FAILED: Record<SearchAction, MessageKey> = {
  search: 'reprint.notice.search.failed',
  load: 'reprint.notice.load.failed',
  reprint: 'reprint.notice.reprint.failed',
  resend: 'reprint.notice.resend.failed',
  packingSlip: 'notice.packingSlip.failed',
};

/** What came of the last search, reprint or resend, and why it failed if it did. */
export function ReprintNotice({ notice, onDismiss }: { notice: SearchNotice | null; onDismiss(): void }) {
  const t = useT();
  if (!notice) return null;
  const failed = notice.kind === 'failed';
  let title: string;
  let detail: string | null = null;
  if (notice.kind === 'failed') {
    title = t(FAILED[notice.action]);
    detail = notice.partial ? t('notice.label.partial') : t(errorKey(notice.code));
  } else {
    const key = notice.action === 'resend' || notice.action === 'packingSlip' ? DONE[notice.action] : DONE.reprint;
    title = t(key, { orderId: notice.orderId ?? '', printer: printerName(t, notice.printer), jobId: notice.jobId });
  }
  return (
    <div className={`notice ${failed ? 'notice--error' : 'notice--ok'}`} role={failed ? 'alert' : 'status'} data-testid="reprint-notice">
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
