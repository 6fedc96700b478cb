import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRelayDatabase } from '../storage/sqlite/open-database.js';
import { openSqliteStorage } from '../storage/sqlite/open-sqlite-storage.js';
import { SqliteResultLog } from '../storage/sqlite/sqlite-result-log.js';
import { startRetentionJob } from './retention-job.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-retention-'));
  db = openRelayDatabase(join(dir, 'relay.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function result(seq: number, ts: number): CheckResult {
  return {
    probeId: 'p1',
    seq,
    monitorId: 'api',
    region: 'eu-west',
    ts,
    state: 'up',
    latencyMs: 5,
    message: '',
    attempts: 1,
    probeHealthy: true,
  };
}

describe('retention job', () => {
  it('prunes raw results older than the retention, keeping newer ones and every daily aggregate', async () => {
    // The real storage, so the daily aggregates are written with the results as in production.
    const storage = openSqliteStorage(join(dir, 'full.db'));
    const log = storage.results;
    const ages = [300, 40, 20, 8, 7.5, 6.9, 3, 0.1];
    await log.append(
      'p1',
      ages.map((days, i) => result(i + 1, NOW - days * DAY)),
    );
    const aggregated = storage.aggregates.read('api', 0, NOW + DAY).length;
    expect(aggregated).toBeGreaterThanOrEqual(7);

    const job = startRetentionJob({
      results: log,
      retentionDays: 7,
      now: () => NOW,
      log: pino({ level: 'silent' }),
    });
    const first = await job.runNow();
    await job.stop();

    expect(first).toEqual({ cutoff: NOW - 7 * DAY, deleted: 5 });
    expect(log.readAfter(0, 100).map((r) => (NOW - r.ts) / DAY)).toEqual([6.9, 3, 0.1]);
    // Status pages read a year of daily aggregates: raw retention leaves every one of them.
    expect(storage.aggregates.read('api', 0, NOW + DAY)).toHaveLength(aggregated);
    storage.close();
  });

  it('does nothing to an empty log or one with only fresh results', async () => {
    const log = new SqliteResultLog(db);
    const quiet = pino({ level: 'silent' });
    const empty = startRetentionJob({ results: log, retentionDays: 7, now: () => NOW, log: quiet });
    expect((await empty.runNow()).deleted).toBe(0);
    await empty.stop();
    await log.append('p1', [result(1, NOW - DAY)]);
    const fresh = startRetentionJob({ results: log, retentionDays: 1, now: () => NOW, log: quiet });
    expect((await fresh.runNow()).deleted).toBe(0);
    await fresh.stop();
    expect(log.count()).toBe(1);
  });

  it('prunes old results that arrived after newer ones (a probe delivering its spool late)', async () => {
    const log = new SqliteResultLog(db);
    await log.append(
      'p1',
      [1, 2, 3, 4].map((days) => result(days, NOW - days * DAY + 1000)),
    );
    const job = startRetentionJob({
      results: log,
      retentionDays: 2,
      now: () => NOW,
      log: pino({ level: 'silent' }),
    });
    expect((await job.runNow()).deleted).toBe(2);
    await job.stop();
    expect(log.readAfter(0, 10).map((r) => r.seq)).toEqual([1, 2]);
  });
});
