import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/useT.js';
import { usePackdesk } from '../../store/context.js';
import type { QueuePrintout } from '../../store/queue.js';
import { PickListWave } from './PickListWave.js';
import './picklist.css';

/** Set on <body> while the pick list is open: the print stylesheet then prints it and nothing else. */
export const PRINTING_CLASS = 'picklist-open';

interface Props {
  printout: QueuePrintout;
  onClose(): void;
  /** Opens the browser's print dialog as soon as the pages are laid out. */
  autoPrint?: boolean;
}

function print() {
  // Electron and Chromium have it; DOMs without printing (tests) do not.
  if (typeof window.print === 'function') window.print();
}

/**
 * The A4 pick list through the browser's print: on screen a preview of the pages over the app,
 * on paper the pages alone. It sits outside the app's root (a portal on <body>) so the print
 * stylesheet can hide everything else without knowing the app's layout.
 */
export function PickListPrint({ printout, onClose, autoPrint = true }: Props) {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const printButton = useRef<HTMLButtonElement>(null);
  const printedAt = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(printout.builtAt);

  useEffect(() => {
    document.body.classList.add(PRINTING_CLASS);
    printButton.current?.focus();
    return () => document.body.classList.remove(PRINTING_CLASS);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies(printout): a new printout is printed again
  useEffect(() => {
    if (!autoPrint) return;
    // One frame later the pages are laid out, so the print dialog sees them all.
    const frame = requestAnimationFrame(print);
    return () => cancelAnimationFrame(frame);
  }, [printout, autoPrint]);

  return createPortal(
    <div
      className="picklist-print"
      role="dialog"
      aria-modal="true"
      aria-label={t('queue.picklist.dialog')}
      data-testid="picklist-print"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="picklist-print__toolbar">
        <button ref={printButton} type="button" className="button button--big" onClick={print} data-testid="picklist-print-again">
          {t('queue.picklist.print')}
        </button>
        <button type="button" className="button button--big" onClick={onClose} data-testid="picklist-close">
          {t('queue.picklist.close')}
        </button>
        <span className="picklist-print__hint">{t('queue.picklist.hint', { count: printout.waves.length })}</span>
      </div>
      {printout.waves.map((wave, i) => (
        <PickListWave key={wave.orderIds.join(' ')} wave={wave} number={i + 1} of={printout.waves.length} printedAt={printedAt} station={printout.station} />
      ))}
    </div>,
    document.body,
  );
}
