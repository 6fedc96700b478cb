import { PROTOCOL_VERSION } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RelayUnderTest, startRelayUnderTest } from '../testing/relay-under-test.js';
import { TestClient } from '../testing/ws-test-client.js';
import { HEARTBEAT_PROBE_ID } from './heartbeat-results.js';

let relay: RelayUnderTest;
const clients: TestClient[] = [];
beforeAll(async () => {
  relay = await startRelayUnderTest();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await relay.stop();
});

function probeHello(token: string, id: string) {
  return {
    type: 'hello' as const,
    protocol: PROTOCOL_VERSION,
    role: 'probe' as const,
    token,
    // A probe claiming it can run heartbeats still must not get them.
    probe: { id, name: id, region: 'eu-west', version: '1.0.0', capabilities: ['http', 'heartbeat'] },
  };
}

describe('heartbeat monitors and probes', () => {
  it('never assigns a heartbeat monitor to a probe, even one claiming it can run it', async () => {
    const desktop = await TestClient.desktop(relay.url, relay.token('desktop'));
    clients.push(desktop);
    await desktop.request({
      type: 'monitor.upsert',
      requestId: 'hb',
      monitor: { id: 'cron', name: 'Cron', type: 'heartbeat', period: 60 },
    });
    await desktop.request({
      type: 'monitor.upsert',
      requestId: 'site',
      monitor: { id: 'site', name: 'Site', type: 'http', url: 'http://127.0.0.1:9/' },
    });
    const probe = await TestClient.connect(relay.url);
    clients.push(probe);
    probe.send(probeHello(relay.token('probe', 'eu-west'), 'fra-1'));
    const full = await probe.next((f) => f.type === 'monitors.full', 'monitor set');
    expect((full.monitors as Array<{ id: string }>).map((m) => m.id)).toEqual(['site']);
  });

  it(`refuses a probe that calls itself ${HEARTBEAT_PROBE_ID}`, async () => {
    const probe = await TestClient.connect(relay.url);
    clients.push(probe);
    probe.send(probeHello(relay.token('probe', 'eu-west'), HEARTBEAT_PROBE_ID));
    expect(await probe.next((f) => f.type === 'error', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
      details: [{ path: 'probe.id' }],
    });
  });
});
