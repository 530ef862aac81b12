import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { errorKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import type { BatchOptions } from '../store/queue-batch.js';
import { PickListPrint } from './picklist/PickListPrint.js';
import { BatchPanel } from './queue/BatchPanel.js';
import { QueueActions, QueueOptions } from './queue/QueueActions.js';
import { QueueFilterBar } from './queue/QueueFilterBar.js';
import { QueueList } from './queue/QueueList.js';
import './queue/queue.css';

/**
 * The core works out urgency when asked; asking again this often moves rows into amber as their
 * deadline comes within 6 hours (and lets the core apply its automatic rules) while nobody acts.
 */
export const QUEUE_REFRESH_MS = 60_000;

/**
 * Pick queue: orders awaiting shipment, most urgent first; select many and act on them at once.
 * The filters and options fold away behind one button, so the list gets the height.
 * Double-click or Enter on a row opens that order in Pack.
 */
export function QueueScreen({ onOpenOrder }: { onOpenOrder?(orderId: string): void }) {
  const t = useT();
  const store = usePackdeskStore();
  // The store's actions never change; the state object around them does, on every update.
  const actions = useMemo(() => store.getState(), [store]);
  const filters = usePackdesk((s) => s.queue.filters);
  const total = usePackdesk((s) => s.queue.total);
  const pages = usePackdesk((s) => s.queue.pages);
  const generation = usePackdesk((s) => s.queue.generation);
  const answered = usePackdesk((s) => s.queue.answeredGeneration);
  const loaded = usePackdesk((s) => s.queue.loaded);
  const error = usePackdesk((s) => s.queue.error);
  const carriers = usePackdesk((s) => s.queue.carriers);
  const selection = usePackdesk((s) => s.queue.selection);
  const batch = usePackdesk((s) => s.queue.batch);
  const printout = usePackdesk((s) => s.queue.printout);
  const [options, setOptions] = useState<Required<BatchOptions>>({ singleItemFirst: false, allowUnpacked: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.keys(filters).length + (options.singleItemFirst ? 1 : 0) + (options.allowUnpacked ? 1 : 0);
  const shown = answered === generation;

  useEffect(() => {
    void actions.loadQueue();
    const timer = setInterval(() => void actions.loadQueue(), QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [actions]);

  useFilterPaintedMark(generation, shown);

  return (
    <div className="queue-screen" data-testid="screen-queue">
      <div className="queue-toolbar">
        <button
          type="button"
          className={`button queue-toolbar__filters${activeFilters > 0 ? ' is-filtered' : ''}`}
          aria-expanded={filtersOpen}
          aria-controls="queue-filter-panel"
          data-testid="filters-toggle"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          {t('queue.filters.toggle')}
          {activeFilters > 0 && <span className="queue-toolbar__badge">{activeFilters}</span>}
          <span aria-hidden="true">{filtersOpen ? ' ▴' : ' ▾'}</span>
        </button>
        <QueueActions
          total={total}
          selectedCount={selection.ids.size}
          gathering={selection.gathering}
          busy={batch?.running ?? false}
          onSelectAll={() => void actions.queueSelectAll()}
          onClearSelection={actions.queueClearSelection}
          onPrintPickList={() => void actions.queuePrintPickList(options)}
          onPrintA4={() => void actions.queuePrintA4(options)}
          onPrintLabels={() => void actions.queuePrintLabels()}
          onArrange={() => void actions.queueArrange(options)}
        />
      </div>
      {filtersOpen && (
        <div id="queue-filter-panel" className="queue-filter-panel">
          <QueueFilterBar filters={filters} carriers={carriers} onChange={(f) => void actions.setQueueFilters(f)} />
          <QueueOptions options={options} onOptions={setOptions} />
        </div>
      )}
      {batch && <BatchPanel batch={batch} onResume={() => void actions.queueResumeLabels()} onDismiss={actions.queueDismissBatch} />}
      {error && (
        <p className="queue-screen__error" role="alert">
          {t(errorKey(error))}
        </p>
      )}
      {loaded && shown && total === 0 ? (
        <p className="queue-screen__empty">{t('queue.empty')}</p>
      ) : (
        <QueueList
          total={total}
          pages={pages}
          generation={generation}
          selected={selection.ids}
          onToggle={actions.queueToggle}
          onExtend={actions.queueSelectRange}
          onSelectAll={actions.queueSelectAll}
          onClearSelection={actions.queueClearSelection}
          onView={actions.queueViewRange}
          {...(onOpenOrder && { onOpen: onOpenOrder })}
        />
      )}
      <p className="queue-screen__keys muted">{t('queue.keys')}</p>
      {printout && <PickListPrint printout={printout} onClose={actions.queueClosePrintout} />}
    </div>
  );
}

/**
 * 'queue-filter-painted' for the filter benchmark (paired with 'queue-filter-start' in the store):
 * the layout effect runs once the first page of the new filter is in the DOM, and the frame it asks
 * for runs just before that DOM is painted.
 */
function useFilterPaintedMark(generation: number, shown: boolean) {
  useLayoutEffect(() => {
    if (!shown || generation === 0) return;
    const frame = requestAnimationFrame(() => performance.mark?.('queue-filter-painted', { detail: { generation } }));
    return () => cancelAnimationFrame(frame);
  }, [generation, shown]);
}
