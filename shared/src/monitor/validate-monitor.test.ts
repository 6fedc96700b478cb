import { describe, expect, it } from 'vitest';
import { effectiveConditions } from './effective-conditions.js';
import { MONITOR_DEFAULTS } from './monitor-defaults.js';
import { validateMonitor } from './validate-monitor.js';

const http = { id: 'api', name: 'API', type: 'http', url: 'https://example.com/health' };

describe('validateMonitor', () => {
  it('fills in every documented default', () => {
    const result = validateMonitor(http);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      interval: MONITOR_DEFAULTS.intervalS,
      timeout: MONITOR_DEFAULTS.timeoutS,
      confirmation: MONITOR_DEFAULTS.confirmation,
      recovery: MONITOR_DEFAULTS.recovery,
      quorum: 'majority',
      regions: 'all',
      method: 'GET',
      expectedStatus: '200..299',
      maxRedirects: 5,
      verifyTls: true,
      tags: [],
      conditions: [],
      paused: false,
    });
  });

  it('accepts duration text for spans and stores seconds', () => {
    const result = validateMonitor({ ...http, interval: '5m', timeout: '1500ms' });
    expect(result.ok && result.value.interval).toBe(300);
    expect(result.ok && result.value.timeout).toBe(1.5);
  });

  it('shrinks an omitted timeout to a short interval but rejects an explicit one that does not fit', () => {
    const shrunk = validateMonitor({ ...http, interval: 3 });
    expect(shrunk.ok && shrunk.value.timeout).toBe(3);
    const rejected = validateMonitor({ ...http, interval: 3, timeout: 5 });
    expect(rejected.ok).toBe(false);
    expect(!rejected.ok && rejected.error).toEqual([
      { path: 'timeout', message: 'must not be longer than the interval (3 s)' },
    ]);
  });

  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a non-http URL', { ...http, url: 'ftp://x' }, 'url', /http/],
    ['an interval below one second', { ...http, interval: 0.5 }, 'interval', /at least 1/],
    ['an interval over a day', { ...http, interval: '2d' }, 'interval', /at most 86400/],
    ['nonsense duration text', { ...http, interval: 'soon' }, 'interval', /not a duration/],
    ['an unknown monitor type', { ...http, type: 'ping' }, 'type', /http/],
    ['an empty name', { ...http, name: '  ' }, 'name', /empty/],
    ['a bad region name', { ...http, regions: ['eu-west', 'EU WEST'] }, 'regions.1', /lowercase/],
    ['a zero confirmation', { ...http, confirmation: 0 }, 'confirmation', /./],
    [
      'a condition that does not parse',
      { ...http, conditions: ['status in 200..299', 'status ~ 3'] },
      'conditions.1',
      /at \d+/,
    ],
    ['a bad expected status', { ...http, expectedStatus: 'ok' }, 'expectedStatus', /status, range/],
    [
      'a degraded limit above the down limit',
      { ...http, degradedAboveMs: 900, downAboveMs: 500 },
      'degradedAboveMs',
      /below/,
    ],
    ['a monitor that is its own parent', { ...http, parent: 'api' }, 'parent', /itself/],
    ['a bad header name', { ...http, headers: { 'x y': '1' } }, 'headers.x y', /header name/],
    ['a TCP port out of range', { id: 't', name: 'T', type: 'tcp', host: 'db', port: 70000 }, 'port', /./],
    [
      'a bad DNS record type',
      { id: 'd', name: 'D', type: 'dns', hostname: 'example.com', recordType: 'SRV' },
      'recordType',
      /A/,
    ],
    [
      'a bad resolver',
      { id: 'd', name: 'D', type: 'dns', hostname: 'example.com', resolver: 'dns.google' },
      'resolver',
      /IP/,
    ],
    [
      'a heartbeat with both period and cron',
      { id: 'h', name: 'H', type: 'heartbeat', period: 60, cron: '* * * * *' },
      'period',
      /exactly one/,
    ],
    [
      'a heartbeat with neither period nor cron',
      { id: 'h', name: 'H', type: 'heartbeat' },
      'period',
      /exactly one/,
    ],
    ['a bad cron expression', { id: 'h', name: 'H', type: 'heartbeat', cron: '61 * * * *' }, 'cron', /cron/],
    [
      'an unknown time zone',
      { id: 'h', name: 'H', type: 'heartbeat', cron: '0 3 * * *', timezone: 'Mars/Base' },
      'timezone',
      /time zone/,
    ],
  ];

  it.each(bad)('rejects %s and names the field', (_label, input, path, message) => {
    const result = validateMonitor(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.error.find((e) => e.path === path);
    expect(error, JSON.stringify(result.error)).toBeDefined();
    expect(error?.message).toMatch(message);
  });

  it('reports every bad field at once', () => {
    const result = validateMonitor({ ...http, url: 'nope', interval: -1, confirmation: 'two' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path).sort()).toEqual(['confirmation', 'interval', 'url']);
  });

  it('accepts a single expected status, a range and a list', () => {
    for (const expectedStatus of ['302', '200..299', '[200..299, 304]']) {
      const result = validateMonitor({ ...http, expectedStatus });
      expect(result.ok, expectedStatus).toBe(true);
      if (result.ok) expect(effectiveConditions(result.value)[0]?.subject.kind).toBe('status');
    }
  });

  it('returns a frozen monitor so nothing downstream edits a validated config', () => {
    const result = validateMonitor(http);
    expect(result.ok && Object.isFrozen(result.value)).toBe(true);
  });
});
