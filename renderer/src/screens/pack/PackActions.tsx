import { useT } from '../../i18n/useT.js';

interface Props {
  hasOrder: boolean;
  /** An order to reprint for: the open one, or one just scanned that was packed already. */
  hasTarget: boolean;
  singleItemMode: boolean;
  onUndo(): void;
  onReprint(): void;
  onShortPack(): void;
  onPackingSlip(): void;
  onSlipPage(): void;
  onToggleSingleItem(): void;
}

/** The packer's buttons, each with the key that does the same. */
export function PackActions({ hasOrder, hasTarget, singleItemMode, onUndo, onReprint, onShortPack, onPackingSlip, onSlipPage, onToggleSingleItem }: Props) {
  const t = useT();
  return (
    <div className="pack-actions">
      <button type="button" className="button button--big" onClick={onUndo} disabled={!hasOrder} aria-keyshortcuts="F9 Control+Z" data-testid="pack-undo">
        {t('pack.action.undo')} <kbd>F9</kbd>
      </button>
      <button type="button" className="button button--big" onClick={onReprint} disabled={!hasTarget} aria-keyshortcuts="F8" data-testid="pack-reprint">
        {t('pack.action.reprint')} <kbd>F8</kbd>
      </button>
      <button type="button" className="button button--big" onClick={onShortPack} disabled={!hasOrder} aria-keyshortcuts="F4" data-testid="pack-short">
        {t('pack.action.shortPack')} <kbd>F4</kbd>
      </button>
      <div className="pack-actions__slip">
        <button type="button" className="button" onClick={onPackingSlip} disabled={!hasTarget} data-testid="pack-slip">
          {t('pack.action.packingSlip')}
        </button>
        <button type="button" className="button" onClick={onSlipPage} disabled={!hasTarget} data-testid="pack-slip-page">
          {t('pack.action.slipPage')}
        </button>
      </div>
      <label className="switch" title={t('pack.singleItem.hint')}>
        <input
          type="checkbox"
          role="switch"
          checked={singleItemMode}
          aria-checked={singleItemMode}
          onChange={onToggleSingleItem}
          aria-keyshortcuts="F3"
          data-testid="pack-single-item"
        />
        {t('pack.singleItem')} <kbd>F3</kbd>
      </label>
    </div>
  );
}
