import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopErrorCode, type MethodInput } from '../../contract/index.js';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';

// The status page methods against the real embedded core: the desktop API → the core's handlers →
// the embedded relay's REST API and its public `/s/<slug>` page, all on 127.0.0.1.

let t: CoreUnderTest;
let relayUrl: string;
let relayToken: string;

const page = (extra: Partial<MethodInput<'statusPages.save'>> = {}): MethodInput<'statusPages.save'> => ({
  slug: 'acme',
  title: 'Acme status',
  description: 'Live status of Acme',
  sections: [
    {
      title: 'Services',
      monitors: [
        { monitorId: 'checkout', label: 'Checkout' },
        { monitorId: 'site', label: 'Website', showTarget: true },
      ],
    },
  ],
  published: false,
  ...extra,
});

const publicPage = (slug: string) => fetch(`${relayUrl}/s/${slug}`);

beforeAll(async () => {
  t = await startCoreUnderTest();
  const info = await t.value('app.info');
  relayUrl = info.embedded!.relayUrl!;
  relayToken = readFileSync(join(t.dataDir, 'relay', 'desktop-token'), 'utf8').trim();
  for (const [id, name] of [
    ['checkout', 'Internal checkout-svc prod'],
    ['site', 'Website'],
  ] as const)
    await t.value('monitors.create', {
      monitor: { id, name, type: 'http', url: `http://127.0.0.1:9/${id}`, interval: 60, paused: true },
    });
  await eventually(async () => expect((await t.value('monitors.list')).every((m) => m.synced)).toBe(true));
}, 60_000);

afterAll(() => t?.dispose());

describe('status pages through the desktop API', () => {
  it('lists no page on a new relay', async () => {
    expect(await t.value('statusPages.list')).toEqual([]);
  });

  it('saves a draft that the relay keeps but does not serve', async () => {
    const saved = await t.value('statusPages.save', page());
    expect(saved.page).toMatchObject({ slug: 'acme', title: 'Acme status', rangeDays: 90, theme: 'auto' });
    expect(saved.summary).toMatchObject({
      slug: 'acme',
      published: false,
      monitorCount: 2,
      subscriberCount: 0,
    });
    expect(saved.summary.url).toBe(`${relayUrl}/s/acme`);
    expect(saved.badges.map((b) => [b.monitorId, b.label])).toEqual([
      ['checkout', 'Checkout'],
      ['site', 'Website'],
    ]);
    expect((await publicPage('acme')).status).toBe(404);

    const [listed] = await t.value('statusPages.list');
    expect(listed).toMatchObject({ slug: 'acme', title: 'Acme status', published: false, monitorCount: 2 });
    expect((await t.value('statusPages.get', { slug: 'acme' })).page).toEqual(saved.page);
  });

  it('publishes the page: public labels are shown, private monitor names are not', async () => {
    const published = await t.value('statusPages.save', page({ published: true }));
    expect(published.summary.published).toBe(true);
    const response = await publicPage('acme');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Acme status');
    expect(html).toContain('Checkout');
    expect(html).not.toContain('checkout-svc');
  });

  it('writes an incident and posts updates until it is resolved', async () => {
    const opened = await t.value('statusPages.createIncident', {
      slug: 'acme',
      title: 'Card payments failing',
      impact: 'major',
      monitorIds: ['checkout'],
      message: 'We are looking into failed card payments.',
    });
    expect(opened).toMatchObject({ slug: 'acme', impact: 'major', monitorIds: ['checkout'] });
    expect(opened.updates).toEqual([
      expect.objectContaining({
        status: 'investigating',
        message: 'We are looking into failed card payments.',
      }),
    ]);
    expect((await t.value('statusPages.get', { slug: 'acme' })).summary.openIncidentCount).toBe(1);
    expect(await (await publicPage('acme')).text()).toContain('Card payments failing');

    for (const status of ['identified', 'monitoring'] as const)
      await t.value('statusPages.postUpdate', {
        slug: 'acme',
        incidentId: opened.id,
        status,
        message: `Now ${status}.`,
      });
    const resolved = await t.value('statusPages.postUpdate', {
      slug: 'acme',
      incidentId: opened.id,
      status: 'resolved',
      message: 'Payments work again.',
    });
    expect(resolved.updates.map((u) => u.status)).toEqual([
      'investigating',
      'identified',
      'monitoring',
      'resolved',
    ]);
    expect(resolved.resolvedAt).toBeTypeOf('number');
    expect((await t.value('statusPages.list'))[0]?.openIncidentCount).toBe(0);

    const later = await t.value('statusPages.createIncident', {
      slug: 'acme',
      title: 'Slow website',
      message: 'Pages load slowly.',
    });
    const incidents = await t.value('statusPages.incidents', { slug: 'acme' });
    expect(incidents.map((i) => i.id)).toEqual([later.id, opened.id]);
    expect(await t.value('statusPages.deleteIncident', { slug: 'acme', incidentId: later.id })).toEqual({
      id: later.id,
    });
    expect((await t.value('statusPages.incidents', { slug: 'acme' })).map((i) => i.id)).toEqual([opened.id]);
  });

  it('adds a webhook subscriber (its secret shown once) and removes it', async () => {
    const added = await t.value('statusPages.addSubscriber', {
      slug: 'acme',
      subscriber: { kind: 'webhook', url: 'https://hooks.acme.example/status?key=s3cret' },
    });
    expect(added).toMatchObject({
      kind: 'webhook',
      confirmed: true,
      address: 'https://hooks.acme.example/status',
    });
    expect(added.secret).toEqual(expect.any(String));
    const listed = await t.value('statusPages.subscribers', { slug: 'acme' });
    expect(listed).toEqual([expect.objectContaining({ id: added.id })]);
    expect(listed[0]).not.toHaveProperty('secret');
    expect((await t.value('statusPages.list'))[0]?.subscriberCount).toBe(1);
    await t.value('statusPages.removeSubscriber', { slug: 'acme', subscriberId: added.id });
    expect(await t.value('statusPages.subscribers', { slug: 'acme' })).toEqual([]);
  });

  it("lists the relay's email channels, which a page may mail subscribers through", async () => {
    expect(await t.value('statusPages.emailChannels')).toEqual([]);
    const put = await fetch(`${relayUrl}/api/v1/alert-channels/smtp`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${relayToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'smtp',
        kind: 'email',
        name: 'Ops mail',
        host: '127.0.0.1',
        port: 2525,
        security: 'none',
        from: 'Acme status <status@acme.example>',
        to: ['ops@acme.example'],
      }),
    });
    expect(put.ok).toBe(true);
    expect(await t.value('statusPages.emailChannels')).toEqual([
      { id: 'smtp', name: 'Ops mail', enabled: true },
    ]);
    const saved = await t.value(
      'statusPages.save',
      page({ published: true, subscriberEmailChannelId: 'smtp' }),
    );
    expect(saved.page.subscriberEmailChannelId).toBe('smtp');
  });

  it('unpublishes the page: the relay answers 404 again, the design stays', async () => {
    const draft = await t.value('statusPages.save', page({ published: false }));
    expect(draft.summary.published).toBe(false);
    expect((await publicPage('acme')).status).toBe(404);
    expect((await t.value('statusPages.incidents', { slug: 'acme' })).length).toBe(1);
  });

  it('refuses bad input naming each field, and changes nothing', async () => {
    const before = await t.value('statusPages.get', { slug: 'acme' });
    const rows: {
      method: Parameters<CoreUnderTest['call']>[0];
      input: Record<string, unknown>;
      code: string;
      fields: string[];
    }[] = [
      {
        method: 'statusPages.save',
        input: { ...page(), title: '', rangeDays: 3, sections: [] },
        code: DesktopErrorCode.invalidInput,
        fields: ['title', 'sections', 'rangeDays'],
      },
      {
        method: 'statusPages.save',
        input: { ...page(), slug: 'Not A Slug' },
        code: DesktopErrorCode.invalidInput,
        fields: ['slug'],
      },
      {
        method: 'statusPages.save',
        input: page({ sections: [{ title: '', monitors: [{ monitorId: 'ghost', label: 'Ghost' }] }] }),
        code: ErrorCode.invalidMessage,
        fields: ['sections.0.monitors.0.monitorId'],
      },
      {
        method: 'statusPages.save',
        input: page({ subscriberEmailChannelId: 'nope' }),
        code: ErrorCode.invalidMessage,
        fields: ['subscriberEmailChannelId'],
      },
      {
        method: 'statusPages.createIncident',
        input: { slug: 'acme', title: 'No message' },
        code: DesktopErrorCode.invalidInput,
        fields: ['message'],
      },
      {
        method: 'statusPages.createIncident',
        input: { slug: 'acme', title: 'Stray', message: 'x', monitorIds: ['other'] },
        code: ErrorCode.invalidMessage,
        fields: ['monitorIds.0'],
      },
      {
        method: 'statusPages.postUpdate',
        input: { slug: 'acme', incidentId: before.page.slug, status: 'fixed', message: 'x' },
        code: DesktopErrorCode.invalidInput,
        fields: ['status'],
      },
      {
        method: 'statusPages.addSubscriber',
        input: { slug: 'acme', subscriber: { kind: 'email', email: 'not-an-address' } },
        code: DesktopErrorCode.invalidInput,
        fields: ['subscriber.email'],
      },
    ];
    for (const row of rows) {
      const result = await t.call(row.method, row.input as never);
      expect(result.ok, `${row.method} ${JSON.stringify(row.input)}`).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(row.code);
      expect(result.error.fields?.map((f) => f.path).sort()).toEqual([...row.fields].sort());
    }
    expect(await t.value('statusPages.get', { slug: 'acme' })).toEqual(before);
    expect((await t.value('statusPages.incidents', { slug: 'acme' })).length).toBe(1);
    expect(await t.value('statusPages.subscribers', { slug: 'acme' })).toEqual([]);
  });

  it('deletes the page with its incidents; reading it then says it is not there', async () => {
    expect(await t.value('statusPages.delete', { slug: 'acme' })).toEqual({ slug: 'acme' });
    const gone = await t.call('statusPages.get', { slug: 'acme' });
    expect(gone.ok ? null : gone.error.code).toBe(ErrorCode.notFound);
    const incidents = await t.call('statusPages.incidents', { slug: 'acme' });
    expect(incidents.ok ? null : incidents.error.code).toBe(ErrorCode.notFound);
    expect(await t.value('statusPages.list')).toEqual([]);
  });
});
