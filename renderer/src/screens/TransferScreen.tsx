import { useEffect } from 'react';
import { useT } from '../i18n/useT.js';
import { usePackdeskStore } from '../store/context.js';
import { ExportPanel } from './transfer/ExportPanel.js';
import { ImportPanel } from './transfer/ImportPanel.js';
import './settings/forms.css';
import './transfer/transfer.css';

/** Import orders or the catalogue from a file, and export orders to files, with progress and a report. */
export function TransferScreen() {
  const t = useT();
  const { loadShopSettings } = usePackdeskStore().getState();
  // Dates in files are the shop's local time: the shop's time zone is needed both ways.
  useEffect(() => {
    void loadShopSettings();
  }, [loadShopSettings]);
  return (
    <section className="transfer-screen" data-testid="screen-transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <div className="transfer-screen__columns">
        <ImportPanel />
        <ExportPanel />
      </div>
    </section>
  );
}
