import { useEffect, useState, type ReactNode } from 'react';
import { NavBar, type Screen } from './components/NavBar.js';
import { ScreenBoundary } from './components/ScreenBoundary.js';
import { SlipPageDialog } from './components/SlipPageDialog.js';
import { StatusBar } from './components/StatusBar.js';
import { useT } from './i18n/useT.js';
import { usePackdesk, usePackdeskStore } from './store/context.js';
import { HandoverScreen } from './screens/HandoverScreen.js';
import { PackScreen } from './screens/PackScreen.js';
import { QueueScreen } from './screens/QueueScreen.js';
import { ReprintScreen } from './screens/ReprintScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { PrintersScreen } from './screens/PrintersScreen.js';
import { TransferScreen } from './screens/TransferScreen.js';
import { SyncPanel } from './screens/sync/SyncPanel.js';

/** The screens, and the sync panel (opened from the status bar, not the navigation). */
type View = Screen | 'sync';

function screenOf(screen: View, openOrder: (orderId: string) => void): ReactNode {
  switch (screen) {
    case 'pack':
      return <PackScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'queue':
      return <QueueScreen onOpenOrder={openOrder} />;
    case 'handover':
      return <HandoverScreen />;
    case 'reprint':
      return <ReprintScreen />;
    case 'printers':
      return <PrintersScreen />;
    case 'transfer':
      return <TransferScreen />;
    case 'sync':
      return <SyncPanel />;
  }
}

function ScreenFailed({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <section className="screen-failed" role="alert" data-testid="screen-failed">
      <h2>{t('app.screenFailed')}</h2>
      <button type="button" className="button" onClick={retry} data-testid="screen-retry">
        {t('app.retry')}
      </button>
    </section>
  );
}

/** The shell: screens on top, the work in the middle, the station's state along the bottom. */
export function App({ initialScreen = 'pack' }: { initialScreen?: View }) {
  const [screen, setScreen] = useState<View>(initialScreen);
  const language = usePackdesk((s) => s.settings.language);
  const store = usePackdeskStore();
  // From the queue: the order goes on the bench, as if its id had been scanned at the Pack screen.
  const openOrder = (orderId: string) => {
    setScreen('pack');
    void store.getState().openOrder(orderId);
  };
  useEffect(() => {
    // Lets the browser pick CJK fonts and line breaking for Chinese.
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="app">
      <NavBar screen={screen} onSelect={setScreen} />
      <main className="app__main">
        <ScreenBoundary key={screen} fallback={(retry) => <ScreenFailed retry={retry} />}>
          {screenOf(screen, openOrder)}
        </ScreenBoundary>
      </main>
      <StatusBar onOpenSync={() => setScreen('sync')} />
      <SlipPageDialog />
    </div>
  );
}
