import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS } from '../../../core/shared/vocabulary.js';
import { useT } from '../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import { AddPrinterForm, EMPTY_DRAFT, type PrinterDraft } from './printers/AddPrinterForm.js';
import { CalibrationPanel } from './printers/CalibrationPanel.js';
import { DiscoveredList, type DiscoveredChoice } from './printers/DiscoveredList.js';
import { DocumentMap } from './printers/DocumentMap.js';
import { LabelPreview } from './printers/LabelPreview.js';
import { PrintersNotice } from './printers/PrintersNotice.js';
import { SavedPrinterList } from './printers/SavedPrinterList.js';
import './settings/forms.css';
import './printers/printers.css';

/**
 * Printers: the saved ones with their status, test print and calibration; the ones found on
 * this computer; adding one by address; which prints what; and the label as it will print.
 */
export function PrintersScreen() {
  const t = useT();
  const saved = usePackdesk((s) => s.printers.saved);
  const loading = usePackdesk((s) => s.printers.loading);
  const { loadPrinters, discoverPrinters } = usePackdeskStore().getState();
  const [selected, setSelected] = useState<string | null>(null);
  // The add form is remounted (key) with each discovered printer chosen, and after each add.
  const [form, setForm] = useState<{ seq: number; draft: PrinterDraft | null }>({ seq: 0, draft: null });

  useEffect(() => {
    void loadPrinters();
    void discoverPrinters();
  }, [loadPrinters, discoverPrinters]);

  const chosen = saved.find((p) => p.name === selected) ?? saved.find((p) => !p.builtIn) ?? saved[0] ?? null;
  // A new printer takes the documents no real printer prints yet: usually the first one added prints everything.
  const unassigned = DOCUMENT_KINDS.filter((d) => !saved.some((p) => !p.builtIn && p.documents.includes(d)));
  const initial = form.draft ?? EMPTY_DRAFT;

  function use(choice: DiscoveredChoice) {
    setForm((f) => ({
      seq: f.seq + 1,
      draft: { ...EMPTY_DRAFT, name: choice.name, address: choice.uri, language: choice.language ?? 'zpl' },
    }));
  }

  return (
    <section className="printers-screen" data-testid="screen-printers" aria-labelledby="printers-title">
      <header className="printers-screen__head">
        <h2 id="printers-title">{t('printers.title')}</h2>
        <button
          type="button"
          className="button"
          disabled={loading}
          onClick={() => {
            void loadPrinters();
            void discoverPrinters();
          }}
          data-testid="printers-refresh-all"
        >
          {t('printers.action.refreshAll')}
        </button>
      </header>
      <PrintersNotice />
      <div className="printers-screen__columns">
        <div className="printers-screen__column">
          <SavedPrinterList printers={saved} selected={chosen?.name ?? null} onSelect={setSelected} />
          <DocumentMap printers={saved} />
          <AddPrinterForm
            key={form.seq}
            initial={initial}
            defaultDocuments={unassigned}
            autoFocus={form.draft !== null}
            takenNames={saved.map((p) => p.name)}
            onAdded={(name) => {
              setSelected(name);
              setForm((f) => ({ seq: f.seq + 1, draft: null }));
            }}
          />
          <DiscoveredList saved={saved} onUse={use} />
        </div>
        <div className="printers-screen__column">
          {chosen ? (
            <>
              <CalibrationPanel key={`${chosen.name}:${JSON.stringify(chosen)}`} printer={chosen} />
              <LabelPreview printer={chosen} />
            </>
          ) : (
            <p className="muted">{t('printers.saved.choose')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
