import { useCallback } from 'react';
import { usePackdesk } from '../store/context.js';
import { translate, type MessageKey, type MessageVars } from './index.js';

export type T = (key: MessageKey, vars?: MessageVars) => string;

/** The t(key, vars) of the station's current language. */
export function useT(): T {
  const language = usePackdesk((s) => s.settings.language);
  return useCallback((key, vars) => translate(language, key, vars), [language]);
}
