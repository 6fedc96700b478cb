import { MaintenanceWindow, RESOLUTION_MS, StatusPageConfig } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { buildPublicPage } from './page-model.js';
import { syntheticSources } from './testing/synthetic-page.js';

const NOW = Date.UTC(2026, 10, 23, 15, 30);
const TODAY = Date.UTC(2026, 10, 23);

describe('buildPublicPage', () => {
  it('gives one day per day of the range, oldest first, with counts and uptime, null without checks', () => {
    const src = syntheticSources(2, 7, NOW, {
      dayCounts: () =>
        new Map([
          [
            'm0',
            new Map([
              [TODAY, { up: 9, degraded: 1, down: 0, latencySumUs: 10 * 80_000 }],
              [TODAY - 2 * RESOLUTION_MS.day, { up: 3, degraded: 0, down: 1, latencySumUs: 3 * 100_000 }],
            ]),
          ],
        ]),
    });
    const page = buildPublicPage(src);
    const [m0, m1] = page.sections[0]!.monitors;
    expect(m0!.days!.map((d) => d.date)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(m0!.days![4]).toEqual({ date: '2026-11-21', up: 3, degraded: 0, down: 1, uptime: 0.75 });
    expect(m0!.days![6]).toEqual({ date: '2026-11-23', up: 9, degraded: 1, down: 0, uptime: 1 });
    expect(m0!.days![0]!.uptime).toBeNull();
    expect(m0!.uptime).toBe(13 / 14);
    expect(m0!.latencyMs).toBe(80);
    expect(m1).toMatchObject({ uptime: null, latencyMs: null });
  });

  it('leaves out the figures the page does not show', () => {
    const base = syntheticSources(1, 30, NOW);
    const config = StatusPageConfig.parse({
      ...base.config,
      figures: { uptime: false, dailyBars: false, latency: false, incidentHistory: false },
    });
    const page = buildPublicPage({ ...base, config });
    expect(Object.keys(page.sections[0]!.monitors[0]!).sort()).toEqual(['key', 'label', 'state']);
    expect(page.incidentHistory).toBeUndefined();
  });

  it('publishes labels and keys only, never ids, names or unlisted monitors', () => {
    const base = syntheticSources(3, 7, NOW);
    const incidents = [{ ...base.incidents[0]!, monitorIds: ['m1', 'removed-monitor'] }];
    const page = buildPublicPage({ ...base, incidents });
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/"m\d"|internal|removed-monitor/);
    expect(page.activeIncidents[0]!.affected).toEqual(['Service m1']);
    expect(page.sections[0]!.monitors.map((m) => m.key)).toEqual(['key-m0', 'key-m1', 'key-m2']);
  });

  it('lists maintenance that covers published monitors, by id or tag, and nothing else', () => {
    const window = (id: string, extra: object) =>
      MaintenanceWindow.parse({
        kind: 'once',
        id,
        name: id,
        startsAt: NOW + 3_600_000,
        endsAt: NOW + 7_200_000,
        ...extra,
      });
    const base = syntheticSources(2, 7, NOW);
    const tagged = { ...base.monitor('m1')!, tags: ['edge'] };
    const page = buildPublicPage({
      ...base,
      monitor: (id) => (id === 'm1' ? tagged : base.monitor(id)),
      maintenance: [
        window('by-id', { monitorIds: ['m0'] }),
        window('by-tag', { tags: ['edge'] }),
        window('other', { monitorIds: ['elsewhere'] }),
      ],
    });
    expect(page.maintenance.map((m) => [m.name, m.affected, m.active])).toEqual([
      ['by-id', ['Service m0'], false],
      ['by-tag', ['Service m1'], false],
    ]);
  });

  it('sets the banner from monitor states and open written incidents', () => {
    expect(buildPublicPage(syntheticSources(4, 7, NOW)).overall).toBe('partial_outage');
    expect(buildPublicPage(syntheticSources(2, 7, NOW)).overall).toBe('degraded');
    expect(buildPublicPage(syntheticSources(2, 7, NOW, { incidents: [] })).overall).toBe('operational');
  });
});
