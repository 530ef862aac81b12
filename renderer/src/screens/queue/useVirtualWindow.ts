import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface VirtualWindow {
  /** First and last row index to render (overscan included); last < first when there are none. */
  first: number;
  last: number;
  /** Rows that fit in the viewport: PageUp/PageDown move by this much. */
  perPage: number;
  viewportHeight: number;
  onScroll(): void;
}

/** Before layout (and in test DOMs without layout) the viewport is taken to be this tall. */
const FALLBACK_HEIGHT = 600;

/**
 * Which rows of a fixed-height list are in view, from the scroll container's scrollTop and height.
 * State changes only when the window of rows changes, not on every scroll event, so scrolling
 * re-renders the list once per row crossed at most.
 */
export function useVirtualWindow(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): VirtualWindow {
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  const [top, setTop] = useState(0);

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [container]);

  const onScroll = useCallback(() => {
    const el = container.current;
    // Only the first row in view matters; keeping it (not scrollTop) in state skips re-renders.
    if (el) setTop(Math.floor(el.scrollTop / rowHeight));
  }, [container, rowHeight]);

  const perPage = Math.max(1, Math.floor(height / rowHeight));
  const first = Math.max(0, top - overscan);
  const last = Math.min(count - 1, top + perPage + overscan);
  return { first, last, perPage, viewportHeight: height, onScroll };
}
