import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../core/shared/vocabulary.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { FormatFields } from './FormatFields.js';
import { usePackdeskStore } from '../../store/context.js';
import { printerUri } from './address.js';
import { documentKey, receiptInput, type Dpi, type PrinterLanguage, type Receipt } from './model.js';
import { ReceiptFields } from './ReceiptFields.js';

export interface PrinterDraft {
  name: string;
  address: string;
  language: PrinterLanguage;
  dpi: Dpi;
  widthMm: number;
  heightMm: number;
  /** A 58 or 80 mm receipt printer (ESC/POS, Epson or Star commands); null for a label printer. */
  receipt: Receipt | null;
}

export const EMPTY_DRAFT: PrinterDraft = { name: '', address: '', language: 'zpl', dpi: 203, widthMm: 100, heightMm: 150, receipt: null };

interface Props {
  /** Filled in from a discovered printer; the form is remounted (key) for each new one. */
  initial: PrinterDraft;
  /** Documents ticked until the packer changes them (they follow the saved printers as they load). */
  defaultDocuments: DocumentKind[];
  /** Focus the name field at once (after "Use" on a discovered printer). */
  autoFocus: boolean;
  takenNames: string[];
  onAdded(name: string): void;
}

/** Adds a printer by its address: a network printer by host[:port], or any printer address. */
export function AddPrinterForm({ initial, defaultDocuments, autoFocus, takenNames, onAdded }: Props) {
  const t = useT();
  const { savePrinter } = usePackdeskStore().getState();
  const [draft, setDraft] = useState<PrinterDraft>(initial);
  const [chosenDocuments, setChosenDocuments] = useState<DocumentKind[] | null>(null);
  // A receipt printer is for pick lists and packing slips unless the packer says otherwise.
  const documents = chosenDocuments ?? (draft.receipt ? ['PICK_LIST' as const] : defaultDocuments);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [sending, setSending] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) nameField.current?.focus();
  }, [autoFocus]);
  const edit = (p: Partial<PrinterDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setProblem(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = draft.name.trim();
    const uri = printerUri(draft.address);
    if (name === '') return setProblem('printers.add.needName');
    if (takenNames.includes(name)) return setProblem('printers.add.nameTaken');
    if (uri === null) return setProblem('printers.add.badAddress');
    setSending(true);
    const format = draft.receipt
      ? receiptInput(draft.receipt)
      : { language: draft.language, dpi: draft.dpi, stock: { widthMm: draft.widthMm, heightMm: draft.heightMm } };
    const saved = await savePrinter({ name, uri, ...format, documents });
    setSending(false);
    if (saved) onAdded(saved.name);
  }

  const toggleDocument = (d: DocumentKind, on: boolean) => setChosenDocuments(on ? [...documents.filter((x) => x !== d), d] : documents.filter((x) => x !== d));

  return (
    <section className="form-panel" aria-labelledby="printers-add-title">
      <h3 id="printers-add-title">{t('printers.add.title')}</h3>
      <form className="printer-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="form-field">
          <span>{t('printers.add.name')}</span>
          <input
            ref={nameField}
            className="text-field"
            value={draft.name}
            maxLength={100}
            onChange={(e) => edit({ name: e.target.value })}
            data-testid="printer-add-name"
          />
        </label>
        <label className="form-field">
          <span>{t('printers.add.address')}</span>
          <input
            className="text-field"
            value={draft.address}
            maxLength={1000}
            placeholder={t('printers.add.addressPlaceholder')}
            onChange={(e) => edit({ address: e.target.value })}
            aria-describedby="printer-add-address-hint"
            data-testid="printer-add-address"
          />
          <small id="printer-add-address-hint" className="muted">
            {t('printers.add.addressHint')}
          </small>
        </label>
        <ReceiptFields value={draft.receipt} onChange={(receipt) => edit({ receipt })} />
        {!draft.receipt && (
          <FormatFields
            value={draft}
            onChange={edit}
            testIds={{ language: 'printer-add-language', dpi: 'printer-add-dpi', width: 'printer-add-width', height: 'printer-add-height' }}
          />
        )}
        <fieldset className="printer-form__documents">
          <legend>{t('printers.add.documents')}</legend>
          {DOCUMENT_KINDS.map((d) => (
            <label key={d} className="choice">
              <input
                type="checkbox"
                checked={documents.includes(d)}
                onChange={(e) => toggleDocument(d, e.target.checked)}
                data-testid={`printer-add-document-${d}`}
              />
              {t(documentKey(d))}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p className="form-problem" role="alert" data-testid="printer-add-problem">
            {t(problem)}
          </p>
        )}
        <button type="submit" className="button button--big button--primary" disabled={sending} data-testid="printer-add-submit">
          {t('printers.add.submit')}
        </button>
      </form>
    </section>
  );
}
