import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckResult, Evaluator, quantile } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoggedResult } from '../relay-storage.js';
import { openRelayDatabase } from './open-database.js';
import { openSqliteStorage } from './open-sqlite-storage.js';
import { SqliteDailyAggregates } from './sqlite-daily-aggregates.js';
import { type CommitParticipant, SqliteResultLog } from './sqlite-result-log.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 12);
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-hub-store-'));
  path = join(dir, 'relay.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function result(seq: number, over: Partial<CheckResult> = {}): CheckResult {
  return {
    probeId: 'p1',
    seq,
    monitorId: 'api',
    region: 'eu-west',
    ts: T0 + seq * 1000,
    state: 'up',
    latencyMs: seq,
    message: '',
    attempts: 1,
    probeHealthy: true,
    ...over,
  };
}

describe('daily aggregates', () => {
  it('counts every committed result once per monitor, region and UTC day, across batches and reopen', async () => {
    let storage = openSqliteStorage(path);
    await storage.results.append(
      'p1',
      [1, 2, 3].map((s) => result(s)),
    );
    await storage.results.append(
      'p1',
      [3, 4].map((s) => result(s, { state: 'down' })),
    );
    await storage.results.append('p1', [result(5, { ts: T0 + DAY })]);
    storage.close();
    storage = openSqliteStorage(path);
    await storage.results.append('p1', [result(6, { state: 'degraded', latencyMs: 100 })]);
    // A probe that lost its own network is not counted, as the evaluator does not count it.
    await storage.results.append('p1', [result(7, { probeHealthy: false, state: 'down' })]);
    const days = storage.aggregates.read('api', T0 - DAY, T0 + 2 * DAY);
    expect(days.map((b) => [b.start, b.up, b.degraded, b.down])).toEqual([
      [Date.UTC(2026, 0, 1), 3, 1, 1],
      [Date.UTC(2026, 0, 2), 1, 0, 0],
    ]);
    expect(quantile(days[0]!, 1)).toBeCloseTo(100, 0);
    expect(storage.aggregates.prune(T0 + DAY)).toBe(1);
    expect(storage.aggregates.read('api', 0, T0 + 2 * DAY).map((b) => b.start)).toEqual([
      Date.UTC(2026, 0, 2),
    ]);
    storage.close();
  });

  it('keeps no trace of a transaction that rolled back, in the table or in memory', async () => {
    const db = openRelayDatabase(path);
    const aggregates = new SqliteDailyAggregates(db);
    let fail = false;
    const saboteur: CommitParticipant = {
      stage: () => {
        if (fail) throw new Error('disk full');
      },
      committed: () => {},
      rolledBack: () => {},
    };
    const log = new SqliteResultLog(db, [aggregates, saboteur]);
    await log.append('p1', [result(1)]);
    fail = true;
    await expect(log.append('p1', [result(2), result(3)])).rejects.toThrow('disk full');
    fail = false;
    await log.append('p1', [result(2)]);
    const [day] = aggregates.read('api', T0 - DAY, T0 + DAY);
    expect(day?.up).toBe(2);
    expect(log.count()).toBe(2);
    expect(log.storedSeq('p1')).toBe(2);
  });
});

describe('result log commit hook', () => {
  it('tells listeners of each commit in cursor order before the appends resolve', async () => {
    const storage = openSqliteStorage(path);
    const seen: number[] = [];
    const appends: { resolvedWith?: number[] } = {};
    storage.results.onCommit((rows: readonly LoggedResult[]) => {
      seen.push(...rows.map((r) => r.cursor));
      expect(appends.resolvedWith).toBeUndefined();
    });
    const a = storage.results.append(
      'p1',
      [1, 2].map((s) => result(s)),
    );
    const b = storage.results.append(
      'p2',
      [1].map((s) => result(s, { probeId: 'p2' })),
    );
    appends.resolvedWith = await Promise.all([a, b]).then((outs) => outs.map((o) => o.storedSeq));
    expect(seen).toEqual([1, 2, 3]);
    await storage.results.flush();
    expect(storage.results.count()).toBe(3);
    storage.close();
  });
});

describe('incident, probe, status and evaluator stores', () => {
  it('lists open and resolved incidents and knows the highest number used per monitor', () => {
    const storage = openSqliteStorage(path);
    const base = { monitorId: 'api', cause: 'down', regions: ['eu-west'], timeline: [] };
    storage.incidents.save({ ...base, id: 'api:1', openedAt: 1, resolvedAt: 5 });
    storage.incidents.save({ ...base, id: 'api:2', openedAt: 10 });
    storage.incidents.save({ ...base, id: 'db:9', monitorId: 'db', openedAt: 20 });
    expect(storage.incidents.listOpen().map((i) => i.id)).toEqual(['api:2', 'db:9']);
    expect(storage.incidents.list({ open: false, limit: 10 }).map((i) => i.id)).toEqual(['api:1']);
    expect(storage.incidents.list({ monitorId: 'api', limit: 1 }).map((i) => i.id)).toEqual(['api:2']);
    expect(storage.incidents.incidentCounts()).toEqual(
      new Map([
        ['api', 2],
        ['db', 9],
      ]),
    );
    storage.close();
  });

  it('round-trips probes, monitor statuses and the evaluator snapshot', () => {
    let storage = openSqliteStorage(path);
    const probe = {
      id: 'fra-1',
      name: 'Frankfurt',
      region: 'eu-west',
      tokenId: 't1',
      version: '1.0.0',
      lastSeenAt: 5,
      healthy: false,
      reason: 'every canary failed',
    };
    storage.probes.save(probe);
    storage.monitorStatus.save(
      { monitorId: 'api', status: 'down', regions: [{ region: 'eu-west', status: 'down' }] },
      'x',
      1,
    );
    const evaluator = new Evaluator();
    evaluator.apply({ type: 'tick', ts: 42 });
    storage.evaluatorState.save(17, evaluator.snapshot(), 50);
    storage.close();
    storage = openSqliteStorage(path);
    expect(storage.probes.get('fra-1')).toEqual(probe);
    expect(storage.monitorStatus.list()).toEqual([
      { monitorId: 'api', status: 'down', regions: [{ region: 'eu-west', status: 'down' }] },
    ]);
    expect(storage.evaluatorState.load()).toMatchObject({ cursor: 17, savedAt: 50, snapshot: { now: 42 } });
    storage.close();
  });
});
