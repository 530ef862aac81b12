import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Api } from './api.js';
import { listenToCore, type PackdeskState, type PackdeskStore } from './index.js';

const StoreContext = createContext<PackdeskStore | null>(null);

/** Makes the store available to the screens and keeps it listening to the core while mounted. */
export function StoreProvider({ store, api, children }: { store: PackdeskStore; api: Api; children: ReactNode }) {
  useEffect(() => listenToCore(api, store), [api, store]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function usePackdeskStore(): PackdeskStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePackdesk needs a <StoreProvider> above it');
  return store;
}

/** Selects from the store. Select single values or use useShallow: a new object each time re-renders forever. */
export function usePackdesk<T>(selector: (state: PackdeskState) => T): T {
  return useStore(usePackdeskStore(), selector);
}
