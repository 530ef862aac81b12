import type { MessageKey, MessageVars } from '../../i18n/index.js';
import type { RowError } from '../../store/transfer.js';

type Detail = { key: MessageKey; vars: MessageVars };

/**
 * The sentence for one refused row, built from the code and the facts the core found (column,
 * value, cell counts, limits) in the station's language; the core's English message is for the
 * CLI and logs. Null when the code says it all, or the facts it needs are missing.
 */
export function rowErrorDetail(e: RowError): Detail | null {
  const value = e.value;
  const withValue = (key: MessageKey): Detail | null => (value === undefined ? null : { key, vars: { value } });
  switch (e.code) {
    case 'MISSING_VALUE':
      return e.column ? { key: 'transfer.rowDetail.MISSING_VALUE', vars: { column: e.column } } : null;
    case 'BAD_NUMBER':
      return withValue('transfer.rowDetail.BAD_NUMBER');
    case 'BAD_DATE':
      return withValue('transfer.rowDetail.BAD_DATE');
    case 'UNKNOWN_STATUS':
      return withValue('transfer.rowDetail.UNKNOWN_STATUS');
    case 'CONFLICTING_ROWS':
      return withValue('transfer.rowDetail.CONFLICTING_ROWS');
    case 'BAD_ORDER_ID':
      return withValue('transfer.rowDetail.BAD_ORDER_ID');
    case 'BAD_TRACKING':
      return withValue('transfer.rowDetail.BAD_TRACKING');
    case 'CONTROL_CHARACTER':
      return withValue('transfer.rowDetail.CONTROL_CHARACTER');
    case 'ROW_TOO_SHORT':
    case 'ROW_TOO_LONG':
      return e.found !== undefined && e.expected !== undefined ? { key: `transfer.rowDetail.${e.code}`, vars: { found: e.found, expected: e.expected } } : null;
    case 'CELL_TOO_LONG':
      return e.found !== undefined && e.limit !== undefined ? { key: 'transfer.rowDetail.CELL_TOO_LONG', vars: { found: e.found, limit: e.limit } } : null;
    case 'MALFORMED_CSV':
      return { key: 'transfer.rowDetail.MALFORMED_CSV', vars: {} };
    case 'FILE_TRUNCATED':
      return { key: 'transfer.rowDetail.FILE_TRUNCATED', vars: {} };
    default:
      return null;
  }
}
