import {
  type Monitor,
  MonitorSchema,
  type MonitorStatus,
  type PageIncident,
  RESOLUTION_MS,
  StatusPageConfig,
} from '@vantage/shared';
import type { DayCountTable } from '../day-counts.js';
import type { PageSources } from '../page-model.js';

/** Page sources built in memory: `monitors` monitors in sections of 10, `days` of counts each. */
export function syntheticSources(
  monitors: number,
  rangeDays: number,
  now: number,
  overrides: Partial<PageSources> = {},
): PageSources {
  const ids = Array.from({ length: monitors }, (_, i) => `m${i}`);
  const sections = [];
  for (let i = 0; i < ids.length; i += 10)
    sections.push({
      title: `Group ${i / 10 + 1}`,
      monitors: ids.slice(i, i + 10).map((id) => ({ monitorId: id, label: `Service ${id}` })),
    });
  const config = StatusPageConfig.parse({
    slug: 'bench',
    title: 'Bench',
    sections,
    rangeDays,
    figures: { uptime: true, dailyBars: true, latency: true, incidentHistory: true },
  });
  const today = Math.floor(now / RESOLUTION_MS.day) * RESOLUTION_MS.day;
  const table: DayCountTable = new Map();
  ids.forEach((id, m) => {
    const days = new Map();
    for (let d = 0; d < rangeDays; d++) {
      const down = (d * 7 + m) % 23 === 0 ? 30 : 0;
      days.set(today - d * RESOLUTION_MS.day, {
        up: 1440 - down,
        degraded: d % 5 === 0 ? 3 : 0,
        down,
        latencySumUs: 1440 * 120_000,
      });
    }
    table.set(id, days);
  });
  const monitorsById = new Map<string, Monitor>(
    ids.map((id) => [
      id,
      MonitorSchema.parse({ id, name: `internal ${id}`, type: 'http', url: `https://${id}.internal/` }),
    ]),
  );
  const incidents: PageIncident[] = [
    {
      id: 'inc_1',
      slug: 'bench',
      title: 'Slow responses',
      impact: 'minor',
      monitorIds: ['m1'],
      updates: [
        { status: 'investigating', message: 'Looking', at: now - 3_600_000 },
        { status: 'identified', message: 'Found it', at: now - 1_800_000 },
      ],
      createdAt: now - 3_600_000,
    },
  ];
  return {
    config,
    keyOf: (id) => `key-${id}`,
    status: (id): MonitorStatus => (id === 'm3' ? 'down' : 'up'),
    monitor: (id) => monitorsById.get(id) ?? null,
    dayCounts: (wanted) =>
      new Map(wanted.flatMap((id) => (table.has(id) ? [[id, table.get(id)!] as const] : []))),
    incidents,
    maintenance: [],
    baseUrl: 'https://relay.example.com/s/bench',
    emailSubscriptions: true,
    now,
    ...overrides,
  };
}
