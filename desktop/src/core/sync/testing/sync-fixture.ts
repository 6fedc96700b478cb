import { type Monitor, type MonitorInput, validateMonitor } from '@vantage/shared';
import pino from 'pino';
import type { DesktopStore } from '../../store/index.js';
import type { RelaySync } from '../relay-sync.js';
import { type RelaySyncOptions, startRelaySync } from '../relay-sync-client.js';
import { type Recorded, recordingListeners } from './recording-listeners.js';

/** A sync under test and what it told its listeners. */
export interface SyncUnderTest {
  sync: RelaySync;
  recorded: Recorded;
}

/** Quick retries, so tests that take the relay away do not wait for production backoff. */
export const TEST_BACKOFF = { initialMs: 50, maxMs: 250, unauthorizedMs: 300 } as const;

/** Starts a sync of `store` with `url` and `token`, recording its listeners, silent unless VANTAGE_TEST_LOG. */
export function startSyncUnderTest(
  store: DesktopStore,
  url: string,
  token: string,
  extra: Partial<RelaySyncOptions> = {},
): SyncUnderTest {
  const { listeners, recorded } = recordingListeners();
  const sync = startRelaySync({
    store,
    url,
    token,
    desktop: { id: store.desktopId, name: 'test desktop', version: '0.0.0-test' },
    logger: pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' }),
    listeners,
    backoff: TEST_BACKOFF,
    ...extra,
  });
  return { sync, recorded };
}

/** An HTTP monitor checked every second, confirmed after one failure, validated with defaults filled. */
export function testMonitor(id: string, url: string, extra: Partial<MonitorInput> = {}): Monitor {
  const checked = validateMonitor({
    id,
    name: id,
    type: 'http',
    url,
    interval: 1,
    timeout: 0.9,
    confirmation: 1,
    recovery: 1,
    ...extra,
  });
  if (!checked.ok) throw new Error(`bad test monitor: ${JSON.stringify(checked.error)}`);
  return checked.value;
}

/** GET on the relay's REST API with a desktop token, parsed as JSON. */
export async function relayGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
