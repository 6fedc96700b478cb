import type { Logger } from 'pino';
import type { ResultLog } from '../storage/relay-storage.js';

const DAY_MS = 86_400_000;
/** How often the job runs after the run at start. */
export const RETENTION_INTERVAL_MS = 3_600_000;
/** Smallest slice of time deleted in one statement. */
const MIN_SLICE_MS = 10 * 60_000;
/** Most statements one run is split into, however old the log's tail is. */
const MAX_SLICES = 500;

/** The outcome of one retention run. */
export interface RetentionRun {
  /** Results older than this (epoch ms) were deleted. */
  cutoff: number;
  deleted: number;
}

/** A running retention job. */
export interface RetentionJob {
  /** Prunes now; resolves when done. Runs never overlap: a call during a run waits for it. */
  runNow(): Promise<RetentionRun>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** What the job needs: the log to prune, how long to keep raw results, a clock and a logger. */
export interface RetentionOptions {
  results: ResultLog;
  retentionDays: number;
  now: () => number;
  log: Logger;
  intervalMs?: number;
  /** Told after every run (metrics count the deletions). */
  onRun?: (run: RetentionRun) => void;
}

/**
 * Deletes raw results older than `retentionDays`, once at start and then every hour. Only the
 * result log is touched: daily aggregates live in their own table and are kept for at least 365
 * days for status pages. A large backlog (a relay that was off for weeks, or a shortened
 * retention) is deleted in time slices with a turn of the event loop between them, so probes and
 * desktops keep being served while it runs.
 */
export function startRetentionJob(options: RetentionOptions): RetentionJob {
  const { results, log } = options;
  let running: Promise<RetentionRun> | undefined;
  let stopped = false;

  async function prune(): Promise<RetentionRun> {
    const cutoff = options.now() - options.retentionDays * DAY_MS;
    let deleted = 0;
    // The log is in arrival order, not time order (a probe may deliver a spooled backlog late), so
    // the first entry's time only sizes the slices; every slice deletes everything older than its end.
    const first = firstTs(results);
    if (first !== null) {
      const start = Math.min(first, cutoff);
      const step = Math.max(MIN_SLICE_MS, Math.ceil((cutoff - start) / MAX_SLICES));
      for (let until = start + step; !stopped && until < cutoff; until += step) {
        deleted += results.prune(until);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!stopped) deleted += results.prune(cutoff);
    }
    const level = deleted > 0 ? 'info' : 'debug';
    log[level]({ cutoff: new Date(cutoff).toISOString(), deleted }, 'pruned raw results past retention');
    options.onRun?.({ cutoff, deleted });
    return { cutoff, deleted };
  }

  function runNow(): Promise<RetentionRun> {
    if (running) return running;
    running = prune().finally(() => {
      running = undefined;
    });
    return running;
  }

  function runLogged(): void {
    runNow().catch((error: unknown) => log.error({ err: error }, 'retention run failed; will retry'));
  }

  runLogged();
  const timer = setInterval(runLogged, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** The timestamp of the first result still in the log, or null for an empty log. */
function firstTs(results: ResultLog): number | null {
  const tail = results.tailCursor();
  if (tail === 0) return null;
  return results.readAfter(tail - 1, 1)[0]?.ts ?? null;
}
