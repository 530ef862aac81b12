import type { ReactNode } from 'react';
import { errorKey } from '../../i18n/index.js';
import { printerName } from '../../i18n/printer-name.js';
import { useT } from '../../i18n/useT.js';
import type { LabelPreview as Preview } from '../../store/search.js';
import type { ErrorCode } from '../../store/api.js';

/** What the printer will print, drawn by the core from the same label it sends. */
export function LabelPreview({ orderId, preview, error }: { orderId: string; preview: Preview | null; error: ErrorCode | null }) {
  const t = useT();
  let body: ReactNode;
  if (preview) {
    body = (
      <figure className="label-preview__figure">
        <img
          className="label-preview__image"
          data-testid="label-preview"
          src={`data:image/png;base64,${preview.png}`}
          width={preview.widthDots}
          height={preview.heightDots}
          alt={t('reprint.preview.alt', { orderId, printer: printerName(t, preview.printer) })}
        />
        <figcaption className="muted">
          {t('reprint.preview.caption', { source: t(`reprint.preview.source.${preview.source}`), printer: printerName(t, preview.printer) })}
        </figcaption>
      </figure>
    );
  } else if (error) {
    body = <p className="label-preview__error">{t('reprint.preview.failed', { message: t(errorKey(error)) })}</p>;
  } else {
    body = <p className="muted">{t('reprint.preview.loading')}</p>;
  }
  return (
    <section className="label-preview" aria-labelledby="label-preview-title">
      <h3 id="label-preview-title">{t('reprint.preview.title')}</h3>
      {body}
    </section>
  );
}
