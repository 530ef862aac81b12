import { useEffect, useRef } from 'react';
import type { PackingBlock } from '../../store/packing.js';
import { useT } from '../../i18n/useT.js';

/**
 * Covers the screen when an order must not be packed (on hold, or the buyer asked to cancel).
 * Scans and shortcuts wait until the packer confirms; a scanner's Enter cannot confirm it,
 * because the capture swallows the Enter that ends a burst.
 */
export function BlockingBanner({ block, onAcknowledge }: { block: PackingBlock; onAcknowledge(): void }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const orderId = block.orderId ?? '';
  return (
    <div
      className="blocking"
      data-testid="pack-banner"
      data-code={block.code}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="blocking-title"
      aria-describedby="blocking-body"
    >
      <div className="blocking__box">
        <h2 id="blocking-title" className="blocking__title">
          {t(`pack.banner.title.${block.code}`)}
        </h2>
        <p id="blocking-body" className="blocking__body">
          {t(`pack.banner.body.${block.code}`, { orderId })}
        </p>
        <button ref={button} type="button" className="button button--big button--warning" onClick={onAcknowledge} data-testid="banner-ack">
          {t('pack.banner.acknowledge')}
        </button>
      </div>
    </div>
  );
}
