import { useEffect, useRef } from 'react';

/**
 * A plain Enter pressed by a person, while enabled. The scanner's own Enter (the suffix of a
 * burst) is swallowed by the scanner capture before it gets here; an Enter in a text field or on
 * a button is left to that field or button.
 */
export function useEnterKey(action: () => void, enabled: boolean): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== 'Enter' || e.defaultPrevented || e.repeat || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
      const el = e.target as HTMLElement | null;
      if (el && typeof el.closest === 'function' && el.closest('input, textarea, select, button, a, [contenteditable="true"]')) return;
      e.preventDefault();
      latest.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
