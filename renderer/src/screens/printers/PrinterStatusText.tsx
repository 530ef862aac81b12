import type { PrinterStatus } from '../../../../printer/status/types.js';
import { conditionKey, errorKey } from '../../i18n/index.js';
import { useT, type T } from '../../i18n/useT.js';
import { usePackdesk } from '../../store/context.js';
import type { PrinterCheck } from '../../store/printers.js';

type Tone = 'ok' | 'error' | 'muted';

/** How a printer is, in words: ready, or what is wrong with it and what to do. */
export function PrinterStatusText({ name }: { name: string }) {
  const t = useT();
  const status = usePackdesk((s) => s.status.printers[name]);
  const check = usePackdesk((s) => s.printers.checks[name]);
  const { text, tone, advice } = describe(t, status, check);
  return (
    <div className={`printer-status printer-status--${tone}`} data-testid="printer-status" data-tone={tone}>
      <span className="printer-status__text">{text}</span>
      {advice.map((a) => (
        <span key={a} className="printer-status__advice">
          {a}
        </span>
      ))}
    </div>
  );
}

function describe(t: T, status: PrinterStatus | undefined, check: PrinterCheck | undefined): { text: string; tone: Tone; advice: string[] } {
  if (check?.state === 'checking') return { text: t('printers.status.checking'), tone: 'muted', advice: [] };
  if (check?.state === 'failed') return { text: t('printers.status.failed'), tone: 'error', advice: [t(errorKey(check.code))] };
  if (status) {
    if (status.ready) {
      const text = status.labelsQueued ? t('printers.status.readyQueued', { count: status.labelsQueued }) : t('printers.status.ready');
      return { text, tone: 'ok', advice: [] };
    }
    if (status.conditions.length === 0) return { text: t('printers.status.notReady'), tone: 'error', advice: [] };
    return {
      text: t('printers.status.problem', { conditions: status.conditions.map((c) => t(conditionKey(c))).join(', ') }),
      tone: 'error',
      advice: status.conditions.map((c) => t(`printers.condition.${c}`)),
    };
  }
  if (check?.state === 'silent') return { text: t('printers.status.silent'), tone: 'muted', advice: [] };
  return { text: t('printers.status.unknown'), tone: 'muted', advice: [] };
}
