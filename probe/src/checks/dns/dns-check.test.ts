import { DnsMonitor } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCheckContext } from '../../test-targets/check-context.js';
import { type DnsTarget, startDnsTarget } from '../../test-targets/dns-target.js';
import { runCheck } from '../run-check.js';
import { dnsCheck } from './dns-check.js';

let server: DnsTarget;
beforeAll(async () => {
  server = await startDnsTarget({
    zone: {
      'example.test': {
        A: ['192.0.2.10', '192.0.2.11'],
        AAAA: ['2001:db8::10'],
        MX: ['10 mail.example.test', '20 backup.example.test'],
        TXT: ['v=spf1 -all'],
        NS: ['ns1.example.test'],
      },
      'www.example.test': { CNAME: ['example.test'] },
    },
    servfail: ['broken.example.test'],
    silent: ['blackhole.example.test'],
  });
});
afterAll(() => server.close());

type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS';
const monitor = (
  hostname: string,
  recordType: RecordType,
  extra: { expectedAnswers?: string[]; timeout?: number } = {},
) =>
  DnsMonitor.parse({
    id: 'dns',
    name: 'DNS',
    type: 'dns',
    hostname,
    recordType,
    resolver: server.address,
    ...extra,
  });
const now = Date.now;

describe('dns check', () => {
  it.each([
    ['A', 'example.test', ['192.0.2.10', '192.0.2.11']],
    ['AAAA', 'example.test', ['2001:db8::10']],
    ['CNAME', 'www.example.test', ['example.test']],
    ['MX', 'example.test', ['10 mail.example.test', '20 backup.example.test']],
    ['TXT', 'example.test', ['v=spf1 -all']],
    ['NS', 'example.test', ['ns1.example.test']],
  ] as const)('answers %s lookups of %s as strings from the chosen resolver', async (type, name, answers) => {
    const result = await dnsCheck.run(monitor(name, type), testCheckContext());
    if (!result.ok) throw new Error(result.error);
    expect([...(result.observation.dnsAnswers ?? [])].sort()).toEqual(answers);
    expect(result.phases.dnsMs).toBe(result.observation.responseTimeMs);
  });

  it('is up when every expected answer is present and down naming the missing one', async () => {
    const up = await runCheck(monitor('example.test', 'A', { expectedAnswers: ['192.0.2.11'] }), { now });
    expect(up).toMatchObject({ state: 'up', message: '' });
    const down = await runCheck(monitor('example.test', 'A', { expectedAnswers: ['192.0.2.99'] }), { now });
    expect(down.state).toBe('down');
    expect(down.message).toContain('192.0.2.99');
  });

  it('says NXDOMAIN, SERVFAIL and no records in plain words', async () => {
    expect((await runCheck(monitor('nope.example.test', 'A'), { now })).message).toBe(
      'DNS NXDOMAIN for nope.example.test',
    );
    expect((await runCheck(monitor('broken.example.test', 'A'), { now })).message).toBe(
      'DNS SERVFAIL for broken.example.test',
    );
    expect((await runCheck(monitor('www.example.test', 'MX'), { now })).message).toBe(
      'DNS has no MX records for www.example.test',
    );
  });

  it('gives up with "timeout after N s" when the resolver never answers', async () => {
    const outcome = await runCheck(monitor('blackhole.example.test', 'A', { timeout: 0.3 }), { now });
    expect(outcome).toMatchObject({ state: 'down', message: 'timeout after 0.3 s' });
  });

  it('sends its queries from the source address', async () => {
    const before = server.queries.length;
    const outcome = await runCheck(monitor('example.test', 'TXT'), { now, sourceAddress: '127.0.0.2' });
    expect(outcome.state).toBe('up');
    expect(server.queries.slice(before).map((q) => q.remoteAddress)).toEqual(['127.0.0.2']);
  });
});
