import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageTestRelay, pageConfig, startPageTestRelay } from './testing/page-test-relay.js';

let t: PageTestRelay;

beforeAll(async () => {
  t = await startPageTestRelay();
  await t.monitors('api', 'web', 'db');
}, 60_000);
afterAll(() => t?.close());

const acme = (extra = {}) =>
  pageConfig(
    'acme',
    {
      Core: [
        ['api', 'Public API'],
        ['web', 'Website'],
      ],
    },
    extra,
  );

describe('pages', () => {
  it('refuses requests without a desktop token', async () => {
    const response = await fetch(`${t.relay.url}/api/v1/status-pages`);
    expect(response.status).toBe(401);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.relay.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/status-pages',
        '/api/v1/status-pages/{slug}',
        '/api/v1/status-pages/{slug}/incidents/{id}/updates',
        '/api/v1/status-pages/{slug}/subscribers/{id}',
      ]),
    );
    expect(Object.keys(doc.paths).some((path) => path.startsWith('/s/'))).toBe(false);
  });

  it('creates a page (201), replaces it (200), and lists and reads it with badge URLs', async () => {
    const created = await t.api('PUT', '/status-pages/acme', acme());
    expect(created.status).toBe(201);
    expect(created.body.page).toMatchObject({ slug: 'acme', rangeDays: 90, published: true, theme: 'auto' });
    expect(created.body.summary).toMatchObject({
      slug: 'acme',
      url: `${t.relay.publicUrl}/s/acme`,
      monitorCount: 2,
      subscriberCount: 0,
      openIncidentCount: 0,
    });
    const badges = created.body.badges as Array<Record<string, string>>;
    expect(badges.map((b) => b.monitorId)).toEqual(['api', 'web']);
    expect(badges[0]!.statusUrl).toMatch(
      new RegExp(`^${t.relay.publicUrl}/s/acme/badges/[A-Za-z0-9_-]+/status\\.svg$`),
    );
    // The key is opaque: the monitor id is not part of the badge URL.
    expect(badges[0]!.statusUrl).not.toContain('/api/');

    const replaced = await t.api('PUT', '/status-pages/acme', acme({ title: 'Acme Status' }));
    expect(replaced.status).toBe(200);
    // Keys are stable across a republish, so published badge URLs keep working.
    expect(replaced.body.badges[0].statusUrl).toBe(badges[0]!.statusUrl);
    const list = await t.api('GET', '/status-pages');
    expect(list.body.pages).toEqual([expect.objectContaining({ slug: 'acme', title: 'Acme Status' })]);
    expect((await t.api('GET', '/status-pages/acme')).body.page.title).toBe('Acme Status');
    expect((await t.api('GET', '/status-pages/nope')).status).toBe(404);
  });

  it.each([
    ['a slug that differs from the URL', '/status-pages/acme', acme({ slug: 'other' }), 'slug'],
    [
      'an unknown monitor',
      '/status-pages/acme',
      pageConfig('acme', {
        Core: [
          ['api', 'API'],
          ['ghost', 'Ghost'],
        ],
      }),
      'sections.0.monitors.1.monitorId',
    ],
    [
      'a monitor listed twice',
      '/status-pages/acme',
      pageConfig('acme', { A: [['api', 'API']], B: [['api', 'Again']] }),
      'sections.1.monitors.0.monitorId',
    ],
    [
      'a bad slug in the URL',
      '/status-pages/Not_A_Slug',
      pageConfig('Not_A_Slug', { A: [['api', 'API']] }),
      'slug',
    ],
    ['a range of 3 days', '/status-pages/acme', acme({ rangeDays: 3 }), 'rangeDays'],
    [
      'a logo that is not a data URL',
      '/status-pages/acme',
      acme({ logo: 'https://x.example/logo.png' }),
      'logo',
    ],
    [
      'an email channel that does not exist',
      '/status-pages/acme',
      acme({ subscriberEmailChannelId: 'nope' }),
      'subscriberEmailChannelId',
    ],
  ])('answers 400 naming the field for %s, and changes nothing', async (_, path, body, field) => {
    const before = await t.api('GET', '/status-pages/acme');
    const response = await t.api('PUT', path, body);
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(response.body.message).toContain(field);
    expect((await t.api('GET', '/status-pages/acme')).body).toEqual(before.body);
  });

  it('refuses a custom domain another page serves', async () => {
    expect(
      (
        await t.api(
          'PUT',
          '/status-pages/one',
          pageConfig('one', { A: [['db', 'DB']] }, { customDomain: 'status.one.test' }),
        )
      ).status,
    ).toBe(201);
    const clash = await t.api(
      'PUT',
      '/status-pages/two',
      pageConfig('two', { A: [['db', 'DB']] }, { customDomain: 'status.one.test' }),
    );
    expect(clash.status).toBe(400);
    expect(clash.body.details).toEqual([
      { path: 'customDomain', message: 'is already used by the page "one"' },
    ]);
    expect((await t.api('GET', '/status-pages/two')).status).toBe(404);
  });

  it('answers 413 for an oversized body', async () => {
    const response = await t.api(
      'PUT',
      '/status-pages/acme',
      acme({ description: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
  });
});

describe('written incidents', () => {
  it('opens, updates, lists newest first and deletes incidents', async () => {
    const first = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'Slow API',
      monitorIds: ['api'],
      message: 'Looking into it',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      slug: 'acme',
      impact: 'minor',
      updates: [{ status: 'investigating', message: 'Looking into it' }],
    });
    const second = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'Website blank',
      impact: 'major',
      message: 'Blank page',
    });
    const updated = await t.api('POST', `/status-pages/acme/incidents/${first.body.id}/updates`, {
      status: 'resolved',
      message: 'Fixed',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.updates.map((u: { status: string }) => u.status)).toEqual([
      'investigating',
      'resolved',
    ]);
    expect(updated.body.resolvedAt).toBeTypeOf('number');
    const list = await t.api('GET', '/status-pages/acme/incidents');
    expect(list.body.incidents.map((i: { id: string }) => i.id)).toEqual([second.body.id, first.body.id]);
    expect((await t.api('GET', '/status-pages/acme')).body.summary.openIncidentCount).toBe(1);
    expect(await t.api('DELETE', `/status-pages/acme/incidents/${second.body.id}`)).toEqual({
      status: 200,
      body: { id: second.body.id },
    });
    expect((await t.api('DELETE', `/status-pages/acme/incidents/${second.body.id}`)).status).toBe(404);
  });

  it('refuses monitors that are not on the page and updates of unknown incidents', async () => {
    const stray = await t.api('POST', '/status-pages/acme/incidents', {
      title: 'x',
      monitorIds: ['api', 'db'],
      message: 'y',
    });
    expect(stray.status).toBe(400);
    expect(stray.body.details).toEqual([{ path: 'monitorIds.1', message: '"db" is not on this page' }]);
    const missing = await t.api('POST', '/status-pages/acme/incidents', { title: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(['message']);
    expect(
      (
        await t.api('POST', '/status-pages/acme/incidents/inc_nope/updates', {
          status: 'resolved',
          message: 'm',
        })
      ).status,
    ).toBe(404);
    expect((await t.api('POST', '/status-pages/nope/incidents', { title: 'x', message: 'y' })).status).toBe(
      404,
    );
  });
});

describe('subscribers', () => {
  it('adds a webhook confirmed at once, shows its generated secret once, lists and removes it', async () => {
    const added = await t.api('POST', '/status-pages/acme/subscribers', {
      kind: 'webhook',
      url: 'https://hooks.example.com/in?token=s3cret',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      kind: 'webhook',
      confirmed: true,
      address: 'https://hooks.example.com/in',
    });
    expect(added.body.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const list = await t.api('GET', '/status-pages/acme/subscribers');
    expect(list.body.subscribers).toEqual([
      expect.objectContaining({ id: added.body.id, address: 'https://hooks.example.com/in' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('s3cret');
    expect(list.body.subscribers[0].secret).toBeUndefined();
    expect((await t.api('GET', '/status-pages/acme')).body.summary.subscriberCount).toBe(1);
    expect((await t.api('DELETE', `/status-pages/acme/subscribers/${added.body.id}`)).status).toBe(200);
    expect((await t.api('GET', '/status-pages/acme/subscribers')).body.subscribers).toEqual([]);
  });

  it('shows a webhook secret only to the POST that created it, and refuses a different one', async () => {
    const hook = {
      kind: 'webhook',
      url: 'https://hooks.example.com/again',
      secret: 'first-secret-long-enough',
    };
    const created = await t.api('POST', '/status-pages/acme/subscribers', hook);
    expect(created.status).toBe(201);
    expect(created.body.secret).toBe('first-secret-long-enough');
    const again = await t.api('POST', '/status-pages/acme/subscribers', { kind: 'webhook', url: hook.url });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    expect(again.body.secret).toBeUndefined();
    const same = await t.api('POST', '/status-pages/acme/subscribers', hook);
    expect(same.status).toBe(200);
    expect(same.body.secret).toBeUndefined();
    const other = await t.api('POST', '/status-pages/acme/subscribers', {
      ...hook,
      secret: 'another-secret-long-enough',
    });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain('already subscribed with another secret');
    expect(JSON.stringify(other.body)).not.toContain('first-secret');
    await t.api('DELETE', `/status-pages/acme/subscribers/${created.body.id}`);
  });

  it('refuses an email subscriber when the page has no email channel, and a bad address', async () => {
    const noChannel = await t.api('POST', '/status-pages/acme/subscribers', {
      kind: 'email',
      email: 'a@example.com',
    });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.details[0].path).toBe('email');
    const bad = await t.api('POST', '/status-pages/acme/subscribers', {
      kind: 'email',
      email: 'not-an-address',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'email' });
  });
});

it('deleting a page removes its incidents and subscribers too', async () => {
  await t.api('PUT', '/status-pages/gone', pageConfig('gone', { A: [['api', 'API']] }));
  await t.api('POST', '/status-pages/gone/incidents', { title: 'x', message: 'y' });
  await t.api('POST', '/status-pages/gone/subscribers', {
    kind: 'webhook',
    url: 'https://hooks.example.com/x',
  });
  expect(await t.api('DELETE', '/status-pages/gone')).toEqual({ status: 200, body: { slug: 'gone' } });
  expect((await t.api('GET', '/status-pages/gone')).status).toBe(404);
  await t.api('PUT', '/status-pages/gone', pageConfig('gone', { A: [['api', 'API']] }));
  expect((await t.api('GET', '/status-pages/gone/incidents')).body.incidents).toEqual([]);
  expect((await t.api('GET', '/status-pages/gone/subscribers')).body.subscribers).toEqual([]);
  expect((await t.api('DELETE', '/status-pages/never')).status).toBe(404);
});
