import type { ScanVerdict } from '../../../core/api/views.js';
import { verdictKey, type Language, type MessageKey, type MessageVars } from '../i18n/index.js';
import { shopTime } from '../i18n/shop-time.js';
import { BLOCKING_CODES } from '../store/packing.js';
import type { Cue } from './sounds.js';

/**
 * How a verdict looks: the core's ok flag decides green or red; an order scanned again after it
 * was packed is neither (nothing was refused, nothing moved on): amber.
 */
export type Feedback = 'ok' | 'complete' | 'info' | 'error';

export function feedbackFor(verdict: Pick<ScanVerdict, 'ok' | 'code'>): Feedback {
  if (verdict.code === 'ORDER_COMPLETE') return 'complete';
  if (verdict.code === 'ORDER_ALREADY_PACKED') return 'info';
  return verdict.ok ? 'ok' : 'error';
}

export function cueFor(verdict: Pick<ScanVerdict, 'ok' | 'code'>): Cue {
  const feedback = feedbackFor(verdict);
  // Not to be packed (again): the same call to look up as a held or cancelled order.
  if ((BLOCKING_CODES as readonly string[]).includes(verdict.code) || feedback === 'info') return 'alert';
  return feedback === 'complete' ? 'complete' : feedback === 'ok' ? 'accepted' : 'wrong';
}

/** What the verdict's words need beyond the verdict: the shop's clock for "packed at 10:25". */
export interface VerdictContext {
  language: Language;
  /** The shop's time zone (minutes east of UTC); 0 until the shop's settings are known. */
  timeZoneOffsetMinutes: number;
  now?: number;
}

/**
 * The catalogue key and facts for a verdict's sentence. Items are named by what the core says
 * was scanned (scannedItem) or counted (line), never by the raw code when a SKU is known.
 */
export function verdictMessage(verdict: ScanVerdict, ctx: VerdictContext): { key: MessageKey; vars: MessageVars } {
  const vars = verdictVars(verdict);
  switch (verdict.code) {
    case 'WRONG_ITEM':
      return verdict.scannedItem
        ? { key: 'verdict.WRONG_ITEM.named', vars: { ...vars, sku: verdict.scannedItem.sellerSku, name: verdict.scannedItem.name } }
        : { key: 'verdict.WRONG_ITEM', vars };
    case 'OVER_SCAN':
      return verdict.line
        ? { key: 'verdict.OVER_SCAN.named', vars: { ...vars, sku: verdict.line.sellerSku, name: verdict.line.name } }
        : { key: 'verdict.OVER_SCAN', vars };
    case 'ORDER_ALREADY_PACKED': {
      const packedAt = verdict.packedAt ?? verdict.order?.packedAt ?? null;
      if (packedAt === null) return { key: 'verdict.ORDER_ALREADY_PACKED.plain', vars };
      const time = shopTime(packedAt, ctx.timeZoneOffsetMinutes, ctx.language, ctx.now);
      const packer = verdict.packedBy ?? verdict.order?.packedBy ?? null;
      return packer
        ? { key: 'verdict.ORDER_ALREADY_PACKED', vars: { ...vars, time, packer } }
        : { key: 'verdict.ORDER_ALREADY_PACKED.noPacker', vars: { ...vars, time } };
    }
    default:
      return { key: verdictKey(verdict.code), vars };
  }
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
