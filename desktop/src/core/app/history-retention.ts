import type { Logger } from 'pino';
import type { DesktopStore } from '../store/index.js';

/** How often raw results and fine rollups past their retention are deleted. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;
/** Delay before the first pruning, so that it does not compete with start-up and catch-up. */
const FIRST_RUN_MS = 60_000;

/** Deletes history past its retention now and then; returns a function that stops it. */
export function startHistoryRetention(store: DesktopStore, log: Logger): () => void {
  const prune = () => {
    try {
      const outcome = store.pruneHistory();
      log.debug({ ...outcome }, 'pruned history past its retention');
    } catch (error) {
      log.error({ err: error }, 'pruning history failed');
    }
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    prune();
    interval = setInterval(prune, RETENTION_INTERVAL_MS);
    interval.unref();
  }, FIRST_RUN_MS);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval !== undefined) clearInterval(interval);
  };
}
