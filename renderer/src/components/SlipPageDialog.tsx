import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { errorKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';

/**
 * The A4 packing slip over the app: the core's page in a frame of its own (srcdoc), so its styles
 * and its @page size touch nothing else, and Print prints that page alone. The frame may run no
 * script; it shares the app's origin only so that Print can reach it.
 */
export function SlipPageDialog() {
  const t = useT();
  const { orderId, html, error } = usePackdesk((s) => s.slipPage);
  const { closeSlipPage } = usePackdeskStore().getState();
  const frame = useRef<HTMLIFrameElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (orderId) closeButton.current?.focus();
  }, [orderId]);
  if (!orderId) return null;

  const print = () => frame.current?.contentWindow?.print();
  return createPortal(
    <div
      className="slip-page"
      role="dialog"
      aria-modal="true"
      aria-label={t('slip.title', { orderId })}
      data-testid="slip-page"
      onKeyDown={(e) => e.key === 'Escape' && closeSlipPage()}
    >
      <div className="slip-page__toolbar">
        <button type="button" className="button button--big" onClick={print} disabled={!html} data-testid="slip-page-print">
          {t('slip.print')}
        </button>
        <button ref={closeButton} type="button" className="button button--big" onClick={closeSlipPage} data-testid="slip-page-close">
          {t('slip.close')}
        </button>
        <span className="slip-page__title">{t('slip.title', { orderId })}</span>
      </div>
      {html ? (
        <iframe
          ref={frame}
          className="slip-page__frame"
          title={t('slip.title', { orderId })}
          srcDoc={html}
          sandbox="allow-same-origin allow-modals"
          data-testid="slip-page-frame"
        />
      ) : (
        <p className={`slip-page__state${error ? ' notice notice--error' : ''}`} role={error ? 'alert' : 'status'}>
          {error ? `${t('slip.failed')} ${t(errorKey(error))}` : t('slip.loading')}
        </p>
      )}
    </div>,
    document.body,
  );
}
