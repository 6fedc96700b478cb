import type { Incident, LoggedResult } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { monitorReport } from './monitor-report.js';
import { reportSubject } from './report-subject.js';
import { slaOverview } from './sla-overview.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Mid-afternoon, so ranges that end now cut today (and their first day) in two. */
const NOW = Date.UTC(2025, 5, 10, 15, 20);
const START = NOW - 5 * DAY;

/** The seeded monitors: regions, and which (region, check index) fail. */
const MONITORS: { id: string; regions: string[]; down: (region: string, k: number) => boolean }[] = [
  // Quiet in three regions: the overview reads no region line for it.
  { id: 'quiet', regions: ['ap', 'eu', 'us'], down: () => false },
  // A majority down for 40 minutes 3 days back, eu alone down an hour ago, all down 10 minutes ago.
  {
    id: 'flaky',
    regions: ['ap', 'eu', 'us'],
    down: (r, k) => (k >= 576 && k < 584 && r !== 'ap') || (k >= 1420 && k < 1426 && r === 'eu') || k >= 1436,
  },
  // One region, down for a day and a half ending yesterday.
  { id: 'single', regions: ['eu'], down: (_r, k) => k >= 900 && k < 1332 },
  // Two regions that never split a majority: one down never makes the monitor down.
  { id: 'split', regions: ['eu', 'us'], down: (r, k) => r === 'us' && k % 97 < 3 },
];

/** Five days of checks every 5 minutes for every monitor in each of its regions. */
function checks(): LoggedResult[] {
  const out: LoggedResult[] = [];
  let cursor = 0;
  for (const m of MONITORS) {
    m.regions.forEach((region, ri) => {
      for (let k = 0; START + k * 5 * MIN < NOW; k++) {
        const down = m.down(region, k);
        cursor += 1;
        out.push({
          cursor,
          probeId: `probe-${region}`,
          seq: cursor,
          monitorId: m.id,
          region,
          ts: START + k * 5 * MIN + ri * 1000,
          state: down ? 'down' : 'up',
          latencyMs: down ? 10_000 : 40 + ((k * 37 + ri * 11) % 160),
          message: down ? 'HTTP 503' : '',
          attempts: 1,
          probeHealthy: true,
          revision: 1,
        });
      }
    });
  }
  return out;
}

const incident = (
  id: string,
  monitorId: string,
  openedAt: number,
  resolvedAt: number | undefined,
): Incident => ({
  id,
  monitorId,
  openedAt,
  ...(resolvedAt === undefined ? {} : { resolvedAt }),
  cause: 'HTTP 503',
  regions: ['eu', 'us'],
  timeline: [],
});

describe('slaOverview', () => {
  let temp: TempStore;
  beforeAll(() => {
    temp = tempStore({ now: () => NOW });
    const { store } = temp;
    for (const m of MONITORS) {
      const saved = store.monitors.save({
        id: m.id,
        name: m.id.toUpperCase(),
        type: 'http',
        url: `https://${m.id}.example.com`,
        regions: m.regions,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
    const all = checks();
    for (let i = 0; i < all.length; i += 2000) store.ingestResults(all.slice(i, i + 2000), { relay: 'test' });
    store.incidents.upsert(incident('flaky:1', 'flaky', START + 578 * 5 * MIN, START + 586 * 5 * MIN));
    store.incidents.upsert(incident('flaky:2', 'flaky', NOW - 8 * MIN, undefined));
    store.incidents.upsert(incident('single:1', 'single', START + 900 * 5 * MIN, START + 1332 * 5 * MIN));
    // Enough monitors asked for that the incidents are read once for all of them.
    for (let i = 0; i < 10; i++) {
      store.monitors.save({
        id: `idle-${i}`,
        name: `Idle ${i}`,
        type: 'tcp',
        host: 'db.example.com',
        port: 5432,
      });
    }
  });
  afterAll(() => temp.dispose());

  it.each([
    ['4 days ending now', NOW - 4 * DAY, NOW],
    ['3 days ending 7 hours ago', NOW - 3 * DAY - 7 * HOUR, NOW - 7 * HOUR],
    ['whole days, today included', Date.UTC(2025, 5, 6), Date.UTC(2025, 5, 11)],
  ])('gives each monitor the figures of its own report over %s', (_label, from, to) => {
    const { store } = temp;
    const overview = slaOverview(store, { from, to, now: NOW });
    expect(overview.rows).toHaveLength(MONITORS.length + 10);
    for (const row of overview.rows) {
      const subject = reportSubject(store, row.monitorId)!;
      const report = monitorReport(store, subject, { monitorId: row.monitorId, from, to, now: NOW });
      expect(row).toEqual({
        monitorId: row.monitorId,
        name: subject.name,
        type: row.monitorId.startsWith('idle') ? 'tcp' : 'http',
        uptime: report.uptime,
        downtimeS: report.downtimeS,
        incidents: report.incidentCount,
        outages: report.outages.length,
        mttrS: report.mttrS,
        p95Ms: report.latency?.p95Ms ?? null,
        checks: report.checks,
      });
    }
    // The seeded failures show: a row that any of them leaves at 100 % would be a wrong fast path.
    const byId = new Map(overview.rows.map((r) => [r.monitorId, r]));
    expect(byId.get('quiet')!.uptime).toBe(1);
    expect(byId.get('split')!.uptime).toBe(1);
    expect(byId.get('flaky')!.downtimeS).toBeGreaterThan(0);
    expect(byId.get('idle-0')!.uptime).toBeNull();
  });

  it('narrows to the monitors asked for and skips unknown ids', () => {
    const overview = slaOverview(temp.store, {
      from: NOW - DAY * 3,
      to: NOW,
      now: NOW,
      monitorIds: ['single', 'nope', 'quiet'],
    });
    expect(overview.rows.map((r) => r.monitorId)).toEqual(['quiet', 'single']);
    expect(overview.rows[1]!.downtimeS).toBeGreaterThan(0);
  });
});
