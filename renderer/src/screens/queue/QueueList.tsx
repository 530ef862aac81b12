import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT.js';
import { rowAt, type QueuePages } from '../../store/queue.js';
import { optionId, QueueRowView, ROW_HEIGHT } from './QueueRowView.js';
import { useVirtualWindow } from './useVirtualWindow.js';

/** Rows rendered beyond each edge of the viewport, so a fast wheel does not show blanks. */
const OVERSCAN = 8;

interface Props {
  total: number;
  pages: QueuePages;
  /** Changes with the filters: the list goes back to the top. */
  generation: number;
  selected: ReadonlySet<string>;
  onToggle(index: number): void;
  /** Extends the selection to `index`, from the anchor or else from `from`. */
  onExtend(index: number, from: number): void;
  onSelectAll(): void;
  onClearSelection(): void;
  /** Rows first..last are on screen (with overscan): their pages are wanted. */
  onView(first: number, last: number): void;
  /** Opens an order in Pack (double-click, or Enter on the active row). */
  onOpen?(orderId: string): void;
}

/**
 * The pick queue as a windowed listbox: a spacer as tall as every row, and only the rows in view
 * (plus overscan) in the DOM, so 5,000 orders scroll like 50. Keyboard: arrows move, Space selects,
 * Shift+arrows extend, Page Up/Down and Home/End jump, Ctrl+A selects all filtered, Esc clears,
 * Enter opens the active order in Pack.
 */
export function QueueList({ total, pages, generation, selected, onToggle, onExtend, onSelectAll, onClearSelection, onView, onOpen }: Props) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const win = useVirtualWindow(list, total, ROW_HEIGHT, OVERSCAN);
  const [active, setActive] = useState(0);
  const { first, last, onScroll } = win;

  // biome-ignore lint/correctness/useExhaustiveDependencies(generation): new filters (a new generation) put the list back at the top
  useEffect(() => {
    setActive(0);
    if (list.current) list.current.scrollTop = 0;
    onScroll();
  }, [generation, onScroll]);

  // biome-ignore lint/correctness/useExhaustiveDependencies(generation): new filters drop the loaded pages, so the rows in view are wanted again even if first and last did not move
  useEffect(() => {
    if (last >= first) onView(first, last);
  }, [first, last, generation, onView]);

  const reveal = useCallback(
    (index: number) => {
      const el = list.current;
      if (!el) return;
      const rowTop = index * ROW_HEIGHT;
      if (rowTop < el.scrollTop) el.scrollTop = rowTop;
      else if (rowTop + ROW_HEIGHT > el.scrollTop + win.viewportHeight) el.scrollTop = rowTop + ROW_HEIGHT - win.viewportHeight;
      onScroll();
    },
    [onScroll, win.viewportHeight],
  );

  const pick = useCallback(
    (index: number, extend: boolean) => {
      setActive(index);
      list.current?.focus({ preventScroll: true });
      if (extend) onExtend(index, index);
      else onToggle(index);
    },
    [onExtend, onToggle],
  );

  function onKeyDown(e: KeyboardEvent) {
    if (total === 0) return;
    const move = (to: number) => {
      const index = Math.max(0, Math.min(total - 1, to));
      setActive(index);
      reveal(index);
      if (e.shiftKey) onExtend(index, active);
    };
    switch (e.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + win.perPage);
        break;
      case 'PageUp':
        move(active - win.perPage);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(total - 1);
        break;
      case ' ':
        onToggle(active);
        break;
      case 'Enter': {
        const row = rowAt(pages, active);
        if (!row || !onOpen) return;
        onOpen(row.id);
        break;
      }
      case 'Escape':
        onClearSelection();
        break;
      case 'a':
      case 'A':
        if (!(e.ctrlKey || e.metaKey)) return;
        onSelectAll();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(pages, i);
    rows.push(
      <QueueRowView
        key={i}
        index={i}
        row={row}
        selected={row !== undefined && selected.has(row.id)}
        active={i === active}
        onPick={pick}
        {...(onOpen && { onOpen })}
      />,
    );
  }

  return (
    <div className="queue-list">
      <div className="queue-list__head" aria-hidden="true">
        <span />
        <span>{t('queue.col.deadline')}</span>
        <span>{t('queue.col.order')}</span>
        <span>{t('queue.col.carrier')}</span>
        <span>{t('queue.col.items')}</span>
      </div>
      <div
        ref={list}
        className="queue-list__scroll"
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('queue.list.label')}
        aria-activedescendant={total > 0 ? optionId(active) : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="queue-list"
      >
        <div className="queue-list__spacer" style={{ height: total * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
