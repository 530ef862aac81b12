import type { MessageKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';

/** A screen still to be built: it says what will be here, so nobody mistakes it for broken. */
export function PlaceholderScreen({ title, items }: { title: MessageKey; items: MessageKey[] }) {
  const t = useT();
  return (
    <section className="placeholder">
      <h2>{t(title)}</h2>
      <p>{t('placeholder.next')}</p>
      <ul>
        {items.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </section>
  );
}
