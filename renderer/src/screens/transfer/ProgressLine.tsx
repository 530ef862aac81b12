import { useT } from '../../i18n/useT.js';
import type { Progress } from '../../store/transfer.js';

/** A bar that fills as the core reports progress, and moves without a figure until it does. */
export function ProgressLine({ progress, testId }: { progress: Progress | null; testId: string }) {
  const t = useT();
  const known = progress !== null && progress.total > 0;
  return (
    <div className="progress-line" data-testid={testId}>
      {known ? <progress className="progress" max={progress.total} value={progress.done} /> : <progress className="progress" />}
      {known && <span>{t('transfer.progress', { done: progress.done, total: progress.total })}</span>}
    </div>
  );
}
