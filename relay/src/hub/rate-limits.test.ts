import { afterEach, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../testing/test-relay-server.js';
import { TestClient } from '../testing/ws-test-client.js';

let relay: TestRelay;
const clients: TestClient[] = [];
async function start(options: TestRelayOptions = {}): Promise<void> {
  relay = await startTestRelay(options);
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

describe('rate limits', () => {
  it('answers frames over the rate with rateLimited and closes a connection that keeps going', async () => {
    await start({ limits: { messagesPerSecond: 1, messageBurst: 5, maxViolations: 10 } });
    const desktop = await TestClient.desktop(relay.url, relay.desktopToken());
    clients.push(desktop);
    for (let i = 0; i < 40; i++) desktop.send({ type: 'monitors.get', requestId: `g${i}` });
    const { code } = await desktop.closed;
    expect(code).toBe(4429);
    expect(desktop.frames.filter((f) => f.type === 'monitors.list').length).toBeLessThanOrEqual(6);
    expect(desktop.frames.filter((f) => f.code === 'VANTAGE_ERR_RATE_LIMITED').length).toBe(10);
  });

  it('shares one budget between the connections of a token', async () => {
    await start({ limits: { messagesPerSecond: 0.001, messageBurst: 3, maxViolations: 1000 } });
    const token = relay.desktopToken();
    const desktops = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => TestClient.desktop(relay.url, token, `d${i}`)),
    );
    clients.push(...desktops);
    // Each connection stays within its own burst of 3; the token as a whole may only burst 3 × 4 = 12.
    for (const [i, d] of desktops.entries())
      for (let n = 0; n < 3; n++) d.send({ type: 'monitors.get', requestId: `${i}-${n}` });
    const replies = await Promise.all(
      desktops.flatMap((d, i) =>
        [0, 1, 2].map((n) => d.next((f) => f.requestId === `${i}-${n}`, `${i}-${n}`)),
      ),
    );
    expect(replies.filter((f) => f.type === 'monitors.list')).toHaveLength(12);
    expect(replies.filter((f) => f.code === 'VANTAGE_ERR_RATE_LIMITED')).toHaveLength(3);
  });
});
