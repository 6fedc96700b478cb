/**
 * Analytics figures on the store holding 10,000,000 raw results of 2,000 monitors over 30 days
 * (see bench-store-data.ts), median of repeated calls:
 * - one monitor's SLA report over 90 days (rollups: hours, refined by the minute around the last
 *   two days' failures; its 30 days of raw rows for the phase breakdown);
 * - the same over 7 days and 1 day;
 * - the SLA overview of 200 monitors over 30 days (one line each, the same figures as a report);
 * - the same for all 2,000 monitors (the target the overview is built for).
 */
import type { BenchRow } from '../../scripts/bench.js';
import { monitorReport, reportSubject, slaOverview } from '../src/core/analytics/index.js';
import { openDesktopStore } from '../src/core/store/index.js';
import { BENCH_NOW, BENCH_RESULTS, benchMonitorId, benchStore } from './bench-store-data.js';

const DAY = 86_400_000;

function median(samples: number[]): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(runs: number, fn: () => unknown, warmups = 2): number {
  for (let i = 0; i < warmups; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** The analytics bench rows. */
export default async function analyticsBench(): Promise<BenchRow[]> {
  const path = benchStore((line) => process.stderr.write(`${line}\n`));
  const store = openDesktopStore(path, { now: () => BENCH_NOW });
  try {
    // Each bench monitor keeps one state all month (see bench-store-data.ts); these are the up ones.
    const healthy = Array.from({ length: 2000 }, (_, m) => m).filter((m) => (m * 7919) % 1000 >= 30);
    let next = 0;
    const report = (days: number) => {
      // A different monitor each call, so no call reads pages the previous one just cached.
      next = (next + 37) % healthy.length;
      const monitorId = benchMonitorId(healthy[next]!);
      const subject = reportSubject(store, monitorId)!;
      return monitorReport(store, subject, {
        monitorId,
        from: BENCH_NOW - days * DAY,
        to: BENCH_NOW,
        now: BENCH_NOW,
      });
    };
    const check = report(90);
    const down = reportSubject(store, benchMonitorId(0))!;
    const alwaysDown = monitorReport(store, down, {
      monitorId: down.monitorId,
      from: BENCH_NOW - 7 * DAY,
      to: BENCH_NOW,
      now: BENCH_NOW,
    });
    if (alwaysDown.outages.length !== 1 || alwaysDown.uptime === null || alwaysDown.uptime > 0.01) {
      throw new Error(
        `bench report of a monitor down all month looks wrong: ${alwaysDown.outages.length} outages`,
      );
    }
    if (
      check.checks < 4000 ||
      check.latency === null ||
      check.phases === null ||
      check.phases.samples < 250
    ) {
      throw new Error(
        `bench report looks wrong: ${check.checks} checks, ${check.phases?.samples} phase samples`,
      );
    }
    const ids = Array.from({ length: 200 }, (_, i) => benchMonitorId(i * 10));
    const overview = (monitorIds: string[]) =>
      slaOverview(store, { from: BENCH_NOW - 30 * DAY, to: BENCH_NOW, now: BENCH_NOW, monitorIds });
    const all = Array.from({ length: 2000 }, (_, m) => benchMonitorId(m));
    if (overview(all).rows.length !== all.length) throw new Error('bench overview lost monitors');
    const rawM = (BENCH_RESULTS / 1e6).toFixed(0);
    return [
      {
        figure: `SLA report of one monitor over 90 days (uptime, outages, MTTR/MTBF, p50–p99, phases, daily steps), ${rawM} M raw results in the store`,
        value: timed(30, () => report(90)),
        unit: 'ms',
        target: '< 50 ms',
      },
      { figure: 'the same over 7 days', value: timed(30, () => report(7)), unit: 'ms', target: '< 50 ms' },
      {
        figure: 'the same over 1 day (hourly steps)',
        value: timed(30, () => report(1)),
        unit: 'ms',
        target: '< 50 ms',
      },
      {
        figure: 'SLA overview of 200 monitors over 30 days',
        value: timed(3, () => overview(ids)),
        unit: 'ms',
        target: '< 1,000 ms',
      },
      {
        figure: 'SLA overview of all 2,000 monitors over 30 days',
        // The check above warmed it; each call reads every monitor's month anyway.
        value: timed(3, () => overview(all), 0),
        unit: 'ms',
        target: '< 500 ms',
      },
    ];
  } finally {
    store.close();
  }
}
