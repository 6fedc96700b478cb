import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../alerts/channels/webhook/webhook-signature.js';
import { type RecordingServer, startRecordingServer } from '../alerts/testing/recording-server.js';
import { startSmtpStandIn } from '../alerts/testing/smtp-stand-in.js';
import { eventually } from '../testing/eventually.js';
import { type PageTestRelay, pageConfig, startPageTestRelay } from './testing/page-test-relay.js';

let t: PageTestRelay;
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
let hooks: RecordingServer;

/** The decoded text/plain part of a received message. */
function textOf(raw: string): string {
  const part = raw.split(/\r?\n--/).find((p) => /^Content-Type: text\/plain/im.test(p)) ?? raw;
  const body = part.slice(part.search(/\r?\n\r?\n/)).trim();
  if (/Content-Transfer-Encoding: base64/i.test(part)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(part)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const linkIn = (text: string, kind: 'confirm' | 'unsubscribe') =>
  new RegExp(`(http://127\\.0\\.0\\.1:\\d+/s/acme/${kind}/[A-Za-z0-9_-]+)`).exec(text)?.[1];

beforeAll(async () => {
  smtp = await startSmtpStandIn({ security: 'none' });
  hooks = await startRecordingServer();
  // The relay trusts its "proxy" so each test can be its own client for the per-address limit.
  t = await startPageTestRelay(
    {
      statusPages: {
        notifierPollMs: 50,
        retry: { baseDelayMs: 100, maxDelayMs: 200, maxAttempts: 4 },
        maxUnconfirmedPerPage: 3,
      },
    },
    { trustProxy: true },
  );
  await t.monitors('api');
  await t.api('PUT', '/alert-channels/mail', {
    kind: 'email',
    id: 'mail',
    name: 'Status mail',
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    from: 'Acme Status <status@acme.example.com>',
    to: ['ops@acme.example.com'],
  });
  const page = pageConfig('acme', { Core: [['api', 'Public API']] }, { subscriberEmailChannelId: 'mail' });
  expect((await t.api('PUT', '/status-pages/acme', page)).status).toBe(201);
  const capped = pageConfig(
    'capped',
    { Core: [['api', 'Public API']] },
    { subscriberEmailChannelId: 'mail' },
  );
  expect((await t.api('PUT', '/status-pages/capped', capped)).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await hooks?.close();
});

const form = (fields: Record<string, string>, client = '10.0.0.1') => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html',
    'x-forwarded-for': client,
  },
  body: new URLSearchParams(fields).toString(),
});

describe('email subscribers', () => {
  it('confirm by the emailed link, get incident updates, and unsubscribe with the link in every mail', async () => {
    const subscribed = await fetch(`${t.relay.url}/s/acme/subscribe`, form({ email: 'Reader@Example.com' }));
    expect(subscribed.status).toBe(200);
    expect(await subscribed.text()).toContain('Check your inbox');
    await eventually(() => expect(mailsTo('reader@example.com')).toHaveLength(1), 10_000, 20);
    const confirmation = mailsTo('reader@example.com')[0]!;
    expect(confirmation.raw).toMatch(/^Subject: Confirm your subscription to Acme Cloud status updates$/m);
    const confirmUrl = linkIn(textOf(confirmation.raw), 'confirm')!;
    expect(confirmUrl).toBeDefined();
    expect(linkIn(textOf(confirmation.raw), 'unsubscribe')).toBeDefined();

    // Not confirmed yet: an incident reaches nobody.
    const first = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'Early',
      message: 'before confirming',
    });
    expect(first.status).toBe(201);
    expect(textOf(confirmation.raw)).toContain('press "Confirm subscription"');
    const asked = await fetch(confirmUrl);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toMatch(
      /<form method="post" action="\/s\/acme\/confirm\/[^"]+"><button type="submit">Confirm subscription<\/button>/,
    );
    // Opening the link alone (as a mail scanner would) confirms nothing.
    expect((await t.api('GET', '/status-pages/acme')).body.summary.subscriberCount).toBe(0);
    const confirmed = await fetch(confirmUrl, form({}));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Subscription confirmed');
    expect((await t.api('GET', '/status-pages/acme')).body.summary.subscriberCount).toBe(1);

    const incident = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'API errors',
      monitorIds: ['api'],
      message: 'Requests fail with 503',
    });
    await t.api('POST', `/status-pages/acme/incidents/${incident.body.id}/updates`, {
      status: 'resolved',
      message: 'All good again',
    });
    await eventually(() => expect(mailsTo('reader@example.com')).toHaveLength(3), 10_000, 20);
    const [, created, resolved] = mailsTo('reader@example.com').map((m) => ({
      raw: m.raw,
      text: textOf(m.raw),
    }));
    expect(created!.raw).toMatch(/^Subject: \[Acme Cloud\] API errors: Investigating$/m);
    expect(created!.text).toContain('Requests fail with 503');
    expect(created!.text).toContain('Affects Public API.');
    expect(resolved!.raw).toMatch(/^Subject: \[Acme Cloud\] API errors: Resolved$/m);
    expect(mailsTo('reader@example.com').some((m) => textOf(m.raw).includes('before confirming'))).toBe(
      false,
    );

    const unsubscribeUrl = linkIn(resolved!.text, 'unsubscribe')!;
    const ask = await fetch(unsubscribeUrl);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toMatch(
      /<form method="post" action="\/s\/acme\/unsubscribe\/[^"]+"><button type="submit">Unsubscribe<\/button>/,
    );
    // Opening the link alone (as a mail scanner would) keeps the subscription.
    expect((await t.api('GET', '/status-pages/acme')).body.summary.subscriberCount).toBe(1);
    const done = await fetch(unsubscribeUrl, form({}));
    expect(await done.text()).toContain('Unsubscribed');
    expect((await t.api('GET', '/status-pages/acme')).body.summary.subscriberCount).toBe(0);
    await t.api('POST', `/status-pages/acme/incidents/${incident.body.id}/updates`, {
      status: 'monitoring',
      message: 'After leaving',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo('reader@example.com')).toHaveLength(3);
  });

  it.each([
    ['form', form({ email: 'not an address' }), 400, 'must be an email address'],
    [
      'JSON',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'email', email: 'x' }),
      },
      400,
      '"path":"email"',
    ],
    [
      'JSON webhook',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'webhook', url: 'https://x.example/h' }),
      },
      400,
      "added by the page's owner",
    ],
    [
      'oversized body',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'email', email: `${'a'.repeat(5000)}@x.com` }),
      },
      413,
      '',
    ],
  ])(
    'refuses a bad %s subscription, naming the problem, and stores nothing',
    async (_, init, status, words) => {
      const response = await fetch(`${t.relay.url}/s/acme/subscribe`, init as RequestInit);
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(words);
      expect((await t.api('GET', '/status-pages/acme/subscribers')).body.subscribers).toEqual([]);
    },
  );

  it('accepts a JSON subscription with 202', async () => {
    const response = await fetch(`${t.relay.url}/s/acme/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.2' },
      body: JSON.stringify({ email: 'json@example.com' }),
    });
    expect(response.status).toBe(202);
    await eventually(() => expect(mailsTo('json@example.com')).toHaveLength(1), 10_000, 20);
    const list = (await t.api('GET', '/status-pages/acme/subscribers')).body.subscribers;
    expect(list).toEqual([
      expect.objectContaining({ kind: 'email', address: 'json@example.com', confirmed: false }),
    ]);
    await t.api('DELETE', `/status-pages/acme/subscribers/${list[0].id}`);
  });
});

describe('the public form cannot bomb an inbox', () => {
  const subscribe = (slug: string, email: string, client: string) =>
    fetch(`${t.relay.url}/s/${slug}/subscribe`, form({ email }, client));

  it('sends one confirmation an hour however often an address is subscribed', async () => {
    for (const client of ['10.0.1.1', '10.0.1.2', '10.0.1.3'])
      expect((await subscribe('acme', 'victim@example.com', client)).status).toBe(200);
    // Later addresses in later deliveries: once they arrive, any repeat to the victim would have too.
    expect((await subscribe('acme', 'later@example.com', '10.0.1.4')).status).toBe(200);
    await eventually(() => expect(mailsTo('later@example.com')).toHaveLength(1), 10_000, 20);
    expect((await subscribe('acme', 'last@example.com', '10.0.1.5')).status).toBe(200);
    await eventually(() => expect(mailsTo('last@example.com')).toHaveLength(1), 10_000, 20);
    expect(mailsTo('victim@example.com')).toHaveLength(1);
  });

  it('refuses new addresses once a page has too many unconfirmed subscribers', async () => {
    for (const [i, email] of ['a@example.com', 'b@example.com', 'c@example.com'].entries())
      expect((await subscribe('capped', email, `10.0.2.${i}`)).status).toBe(200);
    const refused = await subscribe('capped', 'd@example.com', '10.0.2.9');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('too many subscriptions waiting for confirmation');
    // An address already waiting is answered as before (no new mail within the hour).
    expect((await subscribe('capped', 'a@example.com', '10.0.2.8')).status).toBe(200);
    const list = (await t.api('GET', '/status-pages/capped/subscribers')).body.subscribers;
    expect(list.map((s: { address: string }) => s.address)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });
});

describe('webhook subscribers', () => {
  it('receive each update as signed JSON, retried after a failure', async () => {
    let calls = 0;
    hooks.reply(() => (++calls === 1 ? { status: 503, body: 'busy' } : { status: 200, body: 'ok' }));
    const added = await t.api('POST', '/status-pages/acme/subscribers', {
      kind: 'webhook',
      url: `${hooks.url}/status?k=1`,
      secret: 'a-long-enough-secret',
    });
    expect(added.body.secret).toBe('a-long-enough-secret');
    const incident = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'Hook test',
      monitorIds: ['api'],
      message: 'Investigating <now>',
    });
    await eventually(() => expect(hooks.requests).toHaveLength(2), 10_000, 20);
    const delivered = hooks.requests[1]!;
    expect(delivered.url).toBe('/status?k=1');
    expect(
      verifyWebhookSignature(
        delivered.body,
        String(delivered.headers['x-vantage-signature']),
        'a-long-enough-secret',
      ),
    ).toBe(true);
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({
      type: 'status_page.incident_created',
      page: { slug: 'acme', title: 'Acme Cloud' },
      incident: {
        id: incident.body.id,
        title: 'Hook test',
        status: 'investigating',
        affected: ['Public API'],
      },
      update: { status: 'investigating', message: 'Investigating <now>' },
    });
    expect(body.unsubscribeUrl).toMatch(/\/s\/acme\/unsubscribe\/[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(body)).not.toMatch(/"monitorIds"|"api"/);
  });

  it('hear nothing of incidents on an unpublished page', async () => {
    await t.api(
      'PUT',
      '/status-pages/draft',
      pageConfig('draft', { A: [['api', 'API']] }, { published: false }),
    );
    const hidden = await t.api('POST', '/status-pages/draft/subscribers', {
      kind: 'webhook',
      url: `${hooks.url}/draft`,
    });
    expect(hidden.status).toBe(201);
    const seen = await t.api('POST', '/status-pages/acme/subscribers', {
      kind: 'webhook',
      url: `${hooks.url}/acme-later`,
    });
    expect(seen.status).toBe(201);
    const to = (path: string) => hooks.requests.filter((r) => r.url === path);
    expect(
      (await t.api('POST', '/status-pages/draft/incidents', { title: 'Draft', message: 'x' })).status,
    ).toBe(201);
    // Two published incidents, the second posted after the first arrived: by then every message
    // queued before them has been through a delivery pass.
    await t.api('POST', '/status-pages/acme/incidents', { title: 'One', message: 'x' });
    await eventually(() => expect(to('/acme-later')).toHaveLength(1), 10_000, 20);
    await t.api('POST', '/status-pages/acme/incidents', { title: 'Two', message: 'x' });
    await eventually(() => expect(to('/acme-later')).toHaveLength(2), 10_000, 20);
    expect(to('/draft')).toEqual([]);
  });
});
