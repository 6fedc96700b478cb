import { isIPv6 } from 'node:net';
import type { Monitor } from '@vantage/shared';

/**
 * The host a monitor's checks talk to; at most `perHost` checks run against one host at a time.
 * Spellings of one host give one key (`Example.COM.`, `example.com`; `[::1]` in a URL, `::1` as a
 * TCP host), so monitors of several kinds on one machine share its limit.
 */
export function targetHost(monitor: Monitor): string {
  switch (monitor.type) {
    case 'http':
    case 'browser':
      return hostOfUrl(monitor.url);
    case 'tcp':
    case 'tls':
      return normalizeHost(monitor.host);
    case 'dns':
      // A DNS check asks its resolver, so the resolver is the host it could overload.
      return monitor.resolver ? resolverHost(monitor.resolver) : 'system-resolver';
    case 'heartbeat':
      return 'heartbeat';
  }
}

function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

function hostOfUrl(url: string): string {
  try {
    return normalizeHost(new URL(url).hostname);
  } catch {
    return url;
  }
}

/** `1.1.1.1`, `1.1.1.1:53`, `::1`, `[::1]:53` → the address without the port. */
function resolverHost(resolver: string): string {
  if (isIPv6(resolver)) return normalizeHost(resolver);
  const bracketed = /^\[([^\]]+)\]/.exec(resolver);
  if (bracketed) return normalizeHost(bracketed[1] ?? resolver);
  return resolver.replace(/:\d+$/, '');
}
