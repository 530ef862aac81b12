import type { MessageKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export const SCREENS = ['pack', 'queue', 'handover', 'reprint', 'printers', 'transfer', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

const LABELS: Record<Screen, MessageKey> = {
  pack: 'nav.pack',
  queue: 'nav.queue',
  handover: 'nav.handover',
  reprint: 'nav.reprint',
  printers: 'nav.printers',
  transfer: 'nav.transfer',
  settings: 'nav.settings',
};

export function NavBar({ screen, onSelect }: { screen: Screen | 'sync'; onSelect(screen: Screen): void }) {
  const t = useT();
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">{t('app.title')}</h1>
      <nav aria-label={t('nav.label')} className="nav">
        {SCREENS.map((s) => (
          <button
            key={s}
            type="button"
            className={`nav__item${s === screen ? ' is-active' : ''}`}
            aria-current={s === screen ? 'page' : undefined}
            data-testid={`nav-${s}`}
            onClick={() => onSelect(s)}
          >
            {t(LABELS[s])}
          </button>
        ))}
      </nav>
      <LanguageSwitch />
    </header>
  );
}
