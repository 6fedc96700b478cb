import type { LoggedResult } from '@vantage/shared';

/** The shape of a synthetic relay log: every monitor checked from every region each interval. */
export interface ResultLogShape {
  monitors: number;
  regions: readonly string[];
  intervalMs: number;
  /** Epoch ms of the first round of checks. */
  from: number;
  /** Results to produce. */
  count: number;
  /** Cursor of the first result minus one (a relay log already read up to there). */
  cursorBase?: number;
  /** Rounds `[from, to)` in which the first monitor is in maintenance: its results come marked. */
  maintenanceRounds?: readonly [number, number];
}

/** The monitor id of the i-th synthetic monitor. */
export function monitorIdOf(i: number): string {
  return `mon-${String(i).padStart(4, '0')}`;
}

/**
 * The relay log a fleet of probes would produce, in log order: one probe per region (`probe-<region>`),
 * round after round, each round checking every monitor from every region. States and latencies
 * vary deterministically (some degraded, some down, one probe briefly unhealthy), so rollups have
 * something to count and every run of a test sees the same log.
 */
export function* syntheticResults(shape: ResultLogShape): Generator<LoggedResult> {
  const { monitors, regions } = shape;
  const perRound = monitors * regions.length;
  const seqs = regions.map(() => 0);
  for (let i = 0; i < shape.count; i++) {
    const round = Math.floor(i / perRound);
    const m = Math.floor((i % perRound) / regions.length);
    const ri = i % regions.length;
    const region = regions[ri]!;
    seqs[ri]! += 1;
    const h = (i * 2654435761) % 1000;
    const state = h < 20 ? 'down' : h < 70 ? 'degraded' : 'up';
    const latencyMs = state === 'down' ? 10_000 : 20 + (h % 300) + ((i * 7) % 1000) / 1000;
    const result: LoggedResult = {
      cursor: (shape.cursorBase ?? 0) + i + 1,
      probeId: `probe-${region}`,
      seq: seqs[ri]!,
      monitorId: monitorIdOf(m),
      region,
      ts: shape.from + round * shape.intervalMs + m * 7 + ri,
      state,
      latencyMs,
      phases: {
        dnsMs: 1.25,
        connectMs: 2.5 + (h % 10),
        ttfbMs: Math.round(latencyMs * 500) / 1000,
        transferMs: 0.75,
      },
      message: state === 'down' ? 'connect ECONNREFUSED 127.0.0.1:9' : '',
      attempts: state === 'down' ? 2 : 1,
      probeHealthy: !(ri === 0 && round % 97 === 13),
      revision: 3,
    };
    if (state !== 'down') result.statusCode = 200;
    const maintenance = shape.maintenanceRounds;
    if (m === 0 && maintenance !== undefined && round >= maintenance[0] && round < maintenance[1])
      result.maintenance = true;
    yield result;
  }
}

/** The synthetic log in pages of `size`, as the relay would send it. */
export function* pagesOf(results: Iterable<LoggedResult>, size: number): Generator<LoggedResult[]> {
  let page: LoggedResult[] = [];
  for (const result of results) {
    page.push(result);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
