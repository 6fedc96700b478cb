import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DesktopStore, type DesktopStoreOptions, openDesktopStore } from '../index.js';

/** A store in a fresh temporary folder, reopenable, removed with its folder by `dispose`. */
export interface TempStore {
  readonly path: string;
  store: DesktopStore;
  /** Closes and opens the store again, as an app restart would. */
  reopen(): DesktopStore;
  dispose(): void;
}

/** Opens a store in a new temporary folder. */
export function tempStore(options: DesktopStoreOptions = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-store-'));
  const path = join(dir, 'vantage.db');
  const temp: TempStore = {
    path,
    store: openDesktopStore(path, options),
    reopen() {
      temp.store.close();
      temp.store = openDesktopStore(path, options);
      return temp.store;
    },
    dispose() {
      temp.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}
