import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpMonitor } from '../testing/fixtures.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay-server.js';
import { type Frame, TestClient } from '../testing/ws-test-client.js';

let relay: TestRelay;
const clients: TestClient[] = [];
beforeEach(async () => {
  relay = await startTestRelay({ hub: { checkDeadlineMs: 500 } });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

async function connectAll() {
  const desktop = await TestClient.desktop(relay.url, relay.desktopToken());
  const eu = await TestClient.probe(relay.url, relay.probeToken('eu-west'), 'eu-west', 'fra-1');
  clients.push(desktop, eu);
  return { desktop, eu };
}

/** Answers the next `check.run` the probe gets with a result of its region. */
async function answer(probe: TestClient, region: string): Promise<Frame> {
  const order = await probe.next((f) => f.type === 'check.run', 'check.run');
  probe.send({
    type: 'check.result',
    requestId: order.requestId as string,
    result: {
      probeId: 'fra-1',
      monitorId: (order.monitor as { id: string }).id,
      region,
      ts: Date.now(),
      state: 'up',
      latencyMs: 3,
      message: '',
      attempts: 1,
      probeHealthy: true,
    },
  });
  return order;
}

describe('one-off checks', () => {
  it('runs an unsaved monitor on a probe of the chosen region and routes the result back', async () => {
    const { desktop, eu } = await connectAll();
    const reply = desktop.request({
      type: 'check.test',
      requestId: 't1',
      region: 'eu-west',
      monitor: httpMonitor('draft', 'http://127.0.0.1:1/'),
    });
    const order = await answer(eu, 'eu-west');
    expect(order.requestId).not.toBe('t1');
    expect(await reply).toMatchObject({
      type: 'check.tested',
      requestId: 't1',
      result: { monitorId: 'draft', state: 'up' },
    });
    expect(relay.storage.results.count()).toBe(0);
  });

  it('fails at once when no probe of the region is connected, and names invalid monitors', async () => {
    const { desktop } = await connectAll();
    expect(
      await desktop.request({
        type: 'check.test',
        requestId: 't',
        region: 'us-east',
        monitor: httpMonitor('draft', 'http://127.0.0.1:1/'),
      }),
    ).toMatchObject({ type: 'error', code: 'VANTAGE_ERR_NOT_FOUND', message: /region us-east/ });
    expect(
      await desktop.request({
        type: 'check.test',
        requestId: 'bad',
        region: 'eu-west',
        monitor: httpMonitor('draft', 'http://127.0.0.1:1/', { interval: 2, timeout: 5 }),
      }),
    ).toMatchObject({ code: 'VANTAGE_ERR_INVALID_MONITOR', details: [{ path: 'timeout' }] });
  });

  it('runs a saved monitor now and says when the probe does not answer in time or goes away', async () => {
    const { desktop, eu } = await connectAll();
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const ran = desktop.request({ type: 'check.run', requestId: 'r1', monitorId: 'api' });
    await answer(eu, 'eu-west');
    expect(await ran).toMatchObject({ type: 'check.tested', requestId: 'r1', result: { monitorId: 'api' } });

    const late = await desktop.request({
      type: 'check.run',
      requestId: 'r2',
      monitorId: 'api',
      region: 'eu-west',
    });
    expect(late).toMatchObject({
      type: 'error',
      code: 'VANTAGE_ERR_INTERNAL',
      message: /did not answer within/,
    });

    const ordersSoFar = eu.frames.length;
    const gone = desktop.request({ type: 'check.run', requestId: 'r3', monitorId: 'api' });
    await eu.next((f) => f.type === 'check.run', 'third order', 5000, ordersSoFar);
    await eu.close();
    expect(await gone).toMatchObject({ type: 'error', message: /disconnected before answering/ });
    expect(await desktop.request({ type: 'check.run', requestId: 'r4', monitorId: 'nope' })).toMatchObject({
      code: 'VANTAGE_ERR_NOT_FOUND',
    });
  });

  it("refuses a check result that names another region than the probe's", async () => {
    const { desktop, eu } = await connectAll();
    desktop.send({
      type: 'check.test',
      requestId: 't',
      region: 'eu-west',
      monitor: httpMonitor('d', 'http://127.0.0.1:1/'),
    });
    const order = await eu.next((f) => f.type === 'check.run', 'check.run');
    eu.send({
      type: 'check.result',
      requestId: order.requestId as string,
      result: {
        probeId: 'fra-1',
        monitorId: 'd',
        region: 'us-east',
        ts: 1,
        state: 'down',
        latencyMs: 1,
        message: 'x',
      },
    });
    expect(await eu.next((f) => f.type === 'error', 'refusal')).toMatchObject({
      code: 'VANTAGE_ERR_FORBIDDEN',
    });
    expect(await desktop.next((f) => f.requestId === 't', 'timeout')).toMatchObject({ type: 'error' });
  });
});
