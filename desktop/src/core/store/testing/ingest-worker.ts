/**
 * A child process for crash tests: opens the store at argv[2] and ingests a synthetic relay log of
 * argv[3] results (the fixture's shape: 20 monitors × 3 regions every minute) from the store's own
 * cursor on, in pages of argv[4], printing `ingested <cursor>` after each page. With argv[5], ingest
 * writes a checkpoint whenever that many rollup buckets wait (else at the default bound, which
 * this log does not reach: every checkpoint is then the one at close). The parent kills it with
 * SIGKILL at a moment of its choosing.
 */
import { openDesktopStore } from '../index.js';
import { CRASH_LOG_SHAPE, CRASH_RELAY } from './crash-log.js';
import { pagesOf, syntheticResults } from './result-fixtures.js';

const [path, count, pageSize, maxUnwrittenBuckets] = process.argv.slice(2);
const store = openDesktopStore(path!, {
  now: () => CRASH_LOG_SHAPE.from,
  ...(maxUnwrittenBuckets !== undefined
    ? { checkpoint: { maxUnwrittenBuckets: Number(maxUnwrittenBuckets) } }
    : {}),
});
const from = store.sync.cursorFor(CRASH_RELAY);
const log = syntheticResults({ ...CRASH_LOG_SHAPE, count: Number(count) });
const pending = (function* () {
  for (const r of log) if (r.cursor > from) yield r;
})();
for (const page of pagesOf(pending, Number(pageSize))) {
  const { cursor } = store.ingestResults(page, { relay: CRASH_RELAY });
  process.stdout.write(`ingested ${cursor}\n`);
}
store.close();
process.stdout.write('done\n');
