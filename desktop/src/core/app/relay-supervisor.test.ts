import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SyncView } from '../../contract/index.js';
import type { RelaySync } from '../sync/relay-sync.js';
import type { EmbeddedRelay } from './embedded-relay.js';
import { RelaySupervisor, type SyncTarget } from './relay-supervisor.js';

/** Stand-ins for the relay modules and the sync, recording what runs when. */
function world(options: { embeddedFailures?: number } = {}) {
  let failures = options.embeddedFailures ?? 0;
  const log: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  const startEmbedded = async (): Promise<EmbeddedRelay> => {
    await tick();
    if (failures-- > 0) throw new Error('port in use');
    log.push('embedded up');
    return {
      url: 'http://127.0.0.1:1',
      wsUrl: 'ws://127.0.0.1:1/ws',
      desktopToken: 'secret',
      region: 'local',
      stop: async () => {
        await tick();
        log.push('embedded down');
      },
    };
  };
  const startSync = async (target: SyncTarget): Promise<RelaySync> => {
    await tick();
    running++;
    maxRunning = Math.max(maxRunning, running);
    log.push(`sync ${target.mode} ${target.url}`);
    const status = { mode: target.mode, relayUrl: target.url, connection: 'connected' } as SyncView;
    return {
      status: () => status,
      reconnect: () => log.push('reconnect'),
      stop: async () => {
        await tick();
        running--;
        log.push(`sync stopped ${target.url}`);
      },
    } as unknown as RelaySync;
  };
  const supervisor = new RelaySupervisor({
    startEmbedded,
    startSync,
    pendingChanges: () => 3,
    log: pino({ level: 'silent' }),
  });
  return { supervisor, log, maxRunning: () => maxRunning, running: () => running };
}

describe('RelaySupervisor', () => {
  it('reports an embedded relay that cannot start, and starts it on reconnect', async () => {
    const { supervisor, log } = world({ embeddedFailures: 1 });
    await supervisor.apply({ mode: 'embedded' });
    expect(supervisor.sync).toBeNull();
    expect(supervisor.status()).toMatchObject({
      mode: 'embedded',
      connection: 'disconnected',
      lastError: 'the embedded relay could not start: port in use',
      pendingChanges: 3,
    });
    await supervisor.reconnect();
    expect(supervisor.status()).toMatchObject({ connection: 'connected', relayUrl: 'ws://127.0.0.1:1/ws' });
    expect(log).toEqual(['embedded up', 'sync embedded ws://127.0.0.1:1/ws']);
  });

  it('runs switches one at a time, so two syncs never run together, and the last plan wins', async () => {
    const { supervisor, log, maxRunning, running } = world();
    const switches = [
      supervisor.apply({ mode: 'embedded' }),
      supervisor.apply({ mode: 'remote', url: 'wss://a.example', token: 't1' }),
      supervisor.apply({ mode: 'remote', url: 'wss://b.example', token: 't2' }),
    ];
    await Promise.all(switches);
    expect(maxRunning()).toBe(1);
    expect(running()).toBe(1);
    expect(supervisor.embedded).toBeNull();
    expect(supervisor.status().relayUrl).toBe('wss://b.example');
    expect(log).toEqual([
      'embedded up',
      'sync embedded ws://127.0.0.1:1/ws',
      'sync stopped ws://127.0.0.1:1/ws',
      'embedded down',
      'sync remote wss://a.example',
      'sync stopped wss://a.example',
      'sync remote wss://b.example',
    ]);
  });

  it('keeps the link when the same relay is asked for again, and stops everything once', async () => {
    const { supervisor, log } = world();
    await supervisor.apply({ mode: 'embedded' });
    await supervisor.apply({ mode: 'embedded' });
    await Promise.all([supervisor.stop(), supervisor.stop()]);
    await supervisor.apply({ mode: 'embedded' });
    expect(log).toEqual([
      'embedded up',
      'sync embedded ws://127.0.0.1:1/ws',
      'sync stopped ws://127.0.0.1:1/ws',
      'embedded down',
    ]);
    expect(supervisor.sync).toBeNull();
  });
});
