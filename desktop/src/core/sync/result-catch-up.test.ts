import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { readStoredResults } from '../store/testing/store-inspection.js';
import type { RelaySync } from './relay-sync.js';
import { eventually } from './testing/eventually.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { startRelayProxy } from './testing/relay-proxy.js';
import { relayGet, startSyncUnderTest } from './testing/sync-fixture.js';
import { TestProbeClient } from './testing/test-probe-client.js';

let relay: InProcessRelay;
let temp: TempStore;
const syncs: RelaySync[] = [];
beforeEach(async () => {
  relay = await startInProcessRelay();
  temp = tempStore();
});
afterEach(async () => {
  await Promise.all(syncs.splice(0).map((s) => s.stop()));
  temp.dispose();
  await relay.dispose();
});

function start(url = relay.wsUrl, extra = {}) {
  const started = startSyncUnderTest(temp.store, url, relay.desktopToken(), extra);
  syncs.push(started.sync);
  return started;
}

async function relayHead(): Promise<number> {
  return (await relayGet<{ head: number }>(relay.url, relay.desktopToken(), '/results?after=0&limit=1')).head;
}

function storedIds(): string[] {
  temp.store.close();
  const ids = readStoredResults(temp.path).map((r) => `${r.probeId}:${r.seq}`);
  temp.reopen();
  return ids;
}

describe('result catch-up', () => {
  it('reads the backlog in pages, reports progress, then stores live results as they come', async () => {
    const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
    await probe.report(probe.results('api', 3500, { from: Date.now() - 3_600_000 }));
    const lines: Array<{ msg: string; percent?: number; received?: number }> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
          done();
        },
      }),
    );
    const { sync, recorded } = start(relay.wsUrl, { logger });
    await eventually(() => expect(sync.status().catchUp.live).toBe(true));
    expect(sync.status()).toMatchObject({
      connection: 'connected',
      cursor: 3500,
      catchUp: { live: true, received: 3500, remaining: 0, fraction: 1 },
    });
    const progress = recorded.syncs.filter((s) => !s.catchUp.live && s.catchUp.received > 0);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map((s) => s.catchUp.received)).toEqual(
      [...progress.map((s) => s.catchUp.received)].sort((a, b) => a - b),
    );
    expect(progress[0]!.catchUp.fraction).toBeLessThan(1);
    expect(lines.filter((l) => l.msg === 'catching up with the relay').map((l) => l.percent)).toContain(28);
    expect(
      lines.some((l) => l.msg === 'caught up with the relay; results arrive live' && l.received === 3500),
    ).toBe(true);
    expect(recorded.results.every((r) => !r.live)).toBe(true);

    await probe.report(probe.results('api', 5));
    await eventually(() => expect(sync.status().cursor).toBe(3505));
    expect(recorded.results.at(-1)).toMatchObject({ live: true });
    expect(recorded.results.flatMap((r) => r.results.map((x) => x.seq))).toEqual(
      Array.from({ length: 3505 }, (_, i) => i + 1),
    );
    await probe.close();
  });

  it('commits each stored page to the relay', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
      await probe.report(probe.results('api', 2100));
      const { sync } = start(proxy.wsUrl);
      await eventually(() => expect(sync.status().catchUp.live).toBe(true));
      await eventually(() => {
        const commits = proxy.sent
          .map((text) => JSON.parse(text) as { type: string; cursor?: number })
          .filter((f) => f.type === 'results.commit')
          .map((f) => f.cursor);
        expect(commits.at(-1)).toBe(2100);
        expect(commits).toEqual([...commits].sort((a, b) => a! - b!));
      });
      await probe.close();
    } finally {
      await proxy.close();
    }
  });

  it('knows an embedded relay by its identity: on a new port it resumes from its cursor', async () => {
    const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
    await probe.report(probe.results('api', 1200));
    await probe.close();
    const first = start();
    await eventually(() => expect(first.sync.status().cursor).toBe(1200));
    await first.sync.stop();

    await relay.stop();
    await relay.start(0);
    const again = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
    await again.report(again.results('api', 300).map((r) => ({ ...r, seq: r.seq + 1200 })));
    await again.close();
    const second = start(relay.wsUrl);
    await eventually(() => expect(second.sync.status().catchUp.live).toBe(true));
    expect(second.sync.status()).toMatchObject({ cursor: 1500, catchUp: { received: 300 } });
    const ids = storedIds();
    expect(ids).toHaveLength(await relayHead());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resumes after the link drops mid-stream without losing or repeating a result', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
      const { sync } = start(proxy.wsUrl);
      await eventually(() => expect(sync.status().catchUp.live).toBe(true));
      for (let round = 0; round < 5; round++) {
        await probe.report(probe.results('api', 400));
        proxy.cut();
      }
      await eventually(() => expect(sync.status()).toMatchObject({ connection: 'connected', cursor: 2000 }));
      await probe.close();
      const ids = storedIds();
      expect(ids).toHaveLength(2000);
      expect(new Set(ids).size).toBe(2000);
    } finally {
      await proxy.close();
    }
  });
});
