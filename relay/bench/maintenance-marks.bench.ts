/**
 * Cost of marking maintenance on stored results: a 5,000-result batch over 1,000 monitors, 100 of
 * them covered by a recurring window, results spread over the last six hours (a spool uploaded
 * late), marked by the calendar against asking each window per result.
 */
import { type CheckResult, MaintenanceWindow, maintenanceActive, maintenanceCovers } from '@vantage/shared';
import type { BenchRow } from '../../scripts/bench.js';
import { MaintenanceCalendar } from '../src/alerts/maintenance/maintenance-calendar.js';
import { markMaintenance } from '../src/evaluation/maintenance-marks.js';

const MONITORS = 1000;
const BATCH = 5000;
const ROUNDS = 40;

/** Nanoseconds per result of marking `ROUNDS` batches with `lookup`. */
function nsPerResult(batch: CheckResult[], lookup: (monitorId: string, at: number) => boolean): number {
  const started = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS; round += 1) markMaintenance(batch, lookup);
  return Number(process.hrtime.bigint() - started) / (ROUNDS * BATCH);
}

export default async function maintenanceMarksBench(): Promise<BenchRow[]> {
  const now = Date.now();
  const monitors = Array.from({ length: MONITORS }, (_, i) => ({
    id: `m${i}`,
    tags: i % 10 === 0 ? ['db'] : [],
  }));
  const window = MaintenanceWindow.parse({
    kind: 'recurring',
    id: 'hourly',
    name: 'Hourly',
    tags: ['db'],
    cron: '0 * * * *',
    timeZone: 'UTC',
    durationMinutes: 10,
  });
  const batch: CheckResult[] = Array.from({ length: BATCH }, (_, i) => ({
    probeId: 'p1',
    seq: i + 1,
    monitorId: `m${i % MONITORS}`,
    region: 'eu-west',
    ts: now - ((i * 4_321) % (6 * 3_600_000)),
    state: 'up',
    latencyMs: 10,
    message: '',
    attempts: 1,
    probeHealthy: true,
  }));
  const calendar = new MaintenanceCalendar();
  calendar.refresh([window], monitors, now);
  const byId = new Map(monitors.map((m) => [m.id, m]));
  const calendarNs = nsPerResult(batch, (id, at) => calendar.covers(id, at));
  const naiveNs = nsPerResult(
    batch,
    (id, at) => maintenanceCovers(window, byId.get(id)!) && maintenanceActive(window, at),
  );
  return [
    {
      figure: 'maintenance mark per result by when it was taken (10% of monitors in a recurring window)',
      value: Math.round(calendarNs),
      unit: 'ns',
      baseline: 'asking the window per result',
      baselineValue: Math.round(naiveNs),
    },
  ];
}
