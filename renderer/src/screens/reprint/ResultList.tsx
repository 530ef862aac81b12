import type { KeyboardEvent, Ref } from 'react';
import type { OrderView } from '../../../../core/api/views.js';
import { StatusChips } from '../../components/StatusChips.js';
import { useT } from '../../i18n/useT.js';

interface Props {
  results: OrderView[];
  selectedId: string | null;
  onSelect(orderId: string): void;
  onReprint(orderId: string): void;
  /** ↑ from the first result goes back to the search field. */
  onToSearch(): void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The orders found, as a list box: ↓ ↑ choose (and load the label), Enter reprints the chosen
 * order, a click chooses. Focus and choice move together, so Enter prints what is highlighted.
 */
export function ResultList({ results, selectedId, onSelect, onReprint, onToSearch, ref }: Props) {
  const t = useT();
  const focusable = selectedId !== null && results.some((o) => o.id === selectedId) ? selectedId : results[0]?.id;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>, index: number) {
    const move = (to: number) => {
      const target = results[to];
      if (!target) return;
      onSelect(target.id);
      (e.currentTarget.parentElement?.children[to] as HTMLElement | undefined)?.focus();
    };
    const order = results[index]!;
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') {
      if (index === 0) onToSearch();
      else move(index - 1);
    } else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(results.length - 1);
    else if (e.key === 'Enter') {
      onSelect(order.id);
      onReprint(order.id);
    } else if (e.key === ' ') onSelect(order.id);
    else return;
    e.preventDefault();
  }

  if (results.length === 0) return null;
  return (
    <div ref={ref} className="result-list" role="listbox" aria-label={t('reprint.results.label')}>
      {results.map((o, i) => {
        const selected = o.id === selectedId;
        return (
          <div
            key={o.id}
            role="option"
            aria-selected={selected}
            tabIndex={o.id === focusable ? 0 : -1}
            className={`result${selected ? ' is-selected' : ''}`}
            data-testid="search-result"
            data-order-id={o.id}
            onClick={() => onSelect(o.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className="result__row">
              <span className="result__id">{o.id}</span>
              <StatusChips order={o} />
              <span className="result__status">{t(`orderStatus.${o.status}`)}</span>
            </span>
            <span className="result__row">
              <span className="result__name">{o.recipient.name}</span>
              <span className="result__tracking">{o.trackingNumber || t('reprint.order.none.value')}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
