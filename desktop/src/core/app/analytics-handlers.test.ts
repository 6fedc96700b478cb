import { API_METHODS, type ApiResult } from '../../contract/index.js';
import type { Incident, LoggedResult } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { analyticsHandlers } from './analytics-handlers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 10);
const T0 = NOW - DAY;
const REGIONS = ['ap', 'eu', 'us'] as const;
const LATENCY: Record<string, number> = { ap: 300, eu: 100, us: 200 };

/**
 * A day of checks every minute from three regions, with three failures:
 * - minutes 600–609: eu and us down (a majority), incident api:1 open 602–610, cause HTTP 503;
 * - minutes 1000–1004: eu alone down (no majority: the monitor stayed up);
 * - minutes 1200–1202: every region down, no incident.
 * And an older incident three days back, an hour long.
 */
function isDown(region: string, minute: number): boolean {
  if (minute >= 600 && minute < 610) return region !== 'ap';
  if (minute >= 1000 && minute < 1005) return region === 'eu';
  return minute >= 1200 && minute < 1203;
}

function dayOfChecks(): LoggedResult[] {
  const out: LoggedResult[] = [];
  let cursor = 0;
  for (let minute = 0; minute < 1440; minute++) {
    REGIONS.forEach((region, ri) => {
      const down = isDown(region, minute);
      cursor += 1;
      out.push({
        cursor,
        probeId: `probe-${region}`,
        seq: minute + 1,
        monitorId: 'api',
        region,
        ts: T0 + minute * MIN + ri * 1000,
        state: down ? 'down' : 'up',
        latencyMs: down ? 10_000 : LATENCY[region]!,
        phases: { dnsMs: 5, connectMs: 10, tlsMs: 15, ttfbMs: 60, transferMs: 10 },
        message: down ? 'HTTP 503' : '',
        attempts: 1,
        probeHealthy: true,
        revision: 1,
      });
    });
  }
  return out;
}

const incident = (id: string, openedAt: number, resolvedAt: number, cause: string): Incident => ({
  id,
  monitorId: 'api',
  openedAt,
  resolvedAt,
  cause,
  regions: ['eu', 'us'],
  timeline: [],
});

function valueOf<T>(result: ApiResult<T> | Promise<ApiResult<T>>): T {
  if (result instanceof Promise) throw new Error('analytics handlers answer synchronously');
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('analytics handlers with planned maintenance', () => {
  it('leaves checks taken during maintenance out of downtime and out of the observed time', () => {
    const temp = tempStore({ now: () => NOW });
    try {
      const { store } = temp;
      store.monitors.save({
        id: 'db',
        name: 'DB',
        type: 'tcp',
        host: 'db.example.com',
        port: 5432,
        regions: ['eu'],
      });
      // Down for the hour of maintenance (minutes 300–359) and for 10 minutes at 900 outside it.
      const results: LoggedResult[] = [];
      for (let minute = 0; minute < 1440; minute++) {
        const inMaintenance = minute >= 300 && minute < 360;
        const down = inMaintenance || (minute >= 900 && minute < 910);
        results.push({
          cursor: minute + 1,
          probeId: 'probe-eu',
          seq: minute + 1,
          monitorId: 'db',
          region: 'eu',
          ts: T0 + minute * MIN,
          state: down ? 'down' : 'up',
          latencyMs: down ? 10_000 : 3,
          message: down ? 'connect ECONNREFUSED' : '',
          attempts: 1,
          probeHealthy: true,
          revision: 1,
          ...(inMaintenance ? { maintenance: true } : {}),
        });
      }
      store.ingestResults(results, { relay: 'test' });
      const handlers = analyticsHandlers({ store, config: { now: () => NOW } });
      const r = valueOf(handlers['analytics.report']({ monitorId: 'db', from: T0, to: NOW }));
      expect(r.maintenanceS).toBe(3600);
      expect(r.outages.map((o) => [(o.start - T0) / MIN, o.durationS])).toEqual([[900, 600]]);
      expect(r.uptime).toBeCloseTo(1 - 600 / (86_400 - 3600), 12);
      expect(r.checks).toBe(1380);
      expect(r.series[5]).toMatchObject({ uptime: null, checks: 0 });
    } finally {
      temp.dispose();
    }
  });
});

describe('analytics handlers on a store with a day of checks', () => {
  let temp: TempStore;
  let handlers: ReturnType<typeof analyticsHandlers>;

  beforeEach(() => {
    temp = tempStore({ now: () => NOW });
    const { store } = temp;
    for (const [id, name] of [
      ['api', 'API'],
      ['web', 'Web, "main"'],
    ]) {
      const saved = store.monitors.save({
        id,
        name,
        type: 'http',
        url: `https://${id}.example.com`,
        regions: [...REGIONS],
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
    const checks = dayOfChecks();
    for (let i = 0; i < checks.length; i += 1000)
      store.ingestResults(checks.slice(i, i + 1000), { relay: 'test' });
    store.incidents.upsert(incident('api:0', NOW - 3 * DAY, NOW - 3 * DAY + HOUR, 'timeout'));
    store.incidents.upsert(incident('api:1', T0 + 602 * MIN, T0 + 610 * MIN, 'HTTP 503'));
    handlers = analyticsHandlers({ store, config: { now: () => NOW } });
  });
  afterEach(() => temp.dispose());

  const report = (input: { monitorId: string; region?: string; from: number; to: number }) => {
    const value = valueOf(handlers['analytics.report'](API_METHODS['analytics.report'].input.parse(input)));
    return API_METHODS['analytics.report'].output.parse(value);
  };

  it('reports the day of all regions: outages joined with incidents, uptime, MTTR and MTBF', () => {
    const r = report({ monitorId: 'api', from: T0, to: NOW });
    expect(r.name).toBe('API');
    expect(r.outages.map((o) => [(o.start - T0) / MIN, (o.end - T0) / MIN, o.durationS, o.cause])).toEqual([
      [600, 610, 600, 'HTTP 503'],
      [1200, 1203, 180, 'Checks failed in ap, eu, us'],
    ]);
    expect(r.downtimeS).toBe(780);
    expect(r.uptime).toBeCloseTo(1 - 780 / 86_400, 12);
    expect(r.mttrS).toBe(390);
    expect(r.mtbfS).toBe((86_400 - 780) / 2);
    expect(r.incidentCount).toBe(1);
    expect(r.checks).toBe(4320);
    expect(r.checkUptime).toBeCloseTo((4320 - 34) / 4320, 12);
    expect(r.lastDowntime).toMatchObject({ start: T0 + 1200 * MIN, durationS: 180 });
  });

  it('reads latency percentiles from the merged sketches and phases from the raw checks', () => {
    const r = report({ monitorId: 'api', from: T0, to: NOW });
    expect(r.latency?.p50Ms).toBeCloseTo(200, -1);
    expect(r.latency?.p99Ms).toBeCloseTo(300, -1);
    expect(r.latency?.avgMs).toBeCloseTo((1437 * 300 + 1427 * 200 + 1422 * 100) / 4286, 6);
    expect(r.phases).toMatchObject({ dnsMs: 5, connectMs: 10, tlsMs: 15, ttfbMs: 60, transferMs: 10 });
    expect(r.phases!.samples).toBeGreaterThan(250);
  });

  it('compares the regions, each with its own failures', () => {
    const r = report({ monitorId: 'api', from: T0, to: NOW });
    const rows = Object.fromEntries(r.regions.map((row) => [row.region, row]));
    expect(Object.keys(rows)).toEqual(['ap', 'eu', 'us']);
    expect(rows.eu).toMatchObject({ downtimeS: 600 + 300 + 180, outages: 3, checks: 1440 });
    expect(rows.us).toMatchObject({ downtimeS: 600 + 180, outages: 2 });
    expect(rows.ap).toMatchObject({ downtimeS: 180, outages: 1 });
    expect(rows.ap!.latency?.p50Ms).toBeCloseTo(300, -1);
  });

  it('charts the day hour by hour with the downtime in its hour', () => {
    const r = report({ monitorId: 'api', from: T0, to: NOW });
    expect(r.step).toBe('hour');
    expect(r.series).toHaveLength(24);
    expect(r.series[10]).toMatchObject({ downtimeS: 600, checks: 180, down: 20 });
    expect(r.series[20]).toMatchObject({ downtimeS: 180, down: 9 });
    expect(r.series[0]).toMatchObject({ uptime: 1, downtimeS: 0 });
  });

  it('reports one region with the failures only it had', () => {
    const r = report({ monitorId: 'api', region: 'eu', from: T0, to: NOW });
    expect(r.region).toBe('eu');
    expect(r.outages.map((o) => [(o.start - T0) / MIN, o.durationS])).toEqual([
      [600, 600],
      [1000, 300],
      [1200, 180],
    ]);
    expect(r.downtimeS).toBe(1080);
    expect(r.checks).toBe(1440);
  });

  it('gives the same day figures over a week and over 90 days, charted by the day', () => {
    for (const days of [7, 90]) {
      const r = report({ monitorId: 'api', from: NOW - days * DAY, to: NOW });
      expect(r.step).toBe('day');
      expect(r.series).toHaveLength(days);
      expect(r.series.at(-1)).toMatchObject({ downtimeS: 780, checks: 4320, down: 34 });
      // The hour-long incident three days back is inside both.
      expect(r.downtimeS).toBe(3600 + 780);
      expect(r.uptime).toBeCloseTo(1 - 4380 / (days * 86_400), 12);
      expect(r.outages.map((o) => o.durationS)).toEqual([3600, 600, 180]);
      expect(r.checks).toBe(4320);
      expect(r.regions.find((row) => row.region === 'eu')?.downtimeS).toBe(3600 + 1080);
    }
  });

  it('counts only the checks inside a range that starts and ends mid-day', () => {
    const r = report({ monitorId: 'api', from: T0 + 6 * HOUR, to: T0 + 18 * HOUR });
    expect(r.checks).toBe(12 * 60 * 3);
    expect(r.downtimeS).toBe(600);
  });

  it('answers full uptime for a quiet part of the range and names the last downtime before it', () => {
    const r = report({ monitorId: 'api', from: T0, to: T0 + 9 * HOUR });
    expect(r.uptime).toBe(1);
    expect(r.outages).toEqual([]);
    expect(r.mttrS).toBeNull();
    expect(r.mtbfS).toBeNull();
    expect(r.lastDowntime).toMatchObject({ start: NOW - 3 * DAY, durationS: 3600, cause: 'timeout' });
  });

  it('answers unknown uptime for a range with no checks, and not found for an unknown monitor', () => {
    const empty = report({ monitorId: 'api', from: NOW - 20 * DAY, to: NOW - 10 * DAY });
    expect(empty.uptime).toBeNull();
    expect(empty.checks).toBe(0);
    expect(empty.phases).toMatchObject({ samples: 0, dnsMs: null });
    const missing = handlers['analytics.report']({
      monitorId: 'nope',
      from: T0,
      to: NOW,
    }) as ApiResult<unknown>;
    expect(missing.ok).toBe(false);
  });

  it('lists every monitor in the overview with totals', () => {
    const value = valueOf(handlers['analytics.overview']({ from: T0, to: NOW }));
    const overview = API_METHODS['analytics.overview'].output.parse(value);
    expect(overview.rows.map((r) => [r.monitorId, r.downtimeS, r.outages, r.incidents, r.mttrS])).toEqual([
      ['api', 780, 2, 1, 390],
      ['web', 0, 0, 0, null],
    ]);
    expect(overview.rows[1]!.uptime).toBeNull();
    expect(overview.totals).toMatchObject({ monitors: 2, downtimeS: 780, incidents: 1, mttrS: 390 });
    expect(overview.totals.uptime).toBeCloseTo(1 - 780 / 86_400, 12);
  });

  it('exports the overview as CSV with a header and quoted names', () => {
    const value = valueOf(
      handlers['analytics.slaCsv'](API_METHODS['analytics.slaCsv'].input.parse({ from: T0, to: NOW })),
    );
    const lines = value.text.split('\r\n');
    expect(lines[0]).toBe(
      'monitor_id,monitor,type,from,to,uptime_percent,downtime_s,outages,incidents,mttr_s,p95_ms,checks',
    );
    expect(lines[1]).toMatch(
      /^api,API,http,2025-06-09T00:00:00.000Z,2025-06-10T00:00:00.000Z,99.0972,780,2,1,390,[\d.]+,4320$/,
    );
    expect(lines[2]).toBe(
      'web,"Web, ""main""",http,2025-06-09T00:00:00.000Z,2025-06-10T00:00:00.000Z,,0,0,0,,,0',
    );
    expect(lines[3]).toBe('');
    expect(value).toMatchObject({ rows: 2, filename: 'vantage-sla-2025-06-09_2025-06-10.csv' });
  });

  it('narrows the CSV to the monitors asked for', () => {
    const input = API_METHODS['analytics.slaCsv'].input.parse({ from: T0, to: NOW, monitorIds: 'web' });
    const value = valueOf(handlers['analytics.slaCsv'](input));
    expect(value.rows).toBe(1);
    expect(value.text.split('\r\n')[1]).toMatch(/^web,/);
  });
});
