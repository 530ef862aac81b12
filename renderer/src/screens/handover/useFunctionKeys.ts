import { useEffect, useRef } from 'react';

/** The function keys a screen may bind. Not F6/F7/F10: Chromium keeps those for itself. */
export type FunctionKey = 'F2' | 'F3' | 'F4' | 'F8' | 'F9';

/**
 * Binds plain function keys (no modifiers, no auto-repeat) to a screen's actions while enabled.
 * No letter keys: a scanner types letters. Handlers are read fresh on each key press.
 */
export function useFunctionKeys(keys: Partial<Record<FunctionKey, () => void>>, enabled: boolean): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
      const action = latest.current[e.key as FunctionKey];
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
