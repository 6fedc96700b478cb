import { describe, expect, it } from 'vitest';
import { buildPublicPage } from './page-model.js';
import { renderBadge } from './render-badge.js';
import { renderAtomFeed } from './render-feeds.js';
import { barClass, formatUptime, renderPageHtml } from './render-page-html.js';
import { syntheticSources } from './testing/synthetic-page.js';

const NOW = Date.UTC(2026, 10, 23, 15, 30);

describe('formatUptime and barClass', () => {
  it.each([
    [1, '100.00 %', 'b-ok'],
    [0.99999, '99.99 %', 'b-ok'],
    [0.99, '99.00 %', 'b-warn'],
    [0.5, '50.00 %', 'b-bad'],
    [null, 'no data', 'b-none'],
  ])('%s reads %s and colours %s', (uptime, text, cls) => {
    expect(formatUptime(uptime)).toBe(text);
    expect(barClass(uptime)).toBe(cls);
  });
});

describe('renderPageHtml', () => {
  const hostile = '<img src=x onerror=alert(1)>"\'&';
  const src = syntheticSources(2, 7, NOW);
  const config = {
    ...src.config,
    title: hostile,
    description: hostile,
    sections: [{ title: hostile, monitors: [{ monitorId: 'm0', label: hostile, showTarget: false }] }],
  };
  const incidents = [
    {
      ...src.incidents[0]!,
      title: hostile,
      monitorIds: ['m0'],
      updates: [{ status: 'investigating' as const, message: hostile, at: NOW }],
    },
  ];
  const html = renderPageHtml(buildPublicPage({ ...src, config, incidents }), '/s/bench');

  it('escapes every user string', () => {
    expect(html).not.toContain('<img src=x');
    expect(
      html.split('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;').length - 1,
    ).toBeGreaterThanOrEqual(6);
  });

  it('links everything under the base and needs no script to show the figures', () => {
    expect(html).toContain('action="/s/bench/subscribe"');
    expect(html).toContain('href="/s/bench.json"');
    expect(html).toContain('data-base="/s/bench"');
    expect(html.match(/<i class="b-/g)).toHaveLength(7);
  });

  it('escapes badge and feed text', () => {
    expect(renderBadge(hostile, '1 ms', 'ok')).not.toContain('<img');
    expect(renderAtomFeed(buildPublicPage({ ...src, config, incidents }), 'https://x/s/bench')).not.toContain(
      '<img',
    );
  });
});
