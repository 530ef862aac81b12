import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, defaultTransport } from './api/client.js';
import { App } from './App.js';
import type { Api } from './store/api.js';
import { StoreProvider } from './store/context.js';
import { createPackdeskStore } from './store/index.js';
import './styles.css';

// The same client over the Electron bridge or the station host's WebSocket: the transport says which.
const api: Api = createApiClient(defaultTransport());
const store = createPackdeskStore(api);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
