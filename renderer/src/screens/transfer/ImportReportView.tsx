import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import type { ImportResult } from '../../store/transfer.js';

type Fact = [testId: string, label: MessageKey, value: string | number];

type Warning = ImportResult['report']['warnings'][number];

/** A file that imported nothing, and why, in the station's language. */
function warningKey(w: Warning, kind: ImportResult['kind']): MessageKey {
  if (w.code === 'FILE_HEADER_ONLY') return `transfer.warning.FILE_HEADER_ONLY.${kind}`;
  if (w.code === 'FILE_EMPTY' || w.code === 'FILE_WRONG_KIND') return `transfer.warning.${w.code}`;
  return 'transfer.warning.FILE_WRONG_KIND';
}

/** A report with warnings is no success: amber, never the green of a file that imported. */
export const hasWarnings = (result: ImportResult): boolean => result.report.warnings.length > 0;

/** What the import did, as the core counted it. */
export function ImportReportView({ result }: { result: ImportResult }) {
  const t = useT();
  const r = result.report;
  const facts: Fact[] =
    result.kind === 'orders'
      ? [
          ['rows', 'transfer.report.rows', r.rows],
          ['orders', 'transfer.report.orders', result.report.orders],
          ['created', 'transfer.report.created', r.created],
          ['updated', 'transfer.report.updated', r.updated],
          ['unchanged', 'transfer.report.unchanged', result.report.unchanged],
          ['kept-local', 'transfer.report.keptLocal', result.report.keptLocal],
          ['skus-created', 'transfer.report.skusCreated', result.report.skusCreated],
          ['date-order', 'transfer.report.dateOrder', dateOrderText(t, result.report.dateOrder)],
        ]
      : [
          ['rows', 'transfer.report.rows', r.rows],
          ['created', 'transfer.report.skusCreated', r.created],
          ['updated', 'transfer.report.skusUpdated', r.updated],
        ];
  const ignored = result.kind === 'orders' ? result.report.ignoredColumns : [];
  const warned = hasWarnings(result);
  return (
    <div className={`import-report${warned ? ' import-report--warning' : ''}`} data-testid="import-report" data-kind={result.kind} data-warned={warned}>
      {r.warnings.map((w) => (
        <p key={w.code} className="import-report__warning" role="alert" data-testid="import-warning" data-code={w.code}>
          {t(warningKey(w, result.kind))}
        </p>
      ))}
      <p className="import-report__title">
        {t(result.kind === 'orders' ? 'transfer.report.title.orders' : 'transfer.report.title.catalogue', { file: r.file })}
      </p>
      <dl className="import-report__facts">
        {facts.map(([id, label, value]) => (
          <div key={id} className="import-report__fact" data-testid={`import-report-${id}`}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {result.kind === 'orders' && result.report.keptLocal > 0 && <p className="muted">{t('transfer.report.keptLocalHint')}</p>}
      {ignored.length > 0 && (
        <p className="import-report__ignored" data-testid="import-report-ignored">
          {t('transfer.report.ignoredColumns', { columns: ignored.join(', ') })}
        </p>
      )}
    </div>
  );
}

function dateOrderText(t: (k: MessageKey) => string, order: string): string {
  return order === 'DMY' || order === 'MDY' || order === 'YMD' ? t(`transfer.dateOrder.${order}`) : order;
}
