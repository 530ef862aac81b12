import { errorKey, type MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import type { HandoverAction, HandoverFailure } from '../../store/handover.js';

const FAILED: Record<HandoverAction, MessageKey> = {
  open: 'handover.failed.open',
  scan: 'handover.failed.scan',
  close: 'handover.failed.close',
  load: 'handover.failed.load',
  arrange: 'handover.failed.arrange',
};

/** Why opening, scanning or closing did not work, in the catalogue's words. */
export function HandoverNotice({ failure, onDismiss }: { failure: HandoverFailure | null; onDismiss(): void }) {
  const t = useT();
  if (!failure) return null;
  return (
    <div className="notice notice--error" role="alert">
      <div>
        <strong>{t(FAILED[failure.action])}</strong>
        <span className="notice__detail"> {t(errorKey(failure.code))}</span>
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
