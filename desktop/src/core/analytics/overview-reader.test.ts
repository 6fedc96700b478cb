import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorIdOf, pagesOf, syntheticResults } from '../store/testing/result-fixtures.js';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { monitorReport } from './monitor-report.js';
import { reportSubject } from './report-subject.js';
import { slaOverview } from './sla-overview.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2025, 2, 1);
/** Mid-afternoon: ranges ending now cut today, and their first day. */
const NOW = FROM + 3 * DAY + 15 * HOUR + 20 * 60_000;
const MONITORS = 12;

// The overview reads every monitor's days (and the hours of the days a range cuts) in bulk, and
// the rest line by line; whatever a monitor's history, its row must be its report's figures.
describe('slaOverview through bulk reads', () => {
  let temp: TempStore;
  beforeAll(() => {
    temp = tempStore({ now: () => NOW });
    const { store } = temp;
    for (let m = 0; m < MONITORS; m++) {
      // Three regions for some, one for others: the synthetic log has every monitor in each.
      const regions = m % 3 === 0 ? ['eu-west'] : ['eu-west', 'us-east', 'ap-south'];
      const saved = store.monitors.save({
        id: monitorIdOf(m),
        name: `Service ${MONITORS - m}`,
        type: 'http',
        url: `https://s${m}.example.com`,
        regions,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
    // Every 5 minutes; 2 % of checks down, some degraded, monitor 0 in maintenance for a while.
    const log = syntheticResults({
      monitors: MONITORS - 2,
      regions: ['eu-west', 'us-east', 'ap-south'],
      intervalMs: 300_000,
      from: FROM,
      count: (MONITORS - 2) * 3 * 12 * 87,
      maintenanceRounds: [400, 460],
    });
    for (const page of pagesOf(log, 2000)) store.ingestResults(page, { relay: 'ws://relay' });
    store.incidents.upsert({
      id: 'i-1',
      monitorId: monitorIdOf(4),
      openedAt: FROM + DAY + 2 * HOUR,
      resolvedAt: FROM + DAY + 3 * HOUR,
      cause: 'HTTP 503',
      regions: ['eu-west', 'us-east'],
      timeline: [],
    });
    store.incidents.upsert({
      id: 'i-2',
      monitorId: monitorIdOf(5),
      openedAt: NOW - 40 * 60_000,
      cause: 'timeout',
      regions: ['us-east'],
      timeline: [],
    });
  });
  afterAll(() => temp.dispose());

  it.each([
    ['3 days ending now', NOW - 3 * DAY, NOW],
    ['whole days', FROM, FROM + 3 * DAY],
    ['a day ending 5 hours ago', NOW - 29 * HOUR, NOW - 5 * HOUR],
    ['a week reaching before the first check', NOW - 7 * DAY, NOW],
  ])('gives each monitor its report figures over %s', (_label, from, to) => {
    const incidentInRange = from <= FROM + DAY + 2 * HOUR && to >= FROM + DAY + 3 * HOUR;
    const { store } = temp;
    const overview = slaOverview(store, { from, to, now: NOW });
    expect(overview.rows).toHaveLength(MONITORS);
    for (const row of overview.rows) {
      const report = monitorReport(store, reportSubject(store, row.monitorId)!, {
        monitorId: row.monitorId,
        from,
        to,
        now: NOW,
      });
      expect(row).toMatchObject({
        uptime: report.uptime,
        downtimeS: report.downtimeS,
        incidents: report.incidentCount,
        outages: report.outages.length,
        mttrS: report.mttrS,
        p95Ms: report.latency?.p95Ms ?? null,
        checks: report.checks,
      });
    }
    // The history shows: latencies read, and the incident's hour counted as downtime.
    expect(overview.rows.filter((r) => r.p95Ms !== null)).toHaveLength(MONITORS - 2);
    const incident = overview.rows.find((r) => r.monitorId === monitorIdOf(4))!;
    expect(incident.downtimeS >= 3600).toBe(incidentInRange);
    expect(overview.rows.filter((r) => r.checks === 0).map((r) => r.monitorId)).toEqual([
      monitorIdOf(MONITORS - 1),
      monitorIdOf(MONITORS - 2),
    ]);
  });
});
