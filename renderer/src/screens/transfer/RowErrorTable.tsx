import type { MessageKey } from '../../i18n/index.js';
import { en } from '../../i18n/en.js';
import { useT } from '../../i18n/useT.js';
import type { RowError } from '../../store/transfer.js';
import { rowErrorDetail } from './rowErrorText.js';

/** A file with thousands of bad rows is one mistake repeated: the first rows show what to fix. */
export const MAX_ROWS_SHOWN = 500;

/** The catalogue message for a row problem; a code newer than this renderer gets the generic one. */
export function rowErrorKey(code: string): MessageKey {
  const key = `transfer.rowError.${code}`;
  return key in en ? (key as MessageKey) : 'transfer.rowError.UNKNOWN';
}

/**
 * Each row the core refused, with the column and what is wrong, in file order, in the station's
 * language. `total` counts every problem in the file (the core lists the first 1,000).
 */
export function RowErrorTable({ errors, total = errors.length }: { errors: RowError[]; total?: number }) {
  const t = useT();
  const shown = [...errors].sort((a, b) => a.row - b.row).slice(0, MAX_ROWS_SHOWN);
  return (
    <div className="row-errors">
      <table className="row-errors__table" data-testid="import-errors">
        <caption className="visually-hidden">{t('transfer.errors.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transfer.errors.row')}</th>
            <th scope="col">{t('transfer.errors.column')}</th>
            <th scope="col">{t('transfer.errors.problem')}</th>
            <th scope="col">{t('transfer.errors.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => {
            const detail = rowErrorDetail(e);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: an import report never changes and row, column and code can repeat (two bad barcodes in one cell); the place in the sorted report is the identity
              <tr key={`${e.row}:${e.column ?? ''}:${i}`} data-testid="import-error-row" data-row={e.row} data-code={e.code}>
                <td className="row-errors__row">{e.row}</td>
                <td>{e.column ?? '—'}</td>
                <td>{t(rowErrorKey(e.code))}</td>
                <td className="row-errors__detail" data-testid="import-error-detail">
                  {detail ? t(detail.key, detail.vars) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > shown.length && <p className="muted">{t('transfer.errors.more', { count: total - shown.length })}</p>}
    </div>
  );
}
