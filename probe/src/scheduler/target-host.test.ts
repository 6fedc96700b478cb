import { type MonitorInput, MonitorSchema } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { targetHost } from './target-host.js';

const host = (input: Record<string, unknown>) =>
  targetHost(MonitorSchema.parse({ id: 'm', name: 'm', ...input } as MonitorInput));

describe('targetHost', () => {
  it.each([
    ['an http URL', { type: 'http', url: 'https://Example.COM:8443/health' }, 'example.com'],
    ['a URL with a trailing dot', { type: 'http', url: 'http://example.com./' }, 'example.com'],
    ['a tcp host in capitals', { type: 'tcp', host: 'Example.com', port: 22 }, 'example.com'],
    ['an IPv6 URL', { type: 'http', url: 'http://[::1]:8080/' }, '::1'],
    ['an IPv6 tcp host', { type: 'tcp', host: '::1', port: 22 }, '::1'],
    ['a tls host', { type: 'tls', host: 'example.com' }, 'example.com'],
    [
      'a resolver with a port',
      { type: 'dns', hostname: 'a.example', resolver: '10.0.0.53:5353' },
      '10.0.0.53',
    ],
    ['a resolver without one', { type: 'dns', hostname: 'a.example', resolver: '10.0.0.53' }, '10.0.0.53'],
    ['a bracketed IPv6 resolver', { type: 'dns', hostname: 'a.example', resolver: '[::1]:53' }, '::1'],
    ['a bare IPv6 resolver', { type: 'dns', hostname: 'a.example', resolver: '::1' }, '::1'],
    ['the system resolver', { type: 'dns', hostname: 'a.example' }, 'system-resolver'],
  ])('keys %s by its host', (_what, input, expected) => {
    expect(host(input)).toBe(expected);
  });
});
