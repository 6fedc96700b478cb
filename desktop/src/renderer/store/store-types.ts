import type { StoreApi } from 'zustand/vanilla';
import type { ApiTransport, NotificationView } from '../../contract/index.js';
import type { AppState } from './app-store.js';

/** What the store needs from outside: the API, a clock, the address bar and the OS notifier. */
export interface StoreDeps {
  transport: ApiTransport;
  shell: 'electron' | 'web';
  now: () => number;
  /** Writes a route's hash to the address bar (the page's `hashchange` listener reads it back). */
  setHash: (hash: string) => void;
  /** Shows a notification outside the page (web mode's browser notifications); absent in Electron, whose main process does it. */
  notifyOutside?: (notification: NotificationView, open: () => void) => void;
}

/** zustand's setter for the whole state. */
export type SetState = StoreApi<AppState>['setState'];
/** zustand's getter for the whole state. */
export type GetState = StoreApi<AppState>['getState'];

/** Builds one feature slice: its state and the actions beside it. */
export type SliceCreator<T> = (set: SetState, get: GetState, deps: StoreDeps) => T;
