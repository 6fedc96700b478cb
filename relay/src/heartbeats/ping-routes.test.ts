import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { type HeartbeatTestRelay, startHeartbeatTestRelay } from './heartbeat-test-relay.js';

let t: HeartbeatTestRelay;
beforeAll(async () => {
  t = await startHeartbeatTestRelay({
    perTokenBurst: 40,
    perTokenPerSecond: 1,
    unknownBurst: 8,
    unknownPerSecond: 1,
  });
});
afterAll(() => t.stop());

const detail = async (id: string) => (await t.api('GET', `/heartbeats/${id}`)).body;

describe('ping URLs', () => {
  it('gives each heartbeat monitor an unguessable URL on the public address', async () => {
    const url = await t.createHeartbeat({ id: 'backup', period: 3600 });
    const token = url.split('/hb/')[1]!;
    expect(url.startsWith(`${t.relay.publicUrl}/hb/`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await detail('backup')).toMatchObject({
      state: 'new',
      message: 'waiting for the first ping',
      lastPingAt: null,
    });
  });

  it('records a success by GET, POST and HEAD, answering a tiny OK', async () => {
    const url = await t.createHeartbeat({ id: 'verbs', period: 3600 });
    const get = await t.ping(url);
    expect([get.status, get.text]).toEqual([200, 'OK']);
    expect((await t.ping(url, { method: 'POST', body: 'all good' })).status).toBe(200);
    expect((await t.ping(url, { method: 'HEAD' })).status).toBe(200);
    const d = await detail('verbs');
    expect(d.state).toBe('up');
    expect(d.runs).toHaveLength(3);
    expect(d.runs.map((r: { log: string }) => r.log)).toContain('all good');
    expect(d.nextDueAt).toBe(t.now() + 3_600_000);
  });

  it('turns down on /fail and on a non-zero exit code, naming the code, and up on /0', async () => {
    const url = await t.createHeartbeat({ id: 'signals', period: 3600 });
    await t.ping(url);
    await t.ping(`${url}/fail`);
    expect(await detail('signals')).toMatchObject({ state: 'down', message: 'job reported failure' });
    await t.ping(`${url}/0`);
    expect((await detail('signals')).state).toBe('up');
    await t.ping(`${url}/137`, { method: 'POST', body: 'Killed' });
    const d = await detail('signals');
    expect(d).toMatchObject({ state: 'down', message: 'job failed with exit code 137' });
    expect(d.runs[0]).toMatchObject({ kind: 'fail', exitCode: 137, log: 'Killed' });
    expect(d.lastRun).toMatchObject({ kind: 'fail', exitCode: 137 });
  });

  it('refuses signals that are not one and changes nothing', async () => {
    const url = await t.createHeartbeat({ id: 'bad-signal', period: 3600 });
    for (const signal of ['256', 'done', '-1']) {
      const answer = await t.ping(`${url}/${signal}`);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('use /start, /fail or an exit code 0..255');
    }
    expect((await t.ping(`${url}?rid=${'x'.repeat(65)}`)).status).toBe(400);
    expect((await detail('bad-signal')).runs).toEqual([]);
  });

  it('measures a run from /start to its end and pairs concurrent runs by rid', async () => {
    const url = await t.createHeartbeat({ id: 'etl', period: 3600 });
    await t.ping(`${url}/start?rid=run-a`);
    t.advance(1_000);
    await t.ping(`${url}/start?rid=run-b`);
    t.advance(4_000);
    await t.ping(`${url}/0?rid=run-b`, { method: 'POST', body: 'b done' });
    t.advance(2_000);
    await t.ping(`${url}?rid=run-a`, { method: 'POST', body: 'a done' });
    const runs = (await detail('etl')).runs as Array<Record<string, unknown>>;
    expect(runs.map((r) => [r.rid, r.kind, r.durationMs, r.log])).toEqual([
      ['run-a', 'success', 7_000, 'a done'],
      ['run-b', 'success', 4_000, 'b done'],
    ]);
  });

  it('keeps a body up to 10 KB whole, and records a bigger one with the last 10 KB of its log', async () => {
    const url = await t.createHeartbeat({ id: 'logs', period: 3600 });
    const fits = 'x'.repeat(10_240);
    expect((await t.ping(url, { method: 'POST', body: fits })).status).toBe(200);
    const big = `${'y'.repeat(50_000)}\nERROR: disk full at the end`;
    expect((await t.ping(`${url}/1`, { method: 'POST', body: big })).status).toBe(200);
    const d = await detail('logs');
    expect(d).toMatchObject({ state: 'down', message: 'job failed with exit code 1' });
    const runs = d.runs as Array<{ log: string }>;
    expect(runs.map((r) => Buffer.byteLength(r.log))).toEqual([10_240, 10_240]);
    expect(runs[1]!.log).toBe(fits);
    expect(runs[0]!.log.startsWith('[…truncated]\n')).toBe(true);
    expect(runs[0]!.log.endsWith('\nERROR: disk full at the end')).toBe(true);
  });

  it('cuts a multi-byte log on a character boundary', async () => {
    const url = await t.createHeartbeat({ id: 'utf8-log', period: 3600 });
    expect((await t.ping(url, { method: 'POST', body: 'é'.repeat(20_000) })).status).toBe(200);
    const [run] = (await detail('utf8-log')).runs as Array<{ log: string }>;
    expect(run!.log).toMatch(/^\[…truncated\]\né+$/);
  });

  it('refuses a body over 1 MB with 413, storing nothing', async () => {
    const url = await t.createHeartbeat({ id: 'huge', period: 3600 });
    const tooBig = await t.ping(url, { method: 'POST', body: 'y'.repeat(1_048_577) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.message).toContain('larger than 1048576 bytes');
    expect(tooBig.body.message).toContain('not stored');
    expect((await detail('huge')).runs).toEqual([]);
  });

  it('records a chunked body that announced no length, keeping its end, and refuses one over 1 MB', async () => {
    const url = await t.createHeartbeat({ id: 'chunked', period: 3600 });
    const stream = (chunks: number, size: number) =>
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < chunks; i++)
            controller.enqueue(new TextEncoder().encode(`${i % 10}`.repeat(size)));
          controller.close();
        },
      });
    const post = (body: ReadableStream) =>
      t.ping(url, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect((await post(stream(12, 1024))).status).toBe(200);
    const [run] = (await detail('chunked')).runs as Array<{ log: string }>;
    expect(run!.log.endsWith('1'.repeat(1024))).toBe(true);
    expect((await post(stream(1100, 1024))).status).toBe(413);
    expect((await detail('chunked')).runs).toHaveLength(1);
  });

  it('stops taking pings from a URL that is hammered, and answers 429', async () => {
    const url = await t.createHeartbeat({ id: 'hammered', period: 3600 });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await t.ping(url)).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true);
  });

  it('answers 404 with a JSON error for an unknown token, and rotating makes the old URL unknown', async () => {
    const url = await t.createHeartbeat({ id: 'rotated', period: 3600 });
    const rotated = await t.api('POST', '/heartbeats/rotated/rotate-token');
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(url);
    const old = await t.ping(url);
    expect(old.status).toBe(404);
    expect(old.body).toMatchObject({ code: 'VANTAGE_ERR_NOT_FOUND' });
    expect(old.body.message).toContain('no heartbeat has this URL');
    expect((await t.ping(rotated.body.url)).status).toBe(200);
    expect((await t.api('POST', '/heartbeats/nope/rotate-token')).status).toBe(404);
  });
});

describe('heartbeat API', () => {
  it('lists every heartbeat monitor and no other monitor', async () => {
    await t.api('POST', '/monitors', { id: 'site', name: 'Site', type: 'http', url: 'http://127.0.0.1:9/' });
    const list = await t.api('GET', '/heartbeats');
    expect(list.status).toBe(200);
    const ids = (list.body.heartbeats as Array<{ monitorId: string }>).map((h) => h.monitorId);
    expect(ids).toContain('backup');
    expect(ids).not.toContain('site');
    expect((await t.api('GET', '/heartbeats/site')).status).toBe(404);
  });

  it('needs a desktop token', async () => {
    const response = await fetch(`${t.relay.url}/api/v1/heartbeats`);
    expect(response.status).toBe(401);
  });

  it('drops the URL of a deleted monitor', async () => {
    const url = await t.createHeartbeat({ id: 'gone', period: 3600 });
    await t.api('DELETE', '/monitors/gone');
    await eventually(async () => expect((await t.ping(url)).status).toBe(404));
  });
});

describe('guessing', () => {
  it('slows down a client guessing tokens', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.ping(`${t.relay.url}/hb/guess${i}`)).status);
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
  });
});
