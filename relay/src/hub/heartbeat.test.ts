import { PROTOCOL_VERSION } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestRelay, type TestRelay } from '../testing/test-relay-server.js';
import { TestClient } from '../testing/ws-test-client.js';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startTestRelay({ hub: { heartbeatMs: 100 } });
});
afterEach(() => relay.close());

describe('heartbeat', () => {
  it('drops a client that stops answering pings and keeps one that answers', async () => {
    const token = relay.desktopToken();
    const healthy = await TestClient.desktop(relay.url, token, 'healthy');
    const silent = new WebSocket(relay.url, { autoPong: false });
    await new Promise((resolve) => silent.once('open', resolve));
    silent.send(
      JSON.stringify({
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        role: 'desktop',
        token,
        desktop: { id: 'silent', name: 'silent', version: '1' },
      }),
    );
    const closed = await new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    expect(closed).toBe(1006);
    expect(healthy.open).toBe(true);
    expect(await healthy.request({ type: 'monitors.get', requestId: 'still-here' })).toMatchObject({
      type: 'monitors.list',
    });
    await healthy.close();
  });
});
