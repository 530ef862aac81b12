import { useEffect, useRef } from 'react';

export interface PackKeyHandlers {
  undo(): void;
  reprint(): void;
  shortPack(): void;
  toggleSingleItem(): void;
  focusManualEntry(): void;
}

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return (
    el.tagName === 'TEXTAREA' ||
    el.isContentEditable === true ||
    (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type))
  );
}

/**
 * Function keys for the packer's actions (F2 type a code, F3 single-item, F4 short-pack,
 * F8 reprint, F9 undo; Ctrl+Z undo outside text fields). No letter keys: a scanner types letters.
 * Not F6, F7 or F10: Chromium keeps those for itself (address bar, caret browsing, menu).
 */
export function usePackKeys(handlers: PackKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.repeat) return;
      const h = latest.current;
      const plain = !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
      let action: (() => void) | null = null;
      if (plain && e.key === 'F2') action = h.focusManualEntry;
      else if (plain && e.key === 'F3') action = h.toggleSingleItem;
      else if (plain && e.key === 'F4') action = h.shortPack;
      else if (plain && e.key === 'F8') action = h.reprint;
      else if (plain && e.key === 'F9') action = h.undo;
      else if (e.ctrlKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) action = h.undo;
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
