import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.js';
import type { CapturedScan } from '../scanner/scan.js';
import { useScanner } from '../scanner/useScanner.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import { SEARCH_LIMIT } from '../store/search.js';
import { useFunctionKeys } from './handover/useFunctionKeys.js';
import { JobHistory } from './reprint/JobHistory.js';
import { LabelPreview } from './reprint/LabelPreview.js';
import { PackageLabels } from './sync/PackageLabels.js';
import { OrderDetails } from './reprint/OrderDetails.js';
import { ReprintNotice } from './reprint/ReprintNotice.js';
import { ResultList } from './reprint/ResultList.js';
import { SearchBox } from './reprint/SearchBox.js';
import './reprint/reprint.css';

/** Reprint / search: find an order by anything on its label, see what printed, print it again. */
export function ReprintScreen() {
  const t = useT();
  const search = usePackdesk((s) => s.search);
  const actions = usePackdeskStore().getState();
  const [text, setText] = useState(search.text);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const { results, selectedId, order } = search;

  useEffect(() => field.current?.focus(), []);

  // A scanned label searches at once, wherever the focus is.
  // A burst cut short is said until the next scan; its fragment is never searched for.
  const [cutShort, setCutShort] = useState(false);
  const onScan = useCallback(
    (scan: CapturedScan) => {
      setCutShort(false);
      setText(scan.code);
      void actions.searchOrders(scan.code);
    },
    [actions],
  );
  useScanner(onScan, { onIncomplete: () => setCutShort(true) });

  const reprint = () => void actions.reprintSelected();
  useFunctionKeys(
    {
      // biome-ignore lint/correctness/noComponentHookFactories: F2 is a key name mapped to a handler, not a component
      F2: () => {
        field.current?.focus();
        field.current?.select();
      },
      F8: reprint,
    },
    true,
  );

  function toResults() {
    const option = list.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    if (!option) return;
    option.focus();
    if (option.dataset.orderId) void actions.selectOrder(option.dataset.orderId);
  }

  let status: string;
  if (search.searching) status = t('reprint.search.searching');
  else if (!search.searched) status = t('reprint.search.idle');
  else if (results.length === 0) status = t('reprint.search.none', { text: search.text });
  else status = t(results.length >= SEARCH_LIMIT ? 'reprint.search.more' : 'reprint.search.count', { count: results.length, text: search.text });

  return (
    <div className="reprint-screen" data-testid="screen-reprint">
      <section className="reprint-screen__search" aria-label={t('reprint.title')}>
        <SearchBox
          ref={field}
          text={text}
          searching={search.searching}
          onText={setText}
          onSearch={(s) => void actions.searchOrders(s)}
          onToResults={toResults}
        />
        {cutShort ? (
          <p className="reprint-screen__status notice notice--error" role="alert" data-testid="reprint-scan-incomplete">
            {t('pack.scanIncomplete')}
          </p>
        ) : (
          <p className="reprint-screen__status muted" aria-live="polite">
            {status}
          </p>
        )}
        <ResultList
          ref={list}
          results={results}
          selectedId={selectedId}
          onSelect={(id) => void actions.selectOrder(id)}
          onReprint={reprint}
          onToSearch={() => field.current?.focus()}
        />
        <p className="reprint-screen__keys muted">{t('reprint.keys')}</p>
      </section>
      <section className="reprint-screen__order">
        {order ? (
          <>
            <div className="reprint-bar">
              <button
                type="button"
                className="button button--big button--primary"
                data-testid="reprint-button"
                disabled={search.printing}
                onClick={reprint}
                aria-keyshortcuts="F8"
              >
                {search.printing ? t('reprint.printing') : t('reprint.reprint')} <kbd>F8</kbd>
              </button>
              <div className="reprint-bar__slip">
                <button type="button" className="button" data-testid="reprint-slip" disabled={search.printing} onClick={() => void actions.printSlipSelected()}>
                  {t('pack.action.packingSlip')}
                </button>
                <button type="button" className="button" data-testid="reprint-slip-page" onClick={() => void actions.openSlipPage(order.id)}>
                  {t('pack.action.slipPage')}
                </button>
              </div>
              <ReprintNotice notice={search.notice} onDismiss={actions.dismissSearchNotice} />
            </div>
            <OrderDetails order={order} />
            <PackageLabels order={order} />
            <JobHistory jobs={search.jobs} resending={search.resending} onResend={(jobId) => void actions.resendJob(jobId)} />
          </>
        ) : (
          <>
            <ReprintNotice notice={search.notice} onDismiss={actions.dismissSearchNotice} />
            <p className="reprint-screen__idle">{t('reprint.order.none')}</p>
          </>
        )}
      </section>
      <aside className="reprint-screen__preview">
        {selectedId && <LabelPreview orderId={selectedId} preview={search.preview} error={search.previewError} />}
      </aside>
    </div>
  );
}
