import type { PageTestRelay, SeedDay } from './page-test-relay.js';

/** The demo page's monitors: id, public label and section. */
const DEMO_MONITORS: ReadonlyArray<[id: string, label: string, section: string]> = [
  ['web', 'Website', 'Customer-facing'],
  ['app', 'Web app', 'Customer-facing'],
  ['checkout', 'Checkout', 'Customer-facing'],
  ['api', 'Public API', 'API'],
  ['webhooks', 'Webhook delivery', 'API'],
  ['auth', 'Sign-in (OAuth)', 'API'],
  ['db', 'Primary database', 'Infrastructure'],
  ['cdn', 'CDN', 'Infrastructure'],
];

/** Bad days of the demo history: [monitor, days ago, failed checks of 48]. */
const BAD_DAYS: ReadonlyArray<[string, number, number]> = [
  ['api', 61, 9],
  ['checkout', 61, 4],
  ['cdn', 33, 1],
  ['db', 17, 14],
  ['app', 17, 3],
  ['webhooks', 6, 2],
  ['api', 0, 6],
];

/**
 * Publishes a realistic page on a test relay: 8 monitors in 3 sections with 90 days of history
 * (48 checks a day, a few bad days), the API failing right now, one active written incident with
 * three updates, one resolved incident in the history, a CDN upgrade in two days and email
 * subscriptions (through a channel pointed at 127.0.0.1:2525).
 */
export async function publishDemoPage(t: PageTestRelay, slug = 'acme'): Promise<void> {
  await t.monitors(...DEMO_MONITORS.map(([id]) => id));
  const days: SeedDay[] = [];
  for (const [id] of DEMO_MONITORS) {
    for (let ago = 89; ago >= 0; ago--) {
      const failed = BAD_DAYS.find(([m, d]) => m === id && d === ago)?.[2] ?? 0;
      const latency = { db: 4, cdn: 18, api: 120, auth: 210 }[id] ?? 160;
      days.push({
        monitorId: id,
        daysAgo: ago,
        up: 48 - failed,
        degraded: 0,
        latencyMs: latency + (ago % 7) * 3,
      });
      if (failed > 0) days.push({ monitorId: id, daysAgo: ago, up: 0, down: failed });
    }
  }
  await t.seed(days);
  await t.api('PUT', '/alert-channels/mail', {
    kind: 'email',
    id: 'mail',
    name: 'Status mail',
    host: '127.0.0.1',
    port: 2525,
    security: 'none',
    from: 'Acme Status <status@acme.example.com>',
    to: ['ops@acme.example.com'],
  });
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 2 * 86_400_000;
  await t.api('PUT', '/maintenance-windows/cdn-upgrade', {
    kind: 'once',
    id: 'cdn-upgrade',
    name: 'CDN edge upgrade',
    monitorIds: ['cdn'],
    startsAt: start,
    endsAt: start + 2 * 3_600_000,
  });
  const sections = new Map<
    string,
    { title: string; monitors: { monitorId: string; label: string; showTarget?: boolean }[] }
  >();
  for (const [id, label, section] of DEMO_MONITORS) {
    const entry = sections.get(section) ?? { title: section, monitors: [] };
    entry.monitors.push({ monitorId: id, label });
    sections.set(section, entry);
  }
  const put = await t.api('PUT', `/status-pages/${slug}`, {
    slug,
    title: 'Acme Cloud',
    description: 'Live status of Acme Cloud services, measured from three regions.',
    homepageUrl: 'https://acme.example.com',
    logo: DEMO_LOGO,
    sections: [...sections.values()],
    figures: { uptime: true, dailyBars: true, latency: true, incidentHistory: true },
    rangeDays: 90,
    subscriberEmailChannelId: 'mail',
  });
  if (put.status !== 201) throw new Error(`demo page: ${put.status} ${JSON.stringify(put.body)}`);
  const old = await t.api('POST', `/status-pages/${slug}/incidents`, {
    title: 'Database failover slowed writes',
    impact: 'major',
    monitorIds: ['db', 'app'],
    status: 'identified',
    message: 'A storage node failed; the replica took over and writes were slow for 40 minutes.',
  });
  await t.api('POST', `/status-pages/${slug}/incidents/${old.body.id}/updates`, {
    status: 'resolved',
    message: 'Writes are back to normal. We are replacing the failed node.',
  });
  const active = await t.api('POST', `/status-pages/${slug}/incidents`, {
    title: 'Elevated API error rates',
    impact: 'minor',
    monitorIds: ['api'],
    status: 'investigating',
    message: 'Some API requests in eu-west fail with 503. We are looking into it.',
  });
  await t.api('POST', `/status-pages/${slug}/incidents/${active.body.id}/updates`, {
    status: 'identified',
    message: 'A bad deploy of the rate limiter rejects valid requests. Rolling it back.',
  });
  await t.api('POST', `/status-pages/${slug}/incidents/${active.body.id}/updates`, {
    status: 'monitoring',
    message: 'The rollback is done and error rates are dropping. We keep watching.',
  });
}

/** A small SVG logo (a blue rounded square with a white "A"). */
const DEMO_LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#3e63dd"/>' +
    '<path d="M20 48 32 14l12 34h-7l-2.5-8h-5L27 48z M31 34h2l-1-5z" fill="#fff"/></svg>',
).toString('base64')}`;
