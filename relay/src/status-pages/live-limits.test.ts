import { type ClientRequest, type IncomingMessage, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageTestRelay, pageConfig, startPageTestRelay } from './testing/page-test-relay.js';

let t: PageTestRelay;
const open: ClientRequest[] = [];

/** Sends a request as the client `ip` (the relay trusts its proxy) and resolves with the response head. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ res: IncomingMessage; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: t.relay.port, method, path, headers, agent: false },
      (res) => resolve({ res, req }),
    );
    open.push(req);
    req.on('error', reject);
    req.end();
  });
}
const stream = (ip: string) => send('GET', '/s/acme/events', { 'x-forwarded-for': ip });

/** The whole body of a short response. */
function bodyOf(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  t = await startPageTestRelay(
    { statusPages: { maxStreamsPerClient: 2, maxStreams: 3 } },
    { trustProxy: true },
  );
  await t.monitors('api');
  const page = pageConfig('acme', { A: [['api', 'API']] }, { customDomain: 'status.acme.test' });
  expect((await t.api('PUT', '/status-pages/acme', page)).status).toBe(201);
}, 60_000);
afterAll(async () => {
  for (const req of open) req.destroy();
  await t?.close();
});

describe('live-update streams', () => {
  it('answers HEAD without holding a stream, and caps streams per client and in all with 503', async () => {
    const heads = await Promise.all(
      [1, 2, 3].map(() => send('HEAD', '/s/acme/events', { 'x-forwarded-for': '10.0.0.1' })),
    );
    for (const { res } of heads) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
    }
    const first = await stream('10.0.0.1');
    const second = await stream('10.0.0.1');
    expect([first.res.statusCode, second.res.statusCode]).toEqual([200, 200]);
    const third = await stream('10.0.0.1');
    expect(third.res.statusCode).toBe(503);
    expect(third.res.headers['retry-after']).toBe('30');
    // Another visitor still gets one, until the relay-wide cap is reached.
    expect((await stream('10.0.0.2')).res.statusCode).toBe(200);
    const beyond = await stream('10.0.0.3');
    expect(beyond.res.statusCode).toBe(503);
    expect(beyond.res.headers['retry-after']).toBe('30');
    // A closed stream frees its place.
    first.req.destroy();
    await new Promise((resolve) => first.res.on('close', resolve));
    let again = await stream('10.0.0.3');
    for (let i = 0; again.res.statusCode !== 200 && i < 50; i++) {
      again.req.destroy();
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await stream('10.0.0.3');
    }
    expect(again.res.statusCode).toBe(200);
  });
});

describe('behind a trusted proxy', () => {
  it("builds custom-domain feed links with the client's protocol", async () => {
    const { res } = await send('GET', '/feed.atom', {
      host: 'status.acme.test',
      'x-forwarded-proto': 'https',
    });
    const text = await bodyOf(res);
    expect(text).toContain('<link rel="alternate" href="https://status.acme.test"/>');
  });
});
