import { errorKey, type MessageKey } from '../../i18n/index.js';
import { printerName } from '../../i18n/printer-name.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import type { PrintersAction } from '../../store/printers.js';

/** Loading, searching and previewing show their result on the screen itself; only these are announced. */
const DONE: Partial<Record<PrintersAction, MessageKey>> = {
  save: 'printers.notice.save.done',
  remove: 'printers.notice.remove.done',
  test: 'printers.notice.test.done',
};

const FAILED: Record<PrintersAction, MessageKey> = {
  load: 'printers.notice.load.failed',
  discover: 'printers.notice.discover.failed',
  save: 'printers.notice.save.failed',
  remove: 'printers.notice.remove.failed',
  test: 'printers.notice.test.failed',
  preview: 'printers.notice.preview.failed',
};

/** What came of the last save, removal, test print or preview, and why it failed if it did. */
export function PrintersNotice() {
  const t = useT();
  const notice = usePackdesk((s) => s.printers.notice);
  const { dismissPrintersNotice } = usePackdeskStore().getState();
  if (!notice) return null;
  const failed = notice.kind === 'failed';
  const title = failed ? FAILED[notice.action] : DONE[notice.action];
  if (!title) return null;
  const vars = { printer: printerName(t, notice.printer) };
  return (
    <div
      className={`notice ${failed ? 'notice--error' : 'notice--ok'}`}
      role={failed ? 'alert' : 'status'}
      data-testid="printers-notice"
      data-kind={notice.kind}
      data-action={notice.action}
    >
      <div>
        <strong>{t(title, vars)}</strong>
        {notice.kind === 'failed' && (
          <>
            <span> {t(errorKey(notice.code))}</span>
            {/* The core's own words name the field or value at fault (in English), for support. */}
            {notice.message && <small className="notice__core">{notice.message}</small>}
          </>
        )}
      </div>
      <button type="button" className="button button--small" onClick={dismissPrintersNotice}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
