import { useEffect, useState, type FormEvent } from 'react';
import type { SavedPrinter } from '../../../../core/printing/types.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import type { PreviewSource } from '../../store/printers.js';

const SOURCE: Record<PreviewSource, MessageKey> = {
  TEST: 'printers.preview.source.TEST',
  PACKDESK: 'printers.preview.source.PACKDESK',
  PLATFORM: 'printers.preview.source.PLATFORM',
};

/**
 * What will print on this printer, as the core rasterises it with the saved calibration:
 * the test label, or the shipping label of an order.
 */
export function LabelPreview({ printer }: { printer: SavedPrinter }) {
  const t = useT();
  const preview = usePackdesk((s) => s.printers.preview);
  const loading = usePackdesk((s) => s.printers.previewLoading);
  const { previewLabel } = usePackdeskStore().getState();
  const [orderId, setOrderId] = useState('');
  const name = printer.name;

  // A newly chosen printer shows its test label straight away.
  useEffect(() => {
    void previewLabel(name);
  }, [name, previewLabel]);

  function showOrder(e: FormEvent) {
    e.preventDefault();
    const id = orderId.trim();
    if (id) void previewLabel(name, id);
  }

  const shown = preview && preview.printer === name ? preview : null;
  const mm = (dots: number) => Math.round((dots / printer.dpi) * 25.4);
  return (
    <section className="form-panel label-preview" aria-labelledby="printers-preview-title" aria-busy={loading}>
      <h3 id="printers-preview-title">{t('printers.preview.title')}</h3>
      <form className="label-preview__controls" onSubmit={showOrder}>
        <label className="form-field">
          <span>{t('printers.preview.orderId')}</span>
          <input className="text-field" value={orderId} maxLength={200} onChange={(e) => setOrderId(e.target.value)} data-testid="label-preview-order" />
        </label>
        <button type="submit" className="button" disabled={orderId.trim() === ''} data-testid="label-preview-show-order">
          {t('printers.preview.showOrder')}
        </button>
        <button type="button" className="button" onClick={() => void previewLabel(name)} data-testid="label-preview-show-test">
          {t('printers.preview.showTest')}
        </button>
      </form>
      {loading && <p className="muted">{t('printers.preview.loading')}</p>}
      {shown && (
        <figure className="label-preview__figure">
          <img
            className="label-preview__image"
            src={`data:image/png;base64,${shown.png}`}
            width={shown.widthDots}
            height={shown.heightDots}
            alt={shown.orderId ? t('printers.preview.altOrder', { orderId: shown.orderId, printer: name }) : t('printers.preview.altTest', { printer: name })}
            data-testid="label-preview-image"
          />
          <figcaption className="muted">
            {t(SOURCE[shown.source])} ·{' '}
            {t('printers.preview.size', { width: mm(shown.widthDots), height: mm(shown.heightDots), widthDots: shown.widthDots, heightDots: shown.heightDots })}
          </figcaption>
        </figure>
      )}
      <p className="muted printers-hint">{t('printers.preview.hint')}</p>
    </section>
  );
}
