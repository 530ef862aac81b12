import { useT } from '../../i18n/useT.js';

interface Props {
  connected: boolean;
  answering: boolean;
  /** Scans the station has not judged yet, kept to be sent again. */
  kept: number;
}

/**
 * Says, in red, that the station is not answering or not linked, and how many scans are kept for
 * it, so a packer never stares at "Checking…"; quiet when all is well.
 */
export function LinkNotice({ connected, answering, kept }: Props) {
  const t = useT();
  const down = !connected || !answering;
  if (!down && kept === 0) return null;
  const title = !connected ? t('pack.link.disconnected') : !answering ? t('pack.link.notAnswering') : t('pack.link.sending', { count: kept });
  return (
    <div
      className={`link-notice ${down ? 'link-notice--down' : ''}`}
      role={down ? 'alert' : 'status'}
      data-testid="pack-link"
      data-state={!connected ? 'disconnected' : !answering ? 'not-answering' : 'sending'}
      data-kept={kept}
    >
      <strong>{title}</strong>
      {down && kept > 0 && <span className="link-notice__kept">{t('pack.link.kept', { count: kept })}</span>}
    </div>
  );
}
