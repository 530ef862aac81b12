import { useState, type FormEvent } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../../core/shared/vocabulary.js';
import { errorKey, type MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { isBusy, type TransferState } from '../../store/transfer.js';
import { dayEnd, dayStart, defaultExportDays } from './dates.js';
import { CoreDetails } from './CoreDetails.js';
import { ProgressLine } from './ProgressLine.js';
import { statusKey } from './statuses.js';

const STATE: Record<Exclude<TransferState, 'reading'>, MessageKey> = {
  idle: 'transfer.export.state.idle',
  running: 'transfer.export.state.running',
  done: 'transfer.export.state.done',
  failed: 'transfer.export.state.failed',
};

type Problem = 'transfer.export.needDir' | 'transfer.export.badDates';

/**
 * Exports orders as CSV files of up to 15,000 rows. The core writes them on the station
 * computer (the browser cannot be handed a folder), so the screen names the files it wrote.
 */
export function ExportPanel({ now = Date.now }: { now?: () => number }) {
  const t = useT();
  const run = usePackdesk((s) => s.transfer.export);
  const offset = usePackdesk((s) => s.shop.settings?.timeZoneOffsetMinutes ?? 0);
  const { exportOrders } = usePackdeskStore().getState();
  const [dir, setDir] = useState(run.dir);
  const [days, setDays] = useState(() => defaultExportDays(now(), offset));
  const [statuses, setStatuses] = useState<OrderStatus[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const busy = isBusy(run.state);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (dir.trim() === '') return setProblem('transfer.export.needDir');
    const from = days.from ? dayStart(days.from, offset) : undefined;
    const to = days.to ? dayEnd(days.to, offset) : undefined;
    if (from === null || to === null || (from !== undefined && to !== undefined && from >= to)) return setProblem('transfer.export.badDates');
    setProblem(null);
    void exportOrders({
      dir: dir.trim(),
      ...(statuses.length > 0 ? { status: statuses } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
  }

  const toggle = (s: OrderStatus, on: boolean) => setStatuses((all) => (on ? [...all.filter((x) => x !== s), s] : all.filter((x) => x !== s)));
  const state = run.state === 'reading' ? 'running' : run.state;

  return (
    <section className="form-panel transfer-panel" aria-labelledby="transfer-export-title" aria-busy={busy}>
      <h3 id="transfer-export-title">{t('transfer.export.title')}</h3>
      <form className="transfer-form" onSubmit={submit} noValidate>
        <label className="form-field">
          <span>{t('transfer.export.dir')}</span>
          <input
            className="text-field"
            value={dir}
            maxLength={4096}
            placeholder={t('transfer.export.dirPlaceholder')}
            onChange={(e) => setDir(e.target.value)}
            aria-describedby="export-dir-hint"
            data-testid="export-dir"
          />
          <small id="export-dir-hint" className="muted">
            {t('transfer.export.dirHint')}
          </small>
        </label>
        <div className="form-row">
          <label className="form-field">
            <span>{t('transfer.export.from')}</span>
            <input
              className="text-field"
              type="date"
              value={days.from}
              onChange={(e) => setDays((d) => ({ ...d, from: e.target.value }))}
              data-testid="export-from"
            />
          </label>
          <label className="form-field">
            <span>{t('transfer.export.to')}</span>
            <input
              className="text-field"
              type="date"
              value={days.to}
              onChange={(e) => setDays((d) => ({ ...d, to: e.target.value }))}
              data-testid="export-to"
            />
          </label>
        </div>
        <fieldset className="form-choices transfer-statuses">
          <legend>{t('transfer.export.statuses')}</legend>
          {ORDER_STATUSES.map((s) => (
            <label key={s} className="choice">
              <input type="checkbox" checked={statuses.includes(s)} onChange={(e) => toggle(s, e.target.checked)} data-testid={`export-status-${s}`} />
              {t(statusKey(s))}
            </label>
          ))}
        </fieldset>
        <p className="muted transfer-hint">{t('transfer.export.hint')}</p>
        {problem && (
          <p className="form-problem" role="alert" data-testid="export-problem">
            {t(problem)}
          </p>
        )}
        <button type="submit" className="button button--big button--primary" disabled={busy} data-testid="export-submit">
          {t('transfer.export.submit')}
        </button>
      </form>
      <div className="transfer-outcome" aria-live="polite">
        {state !== 'idle' && (
          <p className={`transfer-state transfer-state--${state}`} data-testid="export-state" data-state={state}>
            {t(STATE[state])}
          </p>
        )}
        {busy && <ProgressLine progress={run.progress} testId="export-progress" />}
        {run.state === 'done' && run.result && (
          <div data-testid="export-result">
            <p>
              {run.result.files.length === 0
                ? t('transfer.export.nothing')
                : t('transfer.export.summary', { orders: run.result.orders, rows: run.result.rows, files: run.result.files.length })}
            </p>
            {run.result.files.length > 0 && (
              <ul className="export-files" data-testid="export-files">
                {run.result.files.map((f) => (
                  <li key={f} className="export-files__file" data-testid="export-file">
                    {f}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {run.state === 'failed' && (
          <div className="transfer-failure" role="alert" data-testid="export-failure">
            <p className="transfer-failure__title">
              {t('transfer.export.failed', { dir: run.dir })} {t(exportReason(run.code))}
            </p>
            {run.message && <CoreDetails message={run.message} />}
          </div>
        )}
      </div>
    </section>
  );
}

/** Why an export failed, in the packer's words: the core reports a folder it cannot write to as FILE_UNREADABLE. */
function exportReason(code: string | null | undefined): MessageKey {
  if (code === 'FILE_UNREADABLE' || code === 'FOLDER_NOT_WRITABLE') return 'transfer.export.cannotWrite';
  return errorKey(code ?? 'INTERNAL');
}
