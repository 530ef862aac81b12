import { useEffect, useState, type ReactNode } from 'react';
import { NavBar, type Screen } from './components/NavBar.js';
import { StatusBar } from './components/StatusBar.js';
import { usePackdesk } from './store/context.js';
import { PackScreen } from './screens/PackScreen.js';
import { PlaceholderScreen } from './screens/PlaceholderScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';

function screenOf(screen: Screen): ReactNode {
  switch (screen) {
    case 'pack':
      return <PackScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'queue':
      return <PlaceholderScreen title="nav.queue" items={['placeholder.queue.1', 'placeholder.queue.2', 'placeholder.queue.3']} />;
    case 'handover':
      return <PlaceholderScreen title="nav.handover" items={['placeholder.handover.1', 'placeholder.handover.2']} />;
    case 'reprint':
      return <PlaceholderScreen title="nav.reprint" items={['placeholder.reprint.1', 'placeholder.reprint.2']} />;
    case 'printers':
      return <PlaceholderScreen title="nav.printers" items={['placeholder.printers.1', 'placeholder.printers.2', 'placeholder.printers.3']} />;
    case 'transfer':
      return <PlaceholderScreen title="nav.transfer" items={['placeholder.transfer.1', 'placeholder.transfer.2']} />;
  }
}

/** The shell: screens on top, the work in the middle, the station's state along the bottom. */
export function App({ initialScreen = 'pack' }: { initialScreen?: Screen }) {
  const [screen, setScreen] = useState<Screen>(initialScreen);
  const language = usePackdesk((s) => s.settings.language);
  useEffect(() => {
    // Lets the browser pick CJK fonts and line breaking for Chinese.
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="app">
      <NavBar screen={screen} onSelect={setScreen} />
      <main className="app__main">{screenOf(screen)}</main>
      <StatusBar />
    </div>
  );
}
