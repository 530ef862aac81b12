import type { ErrorCode } from '../../../core/domain/errors.js';
import type { ScanVerdictCode } from '../../../core/domain/packing.js';
import type { PrinterCondition } from '../../../printer/status/types.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };
export type MessageVars = Record<string, string | number>;

const catalogues: Record<Language, Catalogue> = { en, 'zh-CN': zhCN };

/**
 * Every code the core can put in front of the packer has a message. If the core adds a code,
 * this stops compiling until both catalogues say something for it.
 */
type Missing<K extends string> = Exclude<K, MessageKey>;
type NoneMissing = [
  Missing<`verdict.${ScanVerdictCode}` | `verdictShort.${ScanVerdictCode}` | `error.${ErrorCode}` | `printer.condition.${PrinterCondition}`>,
] extends [never]
  ? true
  : never;
export const everyCodeHasAMessage: NoneMissing = true;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The form of `key` for a numeric {count}: the catalogue may hold `key#one`, `key#few`, … beside
 * `key` (which is the "other" form), picked by Intl.PluralRules for the language.
 */
function pluralKey(language: Language, key: MessageKey, count: unknown): MessageKey {
  if (typeof count !== 'number') return key;
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const form = `${key}#${rules.select(count)}`;
  return form in catalogues[language] ? (form as MessageKey) : key;
}

/** The catalogue text for a key with {placeholders} filled in; unknown placeholders stay visible. */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const chosen = pluralKey(language, key, vars?.count);
  const text = catalogues[language][chosen] ?? en[chosen];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function verdictKey(code: ScanVerdictCode): MessageKey {
  return `verdict.${code}`;
}

export function verdictShortKey(code: ScanVerdictCode): MessageKey {
  return `verdictShort.${code}`;
}

/** A code from a failed call; codes newer than this renderer fall back to the generic message. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return key in en ? (key as MessageKey) : 'error.INTERNAL';
}

export function conditionKey(condition: PrinterCondition): MessageKey {
  return `printer.condition.${condition}`;
}

/** The language a fresh station starts in: the system's, when it is Chinese. */
export function systemLanguage(nav: Pick<Navigator, 'language'> | undefined): Language {
  return nav?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
