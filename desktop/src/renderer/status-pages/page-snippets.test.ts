import { describe, expect, it } from 'vitest';
import { logoProblem } from './page-logo.js';
import { badgeSnippets, dnsHint } from './page-snippets.js';

const badge = {
  label: 'API [EU] & "more"',
  statusUrl: 'https://relay.example/s/acme/badge/api/status.svg',
  uptimeUrl: 'https://relay.example/s/acme/badge/api/uptime.svg',
  latencyUrl: 'https://relay.example/s/acme/badge/api/latency.svg',
};

describe('badge snippets', () => {
  it('links each badge kind to the page, escaped for Markdown and HTML', () => {
    const status = badgeSnippets(badge, 'status', 'https://relay.example/s/acme');
    expect(status.markdown).toBe(
      '[![API \\[EU\\] & "more" status](https://relay.example/s/acme/badge/api/status.svg)](https://relay.example/s/acme)',
    );
    expect(status.html).toBe(
      '<a href="https://relay.example/s/acme"><img src="https://relay.example/s/acme/badge/api/status.svg" alt="API [EU] &amp; &quot;more&quot; status"></a>',
    );
    expect(badgeSnippets(badge, 'uptime', 'u').markdown).toContain(badge.uptimeUrl);
    expect(badgeSnippets(badge, 'latency', 'u').html).toContain(badge.latencyUrl);
  });
});

describe('the custom domain DNS hint', () => {
  it('asks for a CNAME to a named relay and an A record to an address', () => {
    expect(dnsHint('Status.Acme.example ', 'https://relay.acme.example/s/acme')).toEqual({
      type: 'CNAME',
      name: 'status.acme.example',
      value: 'relay.acme.example',
      localOnly: false,
    });
    expect(dnsHint('status.acme.example', 'http://203.0.113.7:8080/s/acme')).toMatchObject({
      type: 'A',
      value: '203.0.113.7',
    });
    expect(dnsHint('status.acme.example', 'http://[2001:db8::1]/s/acme')).toMatchObject({
      type: 'AAAA',
      value: '2001:db8::1',
    });
  });

  it('warns when the relay is only reachable from this computer, and stays quiet without a domain', () => {
    expect(dnsHint('status.acme.example', 'http://127.0.0.1:4100/s/acme')?.localOnly).toBe(true);
    expect(dnsHint('', 'https://relay.acme.example/s/acme')).toBeNull();
    expect(dnsHint('status.acme.example', 'not a url')).toBeNull();
  });
});

describe('logo files', () => {
  it('takes small PNG, JPEG, SVG and WebP images only', () => {
    expect(logoProblem({ type: 'image/png', size: 20_000 })).toBeNull();
    expect(logoProblem({ type: 'image/svg+xml', size: 256 * 1024 })).toBeNull();
    expect(logoProblem({ type: 'image/gif', size: 1000 })).toBe(
      'The logo must be a PNG, JPEG, SVG or WebP image.',
    );
    expect(logoProblem({ type: 'image/png', size: 256 * 1024 + 1 })).toBe(
      'The logo is 257 KB; at most 256 KB fits on a page.',
    );
  });
});
