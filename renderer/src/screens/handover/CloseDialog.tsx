import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.js';

/** Closing hands the batch to the carrier: asked once more, with the count in front of the packer. */
export function CloseDialog({ batchId, count, onConfirm, onCancel }: { batchId: number; count: number; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="handover-close-title"
        aria-describedby="handover-close-body"
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="handover-close-title">{t('handover.close.title', { batchId })}</h2>
        <p id="handover-close-body">{t('handover.close.body', { count })}</p>
        <div className="dialog__buttons">
          <button type="button" className="button button--big" onClick={onCancel}>
            {t('handover.close.cancel')}
          </button>
          <button ref={confirm} type="button" className="button button--big button--primary" data-testid="handover-close-confirm" onClick={onConfirm}>
            {t('handover.close.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
