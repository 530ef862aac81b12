import type { ScanVerdict } from '../../../core/api/views.js';
import type { MessageVars } from '../i18n/index.js';
import { BLOCKING_CODES } from '../store/packing.js';
import type { Cue } from './sounds.js';

/** How a verdict looks: the core's ok flag decides green or red, the screen adds nothing to it. */
export type Feedback = 'ok' | 'complete' | 'error';

export function feedbackFor(verdict: Pick<ScanVerdict, 'ok' | 'code'>): Feedback {
  if (verdict.code === 'ORDER_COMPLETE') return 'complete';
  return verdict.ok ? 'ok' : 'error';
}

export function cueFor(verdict: Pick<ScanVerdict, 'ok' | 'code'>): Cue {
  if ((BLOCKING_CODES as readonly string[]).includes(verdict.code)) return 'alert';
  const feedback = feedbackFor(verdict);
  return feedback === 'complete' ? 'complete' : feedback === 'ok' ? 'accepted' : 'wrong';
}

/** The facts a verdict message may name, for the catalogue's placeholders. */
export function verdictVars(verdict: ScanVerdict): MessageVars {
  return {
    orderId: verdict.orderId ?? '',
    code: verdict.scannedCode,
    sku: verdict.line?.sellerSku ?? verdict.scannedCode,
    packed: verdict.line?.packedQty ?? verdict.progress?.packed ?? 0,
    qty: verdict.line?.qty ?? 0,
    total: verdict.progress?.total ?? verdict.order?.unitsOrdered ?? 0,
    // The number that picks the plural form ("1 item", "3 items"): the units in the order.
    count: verdict.progress?.total ?? verdict.order?.unitsOrdered ?? 0,
  };
}
