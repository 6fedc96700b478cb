import { join } from 'node:path';
import { hostname } from 'node:os';
import { openDesktopStore } from '../store/index.js';
import { startRelaySync } from '../sync/relay-sync-client.js';
import { assembleCore } from './assemble-core.js';
import { createCoreLogger } from './core-logger.js';
import { type DesktopCoreOptions, parseCoreOptions } from './core-options.js';
import type { DesktopCore } from './desktop-core.js';
import { DESKTOP_VERSION } from './desktop-version.js';
import { startEmbeddedRelay } from './embedded-relay.js';

/** The store's file inside the data dir. */
export const DATABASE_FILE = 'vantage.db';

/**
 * Starts the desktop core, the same in Electron and in headless web mode:
 * 1. validates the options and opens `<dataDir>/vantage.db` (a corrupt, locked or too-new file
 *    throws the store's `DesktopStoreError`, whose message names the file and the remedy);
 * 2. in embedded mode (the default) starts the relay and a `local` probe in-process;
 * 3. links to the relay (embedded, the settings' remote one, or `options.relay`) and serves the API.
 */
export async function createDesktopCore(options: DesktopCoreOptions): Promise<DesktopCore> {
  const config = parseCoreOptions(options);
  const log = options.logger ?? createCoreLogger();
  const store = openDesktopStore(join(config.dataDir, DATABASE_FILE), { now: config.now });
  try {
    return await assembleCore({
      config,
      store,
      log,
      startEmbedded: () => startEmbeddedRelay({ dataDir: config.dataDir, logger: log, now: config.now }),
      startSync: (target, listeners) =>
        startRelaySync({
          store,
          url: target.url,
          token: target.token,
          mode: target.mode,
          desktop: { id: store.desktopId, name: desktopName(), version: DESKTOP_VERSION },
          logger: log,
          listeners,
          now: config.now,
          random: config.random,
        }),
    });
  } catch (error) {
    store.close();
    throw error;
  }
}

/** How relays list this desktop: the machine's name, as a user recognises it. */
function desktopName(): string {
  const name = hostname().trim().slice(0, 100);
  return name === '' ? 'Vantage desktop' : name;
}
