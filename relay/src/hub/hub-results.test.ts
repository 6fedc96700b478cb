import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleResult } from '../testing/fixtures.js';
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../testing/test-relay-server.js';
import { type Frame, TestClient } from '../testing/ws-test-client.js';

const T0 = Date.now();
let relay: TestRelay;
const clients: TestClient[] = [];
async function start(options: TestRelayOptions = {}): Promise<void> {
  relay = await startTestRelay(options);
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

async function probe(region = 'eu-west', id = 'p1'): Promise<TestClient> {
  const client = await TestClient.probe(relay.url, relay.probeToken(region), region, id);
  clients.push(client);
  return client;
}
async function desktop(): Promise<TestClient> {
  const client = await TestClient.desktop(relay.url, relay.desktopToken());
  clients.push(client);
  return client;
}

/** Sends seqs [from, to] as batches of `size` and waits for the ack of the last one. */
async function stream(
  client: TestClient,
  from: number,
  to: number,
  size = 500,
  id = 'p1',
  region = 'eu-west',
) {
  for (let seq = from; seq <= to; seq += size) {
    const results = [];
    for (let s = seq; s <= Math.min(to, seq + size - 1); s++)
      results.push(sampleResult(id, region, s, 'api', T0 + s));
    client.send({ type: 'results.batch', results });
  }
  await client.next((f) => f.type === 'results.ack' && f.upToSeq === to, `ack of ${to}`, 20_000);
}

function cursorsOf(frames: Frame[], fromIndex = 0): number[] {
  return frames
    .slice(fromIndex)
    .filter((f) => f.type === 'results.page')
    .flatMap((f) => (f.results as Array<{ cursor: number }>).map((r) => r.cursor));
}

describe('result ingest', () => {
  beforeEach(() => start());

  it('acks a batch after storing it, and stores a resent batch only once', async () => {
    const p = await probe();
    await stream(p, 1, 3);
    expect(relay.storage.results.count()).toBe(3);
    p.send({ type: 'results.batch', results: [2, 3, 4].map((s) => sampleResult('p1', 'eu-west', s)) });
    await p.next((f) => f.type === 'results.ack' && f.upToSeq === 4, 'ack 4');
    expect(relay.storage.results.readAfter(0, 10).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it("refuses a batch holding another probe's or another region's results and stores none of it", async () => {
    const p = await probe();
    p.send({
      type: 'results.batch',
      results: [sampleResult('p1', 'eu-west', 1), sampleResult('p1', 'us-east', 2)],
    });
    const error = await p.next((f) => f.type === 'error', 'error');
    expect(error).toMatchObject({ code: 'VANTAGE_ERR_FORBIDDEN', details: [{ path: 'results.1.region' }] });
    p.send({ type: 'results.batch', results: [sampleResult('someone-else', 'eu-west', 1)] });
    await p.next(
      (f) => f.type === 'error' && (f.details as Array<{ path: string }>)[0]?.path === 'results.0.probeId',
      'error',
    );
    expect(relay.storage.results.count()).toBe(0);
  });
});

describe('desktop result stream', () => {
  beforeEach(() => start());

  it('pages the backlog from the cursor, then goes live with no gap and no duplicate', async () => {
    const p = await probe();
    await stream(p, 1, 2500);
    const d = await desktop();
    const first = await d.request({ type: 'results.subscribe', requestId: 'sub', fromCursor: 100 });
    expect(first).toMatchObject({ type: 'results.page', live: false, backlog: 1400 });
    // Results keep arriving while the backlog is paged.
    await stream(p, 2501, 4000);
    await d.next((f) => f.type === 'results.page' && f.cursor === 4000, 'cursor 4000', 20_000);
    const cursors = cursorsOf(d.frames);
    expect(cursors).toEqual(Array.from({ length: 3900 }, (_, i) => i + 101));
    const live = d.frames.findIndex((f) => f.type === 'results.page' && f.live === true);
    expect(live).toBeGreaterThan(0);
  });

  it('stores the commit cursor without ever moving it back, and refuses one past the end', async () => {
    const p = await probe();
    await stream(p, 1, 10);
    const d = await desktop();
    expect(await d.request({ type: 'results.commit', requestId: 'c1', cursor: 8 })).toMatchObject({
      type: 'ok',
    });
    expect(await d.request({ type: 'results.commit', requestId: 'c2', cursor: 3 })).toMatchObject({
      type: 'ok',
    });
    expect(relay.storage.cursors.get('laptop')).toBe(8);
    expect(await d.request({ type: 'results.commit', requestId: 'c3', cursor: 11 })).toMatchObject({
      code: 'VANTAGE_ERR_INVALID_MESSAGE',
      details: [{ path: 'cursor' }],
    });
  });

  it('starts at the retained tail when the cursor is older, and says so', async () => {
    const p = await probe();
    await stream(p, 1, 10);
    const cutoff = relay.storage.results.readAfter(5, 1)[0]!.ts;
    relay.storage.results.prune(cutoff);
    const d = await desktop();
    const page = await d.request({ type: 'results.subscribe', requestId: 's', fromCursor: 2 });
    expect(cursorsOf([page])).toEqual([6, 7, 8, 9, 10]);
    const notice = d.frames.find((f) => f.type === 'error');
    expect(notice?.message).toMatch(/after cursor 2 up to 5 were removed by retention/);
    expect(notice?.requestId).toBeUndefined();
  });
});

describe('a slow desktop', () => {
  beforeEach(() => start({ limits: { desktopQueueLimit: 200 } }));

  it('never holds up probe acks, and catches up from its cursor without gap or duplicate', async () => {
    const p = await probe();
    const d = await desktop();
    await d.request({ type: 'results.subscribe', requestId: 's', fromCursor: 0 });
    // Stop reading: the relay's writes to this desktop back up in the kernel and then in ws.
    const tcp = (d.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    await stream(p, 1, 30_000, 1000);
    expect(relay.storage.results.count()).toBe(30_000);
    tcp.resume();
    await d.next((f) => f.type === 'results.page' && f.cursor === 30_000, 'the last result', 30_000);
    expect(cursorsOf(d.frames)).toEqual(Array.from({ length: 30_000 }, (_, i) => i + 1));
    // It was live from the start, fell behind, and was served catch-up pages from its cursor.
    const pages = d.frames.filter((f) => f.type === 'results.page');
    expect(pages[0]?.live).toBe(true);
    expect(pages.some((f) => f.live === false)).toBe(true);
  });
});
