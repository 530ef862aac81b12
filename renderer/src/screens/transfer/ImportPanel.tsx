import { useRef, useState, type FormEvent } from 'react';
import { DATE_ORDERS, type DateOrder } from '../../../../core/shared/vocabulary.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { isBusy, type ImportKind, type ImportRun, type TransferState } from '../../store/transfer.js';
import { errorText } from '../../i18n/error-text.js';
import { hasWarnings, ImportReportView } from './ImportReportView.js';
import { CoreDetails } from './CoreDetails.js';
import { ProgressLine } from './ProgressLine.js';
import { RowErrorTable } from './RowErrorTable.js';

const KINDS: ImportKind[] = ['orders', 'catalogue'];

const STATE: Record<TransferState, MessageKey> = {
  idle: 'transfer.import.state.idle',
  reading: 'transfer.import.state.reading',
  running: 'transfer.import.state.running',
  done: 'transfer.import.state.done',
  failed: 'transfer.import.state.failed',
};

/** Imports a Seller Center order export or a catalogue file the packer picks on this computer. */
export function ImportPanel() {
  const t = useT();
  const run = usePackdesk((s) => s.transfer.import);
  const { importFile } = usePackdeskStore().getState();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>('orders');
  const [dateOrder, setDateOrder] = useState<DateOrder | ''>('');
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = isBusy(run.state);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || busy) return;
    void importFile(kind, file, dateOrder ? { dateOrder } : {});
  }

  return (
    <section className="form-panel transfer-panel" aria-labelledby="transfer-import-title" aria-busy={busy}>
      <h3 id="transfer-import-title">{t('transfer.import.title')}</h3>
      <form className="transfer-form" onSubmit={submit}>
        <div className="form-field">
          <span id="import-file-label">{t('transfer.import.file')}</span>
          {/* The browser's own chooser says "Choose File / No file chosen" in its language, not the
              station's: a styled label opens the hidden input, and the file name is said here. */}
          <div className="file-choice">
            <label className="button file-choice__button">
              {t('transfer.import.choose')}
              <input
                ref={fileInput}
                type="file"
                className="visually-hidden"
                accept=".csv,.txt,text/csv,text/plain"
                aria-labelledby="import-file-label"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                data-testid="import-file"
              />
            </label>
            <span className={`file-choice__name${file ? '' : ' muted'}`} data-testid="import-file-name">
              {file ? file.name : t('transfer.import.noFile')}
            </span>
          </div>
        </div>
        <div className="form-row">
          <label className="form-field">
            <span>{t('transfer.import.kind')}</span>
            <select className="form-select" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} data-testid="import-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`transfer.import.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {kind === 'orders' && (
            <label className="form-field">
              <span>{t('transfer.import.dateOrder')}</span>
              <select
                className="form-select"
                value={dateOrder}
                onChange={(e) => setDateOrder(e.target.value as DateOrder | '')}
                data-testid="import-date-order"
              >
                <option value="">{t('transfer.import.dateOrder.auto')}</option>
                {DATE_ORDERS.map((d) => (
                  <option key={d} value={d}>
                    {t(`transfer.dateOrder.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p className="muted transfer-hint">{t(kind === 'orders' ? 'transfer.import.hint.orders' : 'transfer.import.hint.catalogue')}</p>
        <button type="submit" className="button button--big button--primary" disabled={!file || busy} data-testid="import-submit">
          {t('transfer.import.submit')}
        </button>
      </form>
      <div className="transfer-outcome" aria-live="polite">
        {run.state !== 'idle' && <ImportState run={run} />}
        {busy && <ProgressLine progress={run.progress} testId="import-progress" />}
        {run.state === 'done' && run.result && <ImportReportView result={run.result} />}
        {run.state === 'failed' && <ImportFailure run={run} />}
      </div>
    </section>
  );
}

/** Where the import stands; a file that imported nothing with a warning says so in amber, not green. */
function ImportState({ run }: { run: ImportRun }) {
  const t = useT();
  const warned = run.state === 'done' && run.result !== null && hasWarnings(run.result);
  return (
    <p className={`transfer-state transfer-state--${warned ? 'warning' : run.state}`} data-testid="import-state" data-state={run.state} data-warned={warned}>
      {t(warned ? 'transfer.import.state.nothing' : STATE[run.state], { file: run.fileName ?? '' })}
    </p>
  );
}

/** Why nothing was imported: every bad row when the file was refused, else the reason. */
function ImportFailure({ run }: { run: ImportRun }) {
  const t = useT();
  if (run.code === 'IMPORT_INVALID') {
    return (
      <div className="transfer-failure" role="alert" data-testid="import-failure">
        <p className="transfer-failure__title">{t('transfer.import.invalid', { file: run.fileName ?? '', count: run.rowErrorTotal })}</p>
        {run.rowErrors.length > 0 ? <RowErrorTable errors={run.rowErrors} total={run.rowErrorTotal} /> : run.message && <CoreDetails message={run.message} />}
      </div>
    );
  }
  const reason =
    run.code === 'UPLOAD_TOO_LARGE'
      ? t('transfer.import.tooLarge')
      : run.code === 'BROWSER_READ_FAILED'
        ? t('transfer.import.unreadable')
        : errorText(t, run.code ?? 'INTERNAL', run.details);
  return (
    <div className="transfer-failure" role="alert" data-testid="import-failure">
      <p className="transfer-failure__title">
        {t('transfer.import.failed')} {reason}
      </p>
      {run.message && <CoreDetails message={run.message} />}
    </div>
  );
}
