import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpMonitor } from '../testing/fixtures.js';
import { type PageTestRelay, pageConfig, startPageTestRelay } from './testing/page-test-relay.js';

let t: PageTestRelay;
const DAY = 86_400_000;
const day = (ago: number) => new Date((Math.floor(Date.now() / DAY) - ago) * DAY).toISOString().slice(0, 10);

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.relay.port, path, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  t = await startPageTestRelay();
  await t.monitors('api', 'web', 'secret-db');
  await t.seed([
    { monitorId: 'api', daysAgo: 3, up: 9, down: 1, latencyMs: 80 },
    { monitorId: 'api', daysAgo: 1, up: 18, degraded: 2, latencyMs: 120 },
    { monitorId: 'api', daysAgo: 0, up: 4, latencyMs: 50 },
    { monitorId: 'web', daysAgo: 2, up: 3, down: 1 },
    { monitorId: 'secret-db', daysAgo: 0, up: 1, down: 7 },
  ]);
  const page = pageConfig(
    'acme',
    {
      'Core <services>': [
        ['api', 'Public <b>API</b>'],
        ['web', 'Website'],
      ],
    },
    {
      description: 'Tom & Jerry\'s "status"',
      customDomain: 'status.acme.test',
      figures: { uptime: true, dailyBars: true, latency: true, incidentHistory: true },
    },
  );
  expect((await t.api('PUT', '/status-pages/acme', page)).status).toBe(201);
  await t.api(
    'PUT',
    '/status-pages/draft',
    pageConfig('draft', { A: [['secret-db', 'Draft DB']] }, { published: false }),
  );
  const incident = await t.api('POST', '/status-pages/acme/incidents', {
    title: 'API <errors>',
    impact: 'major',
    monitorIds: ['api'],
    message: 'We see 5xx & timeouts',
  });
  await t.api('POST', `/status-pages/acme/incidents/${incident.body.id}/updates`, {
    status: 'identified',
    message: 'A bad deploy',
  });
}, 60_000);
afterAll(() => t?.close());

describe('the HTML page, without JavaScript', () => {
  it('shows one bar per day with the stored counts, the uptime over the range and the latency', async () => {
    const { status, text, headers } = await t.get('/s/acme');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(text.match(/<i class="b-/g)).toHaveLength(2 * 90);
    expect(text).toContain(`title="${day(3)}: 90.00 % up (10 checks, 1 failed)"`);
    expect(text).toContain(`title="${day(1)}: 100.00 % up (20 checks, 0 failed, 2 degraded)"`);
    expect(text).toContain(`title="${day(2)}: 75.00 % up (4 checks, 1 failed)"`);
    expect(text).toContain(`title="${day(5)}: no data"`);
    // api: 33 answered of 34 checks; web: 3 of 4.
    expect(text).toContain('97.05 % uptime');
    expect(text).toContain('75.00 % uptime');
    expect(text).toContain('50 ms avg today');
    expect(text).toMatch(/<i class="b-bad" title="[^"]+: 90\.00 %/);
    expect(text).toMatch(/<i class="b-none" title="[^"]+: no data"/);
  });

  it('shows the banner, the active incident with its updates, and escapes every user string', async () => {
    const { text } = await t.get('/s/acme');
    expect(text).toContain('Partial outage');
    expect(text).toContain('API &lt;errors&gt;');
    expect(text).toContain('We see 5xx &amp; timeouts');
    expect(text).toContain('A bad deploy');
    expect(text).toContain('Public &lt;b&gt;API&lt;/b&gt;');
    expect(text).toContain('Core &lt;services&gt;');
    expect(text).toContain('Tom &amp; Jerry&#39;s &quot;status&quot;');
    expect(text).not.toMatch(/<b>API|<errors>|<services>/);
  });

  it('answers a repeat visit with 304 and caches publicly', async () => {
    const first = await t.get('/s/acme');
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.get('/s/acme', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });
});

describe('the JSON twin and badges', () => {
  it('carries the same figures as the page', async () => {
    const { status, text } = await t.get('/s/acme.json');
    expect(status).toBe(200);
    const page = JSON.parse(text);
    const api = page.sections[0].monitors[0];
    expect(api).toMatchObject({ label: 'Public <b>API</b>', uptime: 33 / 34, latencyMs: 50 });
    expect(api.days).toHaveLength(90);
    expect(api.days.at(-4)).toEqual({ date: day(3), up: 9, degraded: 0, down: 1, uptime: 0.9 });
    expect(api.days.at(-2)).toEqual({ date: day(1), up: 18, degraded: 2, down: 0, uptime: 1 });
    expect(page.overall).toBe('partial_outage');
    expect(page.activeIncidents[0]).toMatchObject({
      title: 'API <errors>',
      status: 'identified',
      affected: ['Public <b>API</b>'],
    });
  });

  it('serves status, uptime and latency badges from the stored aggregates', async () => {
    const detail = (await t.api('GET', '/status-pages/acme')).body;
    const api = detail.badges[0];
    const path = (url: string) => url.slice(t.relay.publicUrl.length);
    const uptime = await t.get(`${path(api.uptimeUrl)}?days=7`);
    expect(uptime.status).toBe(200);
    expect(uptime.headers.get('content-type')).toContain('image/svg+xml');
    expect(uptime.headers.get('cache-control')).toBe('public, max-age=300');
    expect(uptime.text).toContain('uptime 7d: 97.05%');
    expect((await t.get(`${path(api.uptimeUrl)}?days=2`)).text).toContain('uptime 2d: 100.00%');
    // Latency over today and yesterday: (4 × 50 + 20 × 120) / 24 = 108.3 ms.
    expect((await t.get(`${path(api.latencyUrl)}?days=2`)).text).toContain('latency 2d: 108 ms');
    expect((await t.get(path(api.statusUrl))).text).toMatch(
      /Public &lt;b&gt;API&lt;\/b&gt;: (operational|down|no data)/,
    );
  });

  it('answers 404 for the uptime and latency badges of a page that hides those figures', async () => {
    await t.api(
      'PUT',
      '/status-pages/plain',
      pageConfig(
        'plain',
        { A: [['api', 'API']] },
        {
          figures: { uptime: false, dailyBars: true, latency: false, incidentHistory: true },
        },
      ),
    );
    const badge = (await t.api('GET', '/status-pages/plain')).body.badges[0];
    const path = (url: string) => url.slice(t.relay.publicUrl.length);
    expect((await t.get(path(badge.uptimeUrl))).status).toBe(404);
    expect((await t.get(`${path(badge.latencyUrl)}?days=7`)).status).toBe(404);
    expect((await t.get(path(badge.statusUrl))).status).toBe(200);
  });

  it("never reaches past the page's range with ?days", async () => {
    const api = (await t.api('GET', '/status-pages/acme')).body.badges[0];
    const path = (url: string) => url.slice(t.relay.publicUrl.length);
    const wide = await t.get(`${path(api.uptimeUrl)}?days=365`);
    expect(wide.status).toBe(200);
    expect(wide.text).toContain('uptime 90d: 97.05%');
    expect((await t.get(`${path(api.latencyUrl)}?days=365`)).text).toContain('latency 90d');
  });

  it.each(['0', '366', 'abc', '1.5'])('answers 400 naming days for ?days=%s', async (days) => {
    const api = (await t.api('GET', '/status-pages/acme')).body.badges[0];
    const response = await t.get(`${api.uptimeUrl.slice(t.relay.publicUrl.length)}?days=${days}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).details).toEqual([
      { path: 'days', message: 'must be a whole number from 1 to 365' },
    ]);
  });
});

describe('only what was published', () => {
  it('never shows an unpublished monitor, monitor ids or regions in the HTML, JSON, feeds or badges', async () => {
    const bodies = await Promise.all(
      ['/s/acme', '/s/acme.json', '/s/acme/feed.atom', '/s/acme/feed.rss'].map((p) => t.get(p)),
    );
    for (const { status, text } of bodies) {
      expect(status).toBe(200);
      expect(text).not.toContain('secret-db');
      expect(text).not.toContain('Draft DB');
      expect(text).not.toMatch(/"monitorId"|"eu"|probe-eu|127\.0\.0\.1:9/);
    }
    const keys = (await t.api('GET', '/status-pages/draft')).body.badges;
    const draftBadge = keys[0].statusUrl.slice(t.relay.publicUrl.length);
    expect((await t.get(draftBadge)).status).toBe(404);
    // Another page's key under this page is unknown here.
    expect((await t.get(draftBadge.replace('/s/draft/', '/s/acme/'))).status).toBe(404);
  });

  it.each([
    '/s/draft',
    '/s/draft.json',
    '/s/draft/feed.atom',
    '/s/draft/feed.rss',
    '/s/draft/events',
    '/s/nope',
    '/s/nope.json',
    '/s/Bad_Slug',
  ])('answers 404 for %s', async (path) => {
    const response = await t.get(path);
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('Draft DB');
  });

  it('hides the target unless the page shows it', async () => {
    expect((await t.get('/s/acme')).text).not.toContain('127.0.0.1:9');
    await t.api('PUT', '/status-pages/shown', {
      ...pageConfig('shown', { A: [['web', 'Website']] }),
      sections: [{ title: 'A', monitors: [{ monitorId: 'web', label: 'Website', showTarget: true }] }],
    });
    expect((await t.get('/s/shown')).text).toContain('http://127.0.0.1:9/');
  });

  it('shows a target without its credentials, query or fragment', async () => {
    const created = await t.api(
      'POST',
      '/monitors',
      httpMonitor('tokened', 'https://ops:hunter2@api.acme.test/health?token=s3cret#frag', {
        interval: 3600,
        timeout: 5,
      }),
    );
    expect(created.status).toBe(201);
    await t.api('PUT', '/status-pages/tgt', {
      ...pageConfig('tgt', { A: [['tokened', 'API']] }),
      sections: [{ title: 'A', monitors: [{ monitorId: 'tokened', label: 'API', showTarget: true }] }],
    });
    const html = (await t.get('/s/tgt')).text;
    const json = (await t.get('/s/tgt.json')).text;
    expect(html).toContain('https://api.acme.test/health');
    expect(JSON.parse(json).sections[0].monitors[0].target).toBe('https://api.acme.test/health');
    for (const text of [html, json]) expect(text).not.toMatch(/hunter2|ops:|s3cret|token=|#frag/);
  });

  it('says "No data yet" rather than "All systems operational" before any monitor reported', async () => {
    await t.monitors('fresh');
    await t.api('PUT', '/status-pages/fresh', pageConfig('fresh', { A: [['fresh', 'New API']] }));
    const html = (await t.get('/s/fresh')).text;
    expect(html).toContain('banner--unknown');
    expect(html).toContain('No data yet');
    expect(html).not.toContain('All systems operational');
    expect(JSON.parse((await t.get('/s/fresh.json')).text).overall).toBe('unknown');
  });
});

describe('feeds', () => {
  it('lists each update of the written incidents, escaped', async () => {
    const atom = await t.get('/s/acme/feed.atom');
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(atom.text).toContain('<title>API &lt;errors&gt;: Identified</title>');
    expect(atom.text).toContain('<title>API &lt;errors&gt;: Investigating</title>');
    const rss = await t.get('/s/acme/feed.rss');
    expect(rss.text).toContain('<title>API &lt;errors&gt;: Identified</title>');
    expect(rss.text).toContain('We see 5xx &amp; timeouts');
  });
});

describe('custom domain', () => {
  it('serves the page at the root of its domain, with its links relative to it', async () => {
    const root = await getWithHost('/', 'status.acme.test');
    expect(root.status).toBe(200);
    expect(root.text).toContain('API &lt;errors&gt;');
    expect(root.text).toContain('href="/feed.atom"');
    expect(root.text).toContain('data-base=""');
    expect((await getWithHost('/feed.atom', 'status.acme.test:8080')).text).toContain('<feed');
    expect(JSON.parse((await getWithHost('/index.json', 'STATUS.acme.test')).text).slug).toBe('acme');
  });

  it('builds feed links from the configured domain, never from the Host text', async () => {
    const atom = (await getWithHost('/feed.atom', 'STATUS.acme.test:8080')).text;
    expect(atom).toContain('<link rel="alternate" href="http://status.acme.test"/>');
    expect(atom).not.toMatch(/8080|STATUS/);
    const rss = (await getWithHost('/feed.rss', 'status.acme.test:9999')).text;
    expect(rss).toContain('<link>http://status.acme.test</link>');
    expect(rss).not.toContain('9999');
  });

  it.each(['status.acme.test:8080/evil', 'status.acme.test@evil.test', 'status.acme.test:x'])(
    'serves nothing for the malformed Host %s',
    async (host) => {
      expect((await getWithHost('/', host)).status).toBe(404);
    },
  );

  it('leaves other hosts and the relay routes alone', async () => {
    expect((await getWithHost('/', 'other.test')).status).toBe(404);
    expect((await getWithHost('/healthz', 'status.acme.test')).status).toBe(200);
    expect((await getWithHost('/s/acme', 'other.test')).status).toBe(200);
  });
});
