import type { PageIncident, StatusPageDetail, StatusPageSummary } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { fakeTransport, type FakeHandlers } from '../testing/fake-transport.js';
import { createAppStore } from './app-store.js';

function summary(slug: string, extra: Partial<StatusPageSummary> = {}): StatusPageSummary {
  return {
    slug,
    title: slug.toUpperCase(),
    published: true,
    url: `http://relay.example/s/${slug}`,
    monitorCount: 1,
    subscriberCount: 0,
    openIncidentCount: 0,
    updatedAt: 1,
    ...extra,
  };
}

function detail(slug: string, extra: Partial<StatusPageSummary> = {}): StatusPageDetail {
  return {
    page: {
      slug,
      title: slug.toUpperCase(),
      description: '',
      sections: [{ title: '', monitors: [{ monitorId: 'api', label: 'API', showTarget: false }] }],
      figures: { uptime: true, dailyBars: true, latency: false, incidentHistory: true },
      rangeDays: 90,
      theme: 'auto',
      published: extra.published ?? true,
    },
    summary: summary(slug, extra),
    badges: [],
  };
}

function incident(id: string, createdAt: number): PageIncident {
  return {
    id,
    slug: 'b',
    title: id,
    impact: 'minor',
    monitorIds: [],
    updates: [{ status: 'investigating', message: 'x', at: createdAt }],
    createdAt,
  };
}

function setup(handlers: FakeHandlers) {
  const transport = fakeTransport(handlers);
  const store = createAppStore({ transport, shell: 'web', now: () => 0, setHash: () => {} });
  return { store, transport };
}

describe('the status pages slice', () => {
  it('keeps the list in title order as pages are saved, and forgets a deleted one', async () => {
    const { store } = setup({
      'statusPages.list': () => [summary('c')],
      'statusPages.save': (config) => detail(config.slug, { published: config.published ?? true }),
      'statusPages.delete': ({ slug }) => ({ slug }),
    });
    await store.getState().loadStatusPages();
    await store.getState().saveStatusPage({ ...detail('a').page, published: false });
    expect(store.getState().statusPages.map((p) => [p.slug, p.published])).toEqual([
      ['a', false],
      ['c', true],
    ]);
    expect(store.getState().pageDetails.a?.summary.published).toBe(false);
    await store.getState().deleteStatusPage('a');
    expect(store.getState().statusPages.map((p) => p.slug)).toEqual(['c']);
    expect(store.getState().pageDetails.a).toBeUndefined();
  });

  it("says why the list could not be loaded (the relay's reason)", async () => {
    const { store } = setup({
      'statusPages.list': () => ({
        ok: false,
        error: { code: 'VANTAGE_ERR_RELAY_UNAVAILABLE', message: 'no relay is linked' },
      }),
    });
    await store.getState().loadStatusPages();
    expect(store.getState().statusPagesLoad).toEqual({ status: 'error', error: 'no relay is linked' });
  });

  it('keeps written incidents newest first and refreshes the counts after each change', async () => {
    const { store, transport } = setup({
      'statusPages.incidents': () => [incident('old', 10)],
      'statusPages.createIncident': () => incident('new', 20),
      'statusPages.postUpdate': () => ({ ...incident('old', 10), resolvedAt: 30 }),
      'statusPages.list': () => [summary('b', { openIncidentCount: 1 })],
    });
    await store.getState().loadPageIncidents('b');
    await store.getState().createPageIncident('b', { title: 'new', message: 'x' });
    expect(store.getState().pageIncidents.b?.map((i) => i.id)).toEqual(['new', 'old']);
    await store.getState().postPageUpdate('b', 'old', { status: 'resolved', message: 'done' });
    expect(store.getState().pageIncidents.b?.map((i) => [i.id, i.resolvedAt])).toEqual([
      ['new', undefined],
      ['old', 30],
    ]);
    expect(transport.calls.filter((c) => c.method === 'statusPages.list')).toHaveLength(2);
  });

  it('adds and removes subscribers of one page only', async () => {
    const subscriber = {
      id: 's1',
      slug: 'b',
      kind: 'webhook' as const,
      address: 'https://hooks.example/x',
      confirmed: true,
      createdAt: 1,
      secret: 'shh',
    };
    const { store } = setup({
      'statusPages.addSubscriber': () => subscriber,
      'statusPages.removeSubscriber': ({ subscriberId }) => ({ id: subscriberId }),
    });
    const added = await store.getState().addPageSubscriber('b', { kind: 'webhook', url: subscriber.address });
    expect(added.ok && added.value.secret).toBe('shh');
    expect(store.getState().pageSubscribers.b?.map((s) => s.id)).toEqual(['s1']);
    expect(store.getState().pageSubscribers.c).toBeUndefined();
    await store.getState().removePageSubscriber('b', 's1');
    expect(store.getState().pageSubscribers.b).toEqual([]);
  });
});
