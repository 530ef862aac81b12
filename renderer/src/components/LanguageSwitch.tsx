import { LANGUAGES } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';

/** EN / 中文, each named in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const { updateSettings } = usePackdeskStore().getState();
  return (
    <fieldset className="language-switch" aria-label={t('language.label')} data-testid="lang-switch">
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`button button--small${lang === language ? ' is-active' : ''}`}
          aria-pressed={lang === language}
          onClick={() => updateSettings({ language: lang })}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
}
