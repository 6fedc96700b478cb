import type { ApiResult, SyncView } from '../../contract/index.js';
import type { LinkStatus } from '../api/web-transport.js';
import type { SliceCreator } from './store-types.js';

/** The relay connection (and, in web mode, this page's own socket to the core). */
export interface SyncSlice {
  /** The relay link as the core reports it; null until first loaded. */
  sync: SyncView | null;
  /** This page's socket to the core in web mode; null inside Electron, where IPC cannot drop. */
  link: LinkStatus | null;
  loadSync(): Promise<void>;
  applySync(sync: SyncView): void;
  setLink(link: LinkStatus): void;
  /** Asks the core to reconnect to the relay now. */
  reconnectRelay(): Promise<ApiResult<SyncView>>;
}

/** The sync slice. */
export const createSyncSlice: SliceCreator<SyncSlice> = (set, get, { transport }) => ({
  sync: null,
  link: null,

  async loadSync() {
    const result = await transport.call('sync.status', {});
    if (result.ok) set({ sync: result.value });
  },

  applySync(sync) {
    set({ sync });
  },

  setLink(link) {
    set({ link });
  },

  async reconnectRelay() {
    const result = await transport.call('sync.reconnect', {});
    if (result.ok) get().applySync(result.value);
    return result;
  },
});
