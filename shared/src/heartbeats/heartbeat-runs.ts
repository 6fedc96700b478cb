import { z } from 'zod';

/** Limits of heartbeat pings, shared by the relay that enforces them and the UI that explains them. */
export const HEARTBEAT_LIMITS = {
  /** Largest ping body kept as the run's log, bytes. */
  maxBodyBytes: 10_240,
  /** Largest ping body accepted at all (its last `maxBodyBytes` are kept), bytes. */
  maxRequestBytes: 1_048_576,
  /** Runs the detail view returns. */
  runsShown: 50,
  /** Random bytes in a ping token (192 bits, 32 base64url characters). */
  tokenBytes: 24,
} as const;

/** A run id pairing the start and end pings of one run of a job (`?rid=`), e.g. a UUID. */
export const RunId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"');

/** What a ping says: the job started, succeeded, or failed (with an exit code when it sent one). */
export const PingKind = z.enum(['start', 'success', 'fail']);
/** What a ping says. */
export type PingKind = z.infer<typeof PingKind>;

/** One stored ping. */
export interface HeartbeatPing {
  /** Increasing per relay: the order pings were committed in. */
  id: number;
  monitorId: string;
  at: number;
  kind: PingKind;
  /** 0 for `/0`, 1..255 for `/<code>`; null when the job sent none. */
  exitCode: number | null;
  rid: string | null;
  /** The request body, kept as the run's log (at most `maxBodyBytes`). */
  body: string;
}

/** One run of a job: a start and its end, or an end alone, or a start still waiting for its end. */
export const HeartbeatRun = z.object({
  /** When `/start` arrived; null for a run that only sent its end. */
  startedAt: z.number().nullable(),
  /** When its end arrived; null while it is running (or never ended). */
  endedAt: z.number().nullable(),
  /** End minus start, milliseconds; null without both. */
  durationMs: z.number().nullable(),
  /** `started`: a start without an end (yet). */
  kind: z.enum(['success', 'fail', 'started']),
  exitCode: z.number().int().nullable(),
  rid: z.string().nullable(),
  /** The end ping's body (the start's when there is no end). */
  log: z.string(),
});
/** One run of a job. */
export type HeartbeatRun = z.infer<typeof HeartbeatRun>;

/** A run with the id of the ping it is ordered by (its end, or its start while it has none). */
export interface OrderedRun {
  order: number;
  run: HeartbeatRun;
}

/** Open starts one pairer keeps at most (one monitor's concurrent `?rid=` runs); the oldest go first. */
export const MAX_OPEN_STARTS = 100;
/** A start without an end for this long is given up on (shown as an unfinished run). */
export const MAX_OPEN_START_AGE_MS = 86_400_000;

/**
 * Pairs start and end pings into runs, fed in commit order. An end pairs with the open start of the
 * same `rid` (runs without a rid pair with the newest start without one), so concurrent runs that
 * pass `?rid=` keep their durations apart. A second start of the same key leaves the first as an
 * unfinished `started` run.
 */
export class RunPairer {
  readonly #open = new Map<string, HeartbeatPing>();

  /**
   * Takes the next ping; returns the runs it completes (an end, a start it superseded, or starts
   * given up on: older than {@link MAX_OPEN_START_AGE_MS} or beyond {@link MAX_OPEN_STARTS}).
   */
  add(ping: HeartbeatPing): OrderedRun[] {
    const key = ping.rid ?? '';
    const out = this.#expire(ping.at);
    const open = this.#open.get(key);
    if (ping.kind === 'start') {
      // Deleted first so that the map's order (oldest first) stays the order of the starts.
      this.#open.delete(key);
      this.#open.set(key, ping);
      if (this.#open.size > MAX_OPEN_STARTS) {
        const [oldestKey, oldest] = this.#open.entries().next().value!;
        this.#open.delete(oldestKey);
        out.push({ order: oldest.id, run: startedRun(oldest) });
      }
      if (open !== undefined) out.push({ order: open.id, run: startedRun(open) });
      return out;
    }
    if (open !== undefined) this.#open.delete(key);
    const run: HeartbeatRun = {
      startedAt: open?.at ?? null,
      endedAt: ping.at,
      durationMs: open === undefined ? null : Math.max(0, ping.at - open.at),
      kind: ping.kind,
      exitCode: ping.exitCode,
      rid: ping.rid,
      log: ping.body,
    };
    out.push({ order: ping.id, run });
    return out;
  }

  /** Gives up on starts older than a day before `now`: their end is not coming (a `?rid=` run crashed). */
  #expire(now: number): OrderedRun[] {
    const out: OrderedRun[] = [];
    for (const [key, start] of this.#open) {
      // Oldest first by arrival; pings of one monitor arrive in time order, so stop at the first young one.
      if (now - start.at <= MAX_OPEN_START_AGE_MS) break;
      this.#open.delete(key);
      out.push({ order: start.id, run: startedRun(start) });
    }
    return out;
  }

  /** Starts still waiting for their end. */
  pending(): OrderedRun[] {
    return [...this.#open.values()].map((p) => ({ order: p.id, run: startedRun(p) }));
  }
}

/** Every run in `pings` (commit order), newest first (by the ping that ended it, or its start). */
export function runsOf(pings: readonly HeartbeatPing[]): HeartbeatRun[] {
  const pairer = new RunPairer();
  const runs: OrderedRun[] = [];
  for (const ping of pings) runs.push(...pairer.add(ping));
  runs.push(...pairer.pending());
  return runs.sort((a, b) => b.order - a.order).map((r) => r.run);
}

function startedRun(start: HeartbeatPing): HeartbeatRun {
  return {
    startedAt: start.at,
    endedAt: null,
    durationMs: null,
    kind: 'started',
    exitCode: null,
    rid: start.rid,
    log: start.body,
  };
}
