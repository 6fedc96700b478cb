import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import type { MonitorOf } from '@vantage/shared';
import type { CheckKind } from '../check-kind.js';

type RecordType = MonitorOf<'dns'>['recordType'];

/** Each record type's lookup, with its answers as the strings conditions compare. */
const LOOKUPS: Record<RecordType, (resolver: Resolver, name: string) => Promise<string[]>> = {
  A: (r, name) => r.resolve4(name),
  AAAA: (r, name) => r.resolve6(name),
  CNAME: (r, name) => r.resolveCname(name),
  MX: async (r, name) => (await r.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`),
  TXT: async (r, name) => (await r.resolveTxt(name)).map((chunks) => chunks.join('')),
  NS: (r, name) => r.resolveNs(name),
};

function describeDnsError(error: unknown, monitor: MonitorOf<'dns'>, stopReason: string | undefined): string {
  const code = (error as { code?: string }).code ?? '';
  const name = monitor.hostname;
  const server = monitor.resolver ? `resolver ${monitor.resolver}` : 'the system resolver';
  switch (code) {
    case 'ECANCELLED':
      return stopReason ?? 'DNS lookup cancelled';
    case 'ENOTFOUND':
      return `DNS NXDOMAIN for ${name}`;
    case 'ENODATA':
      return `DNS has no ${monitor.recordType} records for ${name}`;
    case 'ESERVFAIL':
      return `DNS SERVFAIL for ${name}`;
    case 'EREFUSED':
      return `DNS query for ${name} refused by ${server}`;
    case 'ETIMEOUT':
      return `DNS timeout: no answer from ${server}`;
    case 'ECONNREFUSED':
      return `DNS: ${server} refused the connection`;
    default:
      return `DNS error for ${name}: ${code || (error instanceof Error ? error.message : String(error))}`;
  }
}

function bindSource(resolver: Resolver, sourceAddress: string): void {
  if (net.isIPv6(sourceAddress)) resolver.setLocalAddress('0.0.0.0', sourceAddress);
  else resolver.setLocalAddress(sourceAddress);
}

/** DNS check: one lookup of one record type, against the monitor's resolver or the system's. */
export const dnsCheck: CheckKind<'dns'> = {
  kind: 'dns',
  async run(monitor, ctx) {
    const startedAt = performance.now();
    const elapsed = () => performance.now() - startedAt;
    // c-ares resends a lost UDP query itself; three tries fit the check's timeout, and the
    // check's stop cancels the lookup as a whole.
    const tryMs = Math.max(100, Math.floor((monitor.timeout * 1000) / 3));
    const resolver = new Resolver({ timeout: tryMs, tries: 3 });
    try {
      if (monitor.resolver) resolver.setServers([monitor.resolver]);
      if (ctx.sourceAddress) bindSource(resolver, ctx.sourceAddress);
    } catch (error) {
      return {
        ok: false,
        error: `DNS: cannot use resolver ${monitor.resolver}: ${(error as Error).message}`,
        phases: {},
        elapsedMs: elapsed(),
      };
    }
    if (ctx.stop.reason !== undefined) return { ok: false, error: ctx.stop.reason, phases: {}, elapsedMs: 0 };
    const unsubscribe = ctx.stop.onStop(() => resolver.cancel());
    try {
      const answers = await LOOKUPS[monitor.recordType](resolver, monitor.hostname);
      const dnsMs = elapsed();
      return { ok: true, observation: { responseTimeMs: dnsMs, dnsAnswers: answers }, phases: { dnsMs } };
    } catch (error) {
      const dnsMs = elapsed();
      return {
        ok: false,
        error: describeDnsError(error, monitor, ctx.stop.reason),
        phases: { dnsMs },
        elapsedMs: dnsMs,
      };
    } finally {
      unsubscribe();
    }
  },
};
