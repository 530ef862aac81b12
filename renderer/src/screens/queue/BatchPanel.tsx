import type { MessageKey } from '../../i18n/index.js';
import { errorText } from '../../i18n/error-text.js';
import { printerName } from '../../i18n/printer-name.js';
import { errorKey } from '../../i18n/index.js';
import type { T } from '../../i18n/useT.js';
import { useT } from '../../i18n/useT.js';
import type { OrderFailure, QueueBatch, QueueBatchAction, QueueOutcome } from '../../store/queue.js';

const TITLES: Record<QueueBatchAction, MessageKey> = {
  pickList: 'queue.batch.pickList',
  printA4: 'queue.batch.printA4',
  labels: 'queue.batch.labels',
  arrange: 'queue.batch.arrange',
};

/** Order ids listed per reason; past this the rest are counted, not listed. */
const LISTED_PER_REASON = 100;

interface Props {
  batch: QueueBatch;
  onResume(): void;
  onDismiss(): void;
}

/** The batch action under way (a progress bar from the core's events) and then what came of it, order by order. */
export function BatchPanel({ batch, onResume, onDismiss }: Props) {
  const t = useT();
  const { progress } = batch;
  return (
    <section className="batch-panel" aria-label={t(TITLES[batch.action], { count: batch.orderCount })}>
      <header className="batch-panel__head">
        <h3>{t(TITLES[batch.action], { count: batch.orderCount })}</h3>
        {!batch.running && (
          <button type="button" className="button button--small" onClick={onDismiss} data-testid="batch-dismiss">
            {t('queue.batch.dismiss')}
          </button>
        )}
      </header>
      {batch.running && (
        <div className="batch-panel__progress" data-testid="batch-progress">
          {/* Without a value the bar is indeterminate: the core sends no progress for this work. */}
          {progress ? <progress max={progress.total} value={progress.done} /> : <progress />}
          <span role="status">{progress ? t('queue.batch.progress', { done: progress.done, total: progress.total }) : t('queue.batch.working')}</span>
        </div>
      )}
      {batch.error && (
        <div className="batch-result is-error" role="alert" data-testid="batch-result">
          <strong>{t('queue.batch.failed')}</strong> {errorText(t, batch.error, batch.errorDetails)}
        </div>
      )}
      {batch.outcome && <Outcome outcome={batch.outcome} onResume={onResume} t={t} />}
    </section>
  );
}

function Outcome({ outcome, onResume, t }: { outcome: QueueOutcome; onResume(): void; t: T }) {
  switch (outcome.kind) {
    case 'pickList':
      return (
        <div className="batch-result is-ok" role="status" data-testid="batch-result">
          {t('queue.result.pickList', { printer: printerName(t, outcome.job.printerName) })}
        </div>
      );
    case 'printA4':
      return (
        <div className="batch-result is-ok" role="status" data-testid="batch-result">
          {t('queue.result.printA4', { count: outcome.waves })}
        </div>
      );
    case 'arrange': {
      const { arranged, failed } = outcome.result;
      return (
        <div className={`batch-result ${failed.length ? 'is-error' : 'is-ok'}`} role={failed.length ? 'alert' : 'status'} data-testid="batch-result">
          <p className="batch-result__summary">{t('queue.result.arrange', { arranged: arranged.length, failed: failed.length })}</p>
          <Failures failures={failed} t={t} />
        </div>
      );
    }
    case 'labels': {
      const { batch, refused, failed, unknown } = outcome;
      const paused = batch.state === 'PAUSED';
      const bad = paused || refused.length + batch.failed + batch.unknown > 0;
      return (
        <div className={`batch-result ${bad ? 'is-error' : 'is-ok'}`} role={bad ? 'alert' : 'status'} data-testid="batch-result">
          <p className="batch-result__summary">
            {t('queue.result.labels', {
              sent: batch.sent,
              failed: batch.failed,
              unknown: batch.unknown,
              refused: refused.length,
              printer: printerName(t, batch.printerName),
            })}
          </p>
          {paused && (
            <div className="batch-result__paused" data-testid="batch-paused">
              <p>
                <strong>{t('queue.result.paused', { count: batch.queued })}</strong> {t(errorKey(batch.pausedCode ?? 'INTERNAL'))}
              </p>
              <button type="button" className="button button--big button--warning" onClick={onResume} data-testid="action-resume">
                {t('queue.action.resume')}
              </button>
            </div>
          )}
          {unknown.length > 0 && <p className="batch-result__note">{t('queue.result.unknownNote')}</p>}
          <Failures failures={[...refused, ...failed, ...unknown]} t={t} />
        </div>
      );
    }
  }
}

/** Orders that were not done, grouped by reason so 4,000 of the same reason read as one line. */
function Failures({ failures, t }: { failures: readonly OrderFailure[]; t: T }) {
  if (failures.length === 0) return null;
  const byCode = new Map<string, string[]>();
  for (const f of failures) {
    const ids = byCode.get(f.code);
    if (ids) ids.push(f.orderId);
    else byCode.set(f.code, [f.orderId]);
  }
  return (
    <ul className="batch-result__failures">
      {[...byCode].map(([code, ids]) => (
        <li key={code} data-testid="batch-failure" data-code={code}>
          <strong>
            {t(errorKey(code))} — {t('queue.result.orders', { count: ids.length })}
          </strong>
          <span className="batch-result__ids">
            {ids.slice(0, LISTED_PER_REASON).join(', ')}
            {ids.length > LISTED_PER_REASON && ` ${t('queue.result.more', { count: ids.length - LISTED_PER_REASON })}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
