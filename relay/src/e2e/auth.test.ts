import { PROTOCOL_VERSION } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubOptions } from '../hub/index.js';
import { httpMonitor, sampleResult } from '../testing/fixtures.js';
import { type RelayUnderTest, startRelayUnderTest } from '../testing/relay-under-test.js';
import { TestClient } from '../testing/ws-test-client.js';

let relay: RelayUnderTest;
const clients: TestClient[] = [];
async function start(hub: HubOptions = {}): Promise<RelayUnderTest> {
  relay = await startRelayUnderTest({}, hub);
  return relay;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.stop();
});
async function connect(): Promise<TestClient> {
  const client = await TestClient.connect(relay.url);
  clients.push(client);
  return client;
}
function probeHello(token: string, region: string, id = 'p1') {
  return {
    type: 'hello' as const,
    protocol: PROTOCOL_VERSION,
    role: 'probe' as const,
    token,
    probe: { id, name: id, region, version: '1.0.0', capabilities: ['http'] },
  };
}

describe('authentication and roles', () => {
  it('a probe token can neither manage monitors nor read results', async () => {
    await start();
    const probe = await TestClient.probe(relay.url, relay.token('probe', 'eu-west'), 'eu-west');
    clients.push(probe);
    probe.send({
      type: 'monitor.upsert',
      requestId: 'm',
      monitor: httpMonitor('api', 'http://127.0.0.1:1/'),
    });
    expect(await probe.next((f) => f.requestId === 'm', 'refusal')).toMatchObject({
      type: 'error',
      code: 'VANTAGE_ERR_FORBIDDEN',
      message: 'a probe token may not send monitor.upsert',
    });
    probe.send({ type: 'results.subscribe', requestId: 's', fromCursor: 0 });
    expect(await probe.next((f) => f.requestId === 's', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
    });
    probe.send({ type: 'status.get', requestId: 'g' });
    expect(await probe.next((f) => f.requestId === 'g', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
    });
    expect(relay.stored().revision).toBe(0);
    expect(probe.frames.some((f) => f.type === 'results.page' || f.type === 'status.snapshot')).toBe(false);
  });

  it("a probe token cannot serve another region, and only gets its own region's monitors", async () => {
    await start();
    const admin = await TestClient.desktop(relay.url, relay.token('desktop'));
    clients.push(admin);
    for (const region of ['eu-west', 'us-east']) {
      const monitor = httpMonitor(`${region}-only`, 'http://127.0.0.1:1/', { regions: [region] });
      await admin.request({ type: 'monitor.upsert', requestId: region, monitor });
    }
    const euToken = relay.token('probe', 'eu-west');
    const intruder = await connect();
    intruder.send(probeHello(euToken, 'us-east'));
    expect(await intruder.next((f) => f.type === 'error', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
      details: [{ path: 'probe.region' }],
    });
    expect((await intruder.closed).code).toBe(4403);
    const eu = await TestClient.probe(relay.url, euToken, 'eu-west');
    clients.push(eu);
    const full = await eu.next((f) => f.type === 'monitors.full', 'full set');
    expect((full.monitors as Array<{ id: string }>).map((m) => m.id)).toEqual(['eu-west-only']);
  });

  it('refuses missing, revoked, unknown and wrong-role tokens and closes the connection', async () => {
    await start();
    const revoked = relay.token('probe', 'eu-west');
    relay.revoke(revoked.split('_')[1]!);
    const cases: Array<[object, string, number]> = [
      [probeHello(revoked, 'eu-west'), 'VANTAGE_ERR_UNAUTHENTICATED', 4401],
      [
        probeHello('vnt_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'eu-west'),
        'VANTAGE_ERR_UNAUTHENTICATED',
        4401,
      ],
      [probeHello(relay.token('desktop'), 'eu-west'), 'VANTAGE_ERR_FORBIDDEN', 4403],
      [
        {
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          role: 'desktop',
          token: relay.token('probe', 'eu-west'),
          desktop: { id: 'd', name: 'd', version: '1' },
        },
        'VANTAGE_ERR_FORBIDDEN',
        4403,
      ],
      [
        { ...probeHello(relay.token('probe', 'eu-west'), 'eu-west'), protocol: 99 },
        'VANTAGE_ERR_UNSUPPORTED_VERSION',
        4400,
      ],
      [{ type: 'status.get', requestId: 'x' }, 'VANTAGE_ERR_UNKNOWN_TYPE', 4400],
      [{ ...probeHello('', 'eu-west'), token: undefined }, 'VANTAGE_ERR_UNAUTHENTICATED', 4401],
      [probeHello('', 'eu-west'), 'VANTAGE_ERR_UNAUTHENTICATED', 4401],
    ];
    for (const [hello, code, closeCode] of cases) {
      const client = await connect();
      client.sendRaw(JSON.stringify(hello));
      expect(await client.next((f) => f.type === 'error', code)).toMatchObject({ code });
      expect((await client.closed).code).toBe(closeCode);
    }
  });

  it('closes a connection that sends no hello in time', async () => {
    await start({ helloTimeoutMs: 200 });
    const silent = await connect();
    expect((await silent.closed).code).toBe(4408);
    expect(silent.frames[0]).toMatchObject({ type: 'error', code: 'VANTAGE_ERR_NOT_READY' });
  });

  it("keeps a probe id bound to its token, so one probe cannot write another's results", async () => {
    await start();
    const owner = await TestClient.probe(relay.url, relay.token('probe', 'eu-west'), 'eu-west', 'fra-1');
    clients.push(owner);
    const other = await connect();
    other.send(probeHello(relay.token('probe', 'eu-west'), 'eu-west', 'fra-1'));
    expect(await other.next((f) => f.type === 'error', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
      details: [{ path: 'probe.id' }],
    });
    expect(owner.open).toBe(true);
  });

  it('a desktop token cannot submit results', async () => {
    await start();
    const desktop = await TestClient.desktop(relay.url, relay.token('desktop'));
    clients.push(desktop);
    desktop.send({ type: 'results.batch', results: [sampleResult('p1', 'eu-west', 1)] });
    expect(await desktop.next((f) => f.type === 'error', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
    });
    expect(relay.stored().results).toBe(0);
  });
});
