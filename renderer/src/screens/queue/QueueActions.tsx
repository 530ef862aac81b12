import { useT } from '../../i18n/useT.js';
import type { BatchOptions } from '../../store/queue-batch.js';

interface Props {
  total: number;
  selectedCount: number;
  gathering: boolean;
  busy: boolean;
  onSelectAll(): void;
  onClearSelection(): void;
  onPrintPickList(): void;
  onPrintA4(): void;
  onPrintLabels(): void;
  onArrange(): void;
}

/** What is selected, and what to do with it. Every button works on the selection, never on the page. */
export function QueueActions(p: Props) {
  const t = useT();
  const none = p.selectedCount === 0 || p.busy || p.gathering;
  return (
    <div className="queue-actions">
      <div className="queue-actions__selection">
        <p className="queue-actions__count" aria-live="polite">
          <strong>{t('queue.count', { count: p.total })}</strong> · <span data-testid="selection-count">{t('queue.selected', { count: p.selectedCount })}</span>
        </p>
        <button
          type="button"
          className="button"
          data-testid="action-select-all"
          disabled={p.total === 0 || p.gathering}
          onClick={p.onSelectAll}
          aria-keyshortcuts="Control+A"
        >
          {p.gathering ? t('queue.action.selectingAll') : t('queue.action.selectAll', { count: p.total })}
        </button>
        <button
          type="button"
          className="button"
          data-testid="action-clear-selection"
          disabled={p.selectedCount === 0}
          onClick={p.onClearSelection}
          aria-keyshortcuts="Escape"
        >
          {t('queue.action.clearSelection')}
        </button>
      </div>
      <div className="queue-actions__batch">
        <button type="button" className="button button--big" data-testid="action-print-picklist" disabled={none} onClick={p.onPrintPickList}>
          {t('queue.action.pickList')}
        </button>
        <button type="button" className="button button--big" data-testid="action-print-a4" disabled={none} onClick={p.onPrintA4}>
          {t('queue.action.printA4')}
        </button>
        <button type="button" className="button button--big" data-testid="action-print-labels" disabled={none} onClick={p.onPrintLabels}>
          {t('queue.action.labels')}
        </button>
        <button type="button" className="button button--big" data-testid="action-arrange" disabled={none} onClick={p.onArrange}>
          {t('queue.action.arrange')}
        </button>
      </div>
    </div>
  );
}

/** How pick lists and shipments are made for the selection; kept with the filters, out of the way. */
export function QueueOptions({ options, onOptions }: { options: Required<BatchOptions>; onOptions(options: Required<BatchOptions>): void }) {
  const t = useT();
  return (
    <div className="queue-options">
      <label className="switch queue-actions__option">
        <input
          type="checkbox"
          checked={options.singleItemFirst}
          onChange={(e) => onOptions({ ...options, singleItemFirst: e.target.checked })}
          data-testid="option-single-first"
        />
        {t('queue.option.singleItemFirst')}
      </label>
      <label className="switch queue-actions__option">
        <input
          type="checkbox"
          checked={options.allowUnpacked}
          onChange={(e) => onOptions({ ...options, allowUnpacked: e.target.checked })}
          data-testid="option-allow-unpacked"
        />
        {t('queue.option.allowUnpacked')}
      </label>
    </div>
  );
}
