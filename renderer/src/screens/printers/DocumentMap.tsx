import type { SavedPrinter } from '../../../../core/printing/types.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../core/shared/vocabulary.js';
import { printerName } from '../../i18n/printer-name.js';
import { useT } from '../../i18n/useT.js';
import { usePackdeskStore } from '../../store/context.js';
import { documentKey, printerForDocument, toInput } from './model.js';

/**
 * Which printer prints which document. The core keeps one printer per document and moves a
 * document when another printer takes it, so each document is one choice here.
 */
export function DocumentMap({ printers }: { printers: SavedPrinter[] }) {
  const t = useT();
  const { savePrinter } = usePackdeskStore().getState();

  function assign(document: DocumentKind, name: string) {
    const printer = printers.find((p) => p.name === name);
    if (!printer || printer.documents.includes(document)) return;
    void savePrinter({ ...toInput(printer), documents: [...printer.documents, document] });
  }

  return (
    <section className="form-panel" aria-labelledby="printers-documents-title">
      <h3 id="printers-documents-title">{t('printers.documents.title')}</h3>
      <div className="document-map">
        {DOCUMENT_KINDS.map((d) => {
          const current = printerForDocument(printers, d);
          return (
            <label key={d} className="document-map__row">
              <span>{t(documentKey(d))}</span>
              <select
                className="form-select"
                value={current?.name ?? ''}
                onChange={(e) => assign(d, e.target.value)}
                data-testid={`printer-document-${d}`}
                disabled={printers.length === 0}
              >
                {!current && <option value="">{t('printers.documents.none')}</option>}
                {printers.map((p) => (
                  <option key={p.name} value={p.name}>
                    {printerName(t, p.name)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <p className="muted printers-hint">{t('printers.documents.hint')}</p>
    </section>
  );
}
