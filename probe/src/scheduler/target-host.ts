import type { Monitor } from '@vantage/shared';

/** The host a monitor's checks talk to; at most `perHost` checks run against one host at a time. */
export function targetHost(monitor: Monitor): string {
  switch (monitor.type) {
    case 'http':
    case 'browser':
      return hostOfUrl(monitor.url);
    case 'tcp':
    case 'tls':
      return monitor.host.toLowerCase();
    case 'dns':
      // A DNS check asks its resolver, so the resolver is the host it could overload.
      return monitor.resolver ?? 'system-resolver';
    case 'heartbeat':
      return 'heartbeat';
  }
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
