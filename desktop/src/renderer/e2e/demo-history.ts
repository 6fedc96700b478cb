import { join } from 'node:path';
import type { LoggedResult } from '@vantage/shared';
import { DATABASE_FILE } from '../../core/app/create-desktop-core.js';
import { openDesktopStore } from '../../core/store/index.js';

/** A stretch of time in a monitor's demo history when it was down or slow. */
export interface DemoOutage {
  /** Start and end, in ms before now. */
  fromAgoMs: number;
  toAgoMs: number;
  state: 'down' | 'degraded';
  message: string;
}

/** How a monitor behaved in the demo history: its latency per region and its bad stretches. */
export interface DemoHistoryProfile {
  monitorId: string;
  /** Typical response time per region, ms. */
  baseMs: Record<string, number>;
  outages?: DemoOutage[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A small deterministic random source (mulberry32), so every run draws the same history. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A week of checks for the documentation screenshots, ending `untilAgoMs` before `now`: every
 * 5 minutes per region up to a day ago, then every minute. These stand in for history the demo
 * could not wait a week to collect; everything after them comes from the real probes.
 */
export function* demoHistory(
  profiles: readonly DemoHistoryProfile[],
  now: number,
  untilAgoMs = 2 * MINUTE,
): Generator<LoggedResult> {
  const random = randomSource(7);
  const seqs = new Map<string, number>();
  let cursor = 0;
  const start = now - 7 * DAY;
  for (let ts = start; ts < now - untilAgoMs; ts += ts < now - DAY ? 5 * MINUTE : MINUTE) {
    for (const profile of profiles) {
      for (const [region, baseMs] of Object.entries(profile.baseMs)) {
        const probeId = `history-${region}`;
        const seq = (seqs.get(probeId) ?? 0) + 1;
        seqs.set(probeId, seq);
        const outage = profile.outages?.find((o) => ts >= now - o.fromAgoMs && ts < now - o.toAgoMs);
        // A daily rhythm plus noise, so a week of latency looks like a week of traffic.
        const daily = 1 + 0.25 * Math.sin(((ts % DAY) / DAY) * 2 * Math.PI);
        const slow = outage?.state === 'degraded' ? 3.2 : 1;
        const latencyMs = Math.round(baseMs * daily * slow * (0.85 + random() * 0.3) * 10) / 10;
        const down = outage?.state === 'down';
        const result: LoggedResult = {
          cursor: ++cursor,
          probeId,
          seq,
          monitorId: profile.monitorId,
          region,
          ts,
          state: outage?.state ?? 'up',
          latencyMs: down ? 10_000 : latencyMs,
          message: outage?.message ?? '',
          attempts: 1,
          probeHealthy: true,
          ...(down
            ? {}
            : {
                statusCode: 200,
                phases: {
                  dnsMs: 0.4 + random(),
                  connectMs: latencyMs * 0.3,
                  ttfbMs: latencyMs * 0.62,
                  transferMs: latencyMs * 0.05,
                },
              }),
        };
        yield result;
      }
    }
  }
}

/** Writes the demo history into the desktop's database in `dataDir`, before the app opens it. */
export function writeDemoHistory(
  dataDir: string,
  profiles: readonly DemoHistoryProfile[],
  now = Date.now(),
): number {
  const store = openDesktopStore(join(dataDir, DATABASE_FILE));
  let written = 0;
  try {
    let page: LoggedResult[] = [];
    for (const result of demoHistory(profiles, now)) {
      page.push(result);
      if (page.length === 1000) {
        written += store.ingestResults(page, { relay: 'demo-history' }).inserted;
        page = [];
      }
    }
    if (page.length > 0) written += store.ingestResults(page, { relay: 'demo-history' }).inserted;
  } finally {
    store.close();
  }
  return written;
}
