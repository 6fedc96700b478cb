import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store.js';

/** The store the app renders; provided once at the root. */
export const StoreContext = createContext<AppStore | null>(null);

/** Reads one value of the store through a selector; the component re-renders only when it changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore needs the StoreContext provider');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read state without subscribing to it. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStoreApi needs the StoreContext provider');
  return store;
}
