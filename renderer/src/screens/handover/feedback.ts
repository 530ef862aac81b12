import type { HandoverVerdictCode } from '../../../../core/api/views.js';
import type { Cue } from '../../feedback/sounds.js';
import type { MessageKey } from '../../i18n/index.js';

/** How a handover verdict looks: added (green), already counted (amber), set aside (red). */
export type HandoverFeedback = 'ok' | 'duplicate' | 'error';

export function handoverFeedback(v: { verdict: HandoverVerdictCode; ok: boolean }): HandoverFeedback {
  if (v.ok) return 'ok';
  return v.verdict === 'PARCEL_ALREADY_IN_BATCH' ? 'duplicate' : 'error';
}

/**
 * The sound says which pile the parcel goes on. A parcel scanned twice does belong: it must not
 * sound like one to set aside, or it would miss the courier while the core counts it as handed over.
 */
export function handoverCue(v: { verdict: HandoverVerdictCode; ok: boolean }): Cue {
  return handoverFeedback(v) === 'error' ? 'wrong' : 'accepted';
}

export const handoverVerdictKey = (code: HandoverVerdictCode): MessageKey => `handover.verdict.${code}`;
export const handoverReasonKey = (code: HandoverVerdictCode): MessageKey => `handover.reason.${code}`;
