import { useT } from '../../i18n/useT.js';

/**
 * The station's own message (English, with paths and system errors): folded away under a
 * translated summary, for whoever fixes the computer; the packer reads the sentence above it.
 */
export function CoreDetails({ message }: { message: string }) {
  const t = useT();
  return (
    <details className="notice__core">
      <summary>{t('transfer.coreDetails')}</summary>
      <span lang="en">{message}</span>
    </details>
  );
}
