import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpMonitor, sampleResult } from '../testing/fixtures.js';
import { type HostileFrame, hostileFrames } from '../testing/hostile-frames.js';
import { type RelayUnderTest, startRelayUnderTest } from '../testing/relay-under-test.js';
import { type Frame, TestClient } from '../testing/ws-test-client.js';

const FRAMES = 10_000;
const MAX_FRAME = 64 * 1024;

let relay: RelayUnderTest;
let desktopToken: string;
let probeToken: string;
beforeAll(async () => {
  relay = await startRelayUnderTest({
    maxFrameBytes: MAX_FRAME,
    maxViolations: 50,
    // Generous rates: the frames must reach validation rather than be throttled.
    messagesPerSecond: 100_000,
    messageBurst: 100_000,
  });
  desktopToken = relay.token('desktop');
  probeToken = relay.token('probe', 'eu-west');
  const admin = await TestClient.desktop(relay.url, desktopToken, 'admin');
  await admin.request({
    type: 'monitor.upsert',
    requestId: 'm',
    monitor: httpMonitor('api', 'http://127.0.0.1:1/'),
  });
  await admin.close();
  const probe = await TestClient.probe(relay.url, probeToken, 'eu-west', 'fuzz-probe');
  probe.send({
    type: 'results.batch',
    results: [1, 2, 3].map((s) => sampleResult('fuzz-probe', 'eu-west', s)),
  });
  await probe.next((f) => f.type === 'results.ack' && f.upToSeq === 3, 'ack');
  await probe.close();
});
afterAll(() => relay.stop());

/** The error frame answering the frame just sent, or the close code if the socket layer refused it. */
async function answerOf(client: TestClient, from: number, kind: string): Promise<Frame> {
  try {
    return await client.next((f) => f.type === 'error', `answer to ${kind}`, 10_000, from);
  } catch (error) {
    if (client.open) throw error;
    const { code } = await client.closed;
    return { type: 'close', code: `closed ${code}` };
  }
}

describe('hostile input', () => {
  it(`answers ${FRAMES.toLocaleString('en')} malformed or hostile frames with errors and changes nothing`, async () => {
    const before = relay.stored();
    const frames = fc.sample(hostileFrames(MAX_FRAME), { numRuns: FRAMES, seed: 20_260_101 });
    const open: Partial<Record<'desktop' | 'probe', TestClient>> = {};
    const connect = async (channel: 'desktop' | 'probe') => {
      const existing = open[channel];
      if (existing?.open) return existing;
      const client =
        channel === 'desktop'
          ? await TestClient.desktop(relay.url, desktopToken, 'fuzz-desktop')
          : await TestClient.probe(relay.url, probeToken, 'eu-west', 'fuzz-probe');
      open[channel] = client;
      used.push(client);
      return client;
    };
    const answered: Record<string, number> = {};
    const used: TestClient[] = [];
    const send = (client: TestClient, frame: HostileFrame) =>
      typeof frame.data === 'string'
        ? client.sendRaw(frame.data)
        : client.sendRaw(Buffer.from(frame.data), true);

    for (const frame of frames) {
      let reply: Frame;
      if (frame.channel === 'unauthenticated') {
        const client = await TestClient.connect(relay.url);
        send(client, frame);
        reply = await client.next((f) => f.type === 'error', `answer to ${frame.kind}`);
        expect((await client.closed).code).toBeGreaterThanOrEqual(4400);
      } else {
        const client = await connect(frame.channel);
        const from = client.frames.length;
        send(client, frame);
        reply = await answerOf(client, from, frame.kind);
      }
      const code = String(reply.code);
      answered[code] = (answered[code] ?? 0) + 1;
    }

    expect(Object.values(answered).reduce((a, b) => a + b, 0)).toBe(FRAMES);
    expect(Object.keys(answered).sort()).toEqual(
      expect.arrayContaining([
        'VANTAGE_ERR_FORBIDDEN',
        'VANTAGE_ERR_INVALID_MESSAGE',
        'VANTAGE_ERR_INVALID_MONITOR',
        'VANTAGE_ERR_UNKNOWN_TYPE',
      ]),
    );
    // Oversized frames are refused: by the hub with a coded error, or by the socket layer's cap.
    expect((answered.VANTAGE_ERR_FRAME_TOO_LARGE ?? 0) + (answered['closed 1009'] ?? 0)).toBeGreaterThan(0);
    expect(relay.stored()).toEqual(before);
    // Nothing but refusals (and the events every connection gets) ever came back.
    const seen = new Set(used.flatMap((c) => c.frames.map((f) => f.type)));
    expect(
      [...seen].filter(
        (t) => !['hello.ok', 'monitors.full', 'error', 'event.probe', 'event.status'].includes(t),
      ),
    ).toEqual([]);
    for (const client of Object.values(open)) await client?.close();

    // Still serving: a desktop reads status, a probe's valid batch is stored and acked.
    const desktop = await TestClient.desktop(relay.url, desktopToken, 'after');
    expect(await desktop.request({ type: 'status.get', requestId: 's' })).toMatchObject({
      type: 'status.snapshot',
    });
    const probe = await TestClient.probe(relay.url, probeToken, 'eu-west', 'fuzz-probe');
    probe.send({ type: 'results.batch', results: [sampleResult('fuzz-probe', 'eu-west', 4)] });
    expect(await probe.next((f) => f.type === 'results.ack', 'ack')).toMatchObject({ upToSeq: 4 });
    await Promise.all([desktop.close(), probe.close()]);
  }, 120_000);
});
