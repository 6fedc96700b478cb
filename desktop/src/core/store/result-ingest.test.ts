import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedResult } from '@vantage/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DesktopStore, openDesktopStore } from './index.js';
import { pagesOf, syntheticResults } from './testing/result-fixtures.js';
import { expectedRollups, readStoredResults, readStoredRollups } from './testing/store-inspection.js';

const FROM = Date.UTC(2025, 2, 1, 22, 0, 0);
const NOW = FROM + 3 * 86_400_000;
const RELAY = 'ws://127.0.0.1:7070/ws';

let dir: string;
let path: string;
let store: DesktopStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-ingest-'));
  path = join(dir, 'vantage.db');
  store = openDesktopStore(path, { now: () => NOW });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 5 monitors × 2 regions every minute from 22:00 for 5 hours: crosses an hour and a day boundary. */
function log(count = 3000): LoggedResult[] {
  return [
    ...syntheticResults({
      monitors: 5,
      regions: ['eu-west', 'us-east'],
      intervalMs: 60_000,
      from: FROM,
      count,
    }),
  ];
}

const identities = (results: readonly { probeId: string; seq: number }[]) =>
  results.map((r) => `${r.probeId}:${r.seq}`);

/** Closes the store, reads the file, reopens it (the store keeps its file locked while open). */
function inspect(): {
  results: ReturnType<typeof readStoredResults>;
  rollups: ReturnType<typeof readStoredRollups>;
} {
  store.close();
  const seen = { results: readStoredResults(path), rollups: readStoredRollups(path) };
  store = openDesktopStore(path, { now: () => NOW });
  return seen;
}

describe('ingestResults', () => {
  it('stores a page once: the same page again is all duplicates and changes nothing', () => {
    const page = log(1000);
    expect(store.ingestResults(page, { relay: RELAY })).toEqual({
      inserted: 1000,
      duplicates: 0,
      cursor: 1000,
    });
    const before = inspect();
    expect(store.ingestResults(page, { relay: RELAY })).toEqual({
      inserted: 0,
      duplicates: 1000,
      cursor: 1000,
    });
    const after = inspect();
    expect(after.results).toHaveLength(1000);
    expect(after.rollups).toEqual(before.rollups);
  });

  it('stores overlapping pages and a page that repeats a result once each, with rollups equal to a recomputation', () => {
    const all = log();
    store.ingestResults(all.slice(0, 1200), { relay: RELAY });
    const overlap = store.ingestResults(all.slice(900, 2100), { relay: RELAY });
    expect(overlap).toMatchObject({ inserted: 900, duplicates: 300 });
    const repeated = [...all.slice(2100, 2500), ...all.slice(2300, 2400), ...all.slice(2500)];
    expect(store.ingestResults(repeated, { relay: RELAY })).toMatchObject({ inserted: 900, duplicates: 100 });

    const { results, rollups } = inspect();
    expect(identities(results).sort()).toEqual(identities(all).sort());
    expect(rollups).toEqual(expectedRollups(results));
  });

  it('gives the same rollups whatever the batching or reopening, including results out of order in a page', () => {
    const all = log();
    const shuffled = [...all.slice(0, 1500)].reverse();
    store.ingestResults(shuffled, { relay: RELAY });
    let n = 0;
    for (const page of pagesOf(all.slice(1500), 7)) {
      store.ingestResults(page, { relay: RELAY });
      // A reopened store has no bucket in memory: it must read the stored ones it folds into.
      if (++n % 50 === 0) {
        store.close();
        store = openDesktopStore(path, { now: () => NOW });
      }
    }
    const { results, rollups } = inspect();
    expect(results).toHaveLength(3000);
    expect(rollups).toEqual(expectedRollups(results));
  });

  it('gives the same rollups, charts and dashboard whether it writes a checkpoint every batch, every few batches or only at close', () => {
    const all = log();
    const monitor = all[0]!.monitorId;
    const query = { monitorId: monitor, from: FROM, to: FROM + 5 * 3_600_000 };
    const views = [1, 40, Number.MAX_SAFE_INTEGER].map((maxUnwrittenBuckets) => {
      const file = join(dir, `policy-${maxUnwrittenBuckets}.db`);
      const s = openDesktopStore(file, { now: () => NOW, checkpoint: { maxUnwrittenBuckets } });
      s.monitors.save({ id: monitor, name: monitor, type: 'http', url: 'https://example.com/' });
      const seen: unknown[] = [];
      for (const page of pagesOf(all, 97)) {
        s.ingestResults(page, { relay: RELAY });
        // Reads in between see every result ingested so far, written or not.
        if (seen.length < 5) seen.push(s.chartSeries(query), s.dashboardSummary());
      }
      seen.push(s.chartSeries(query), s.dashboardSummary(), s.lastChecks(monitor, 3));
      s.close();
      return { seen, results: readStoredResults(file), rollups: readStoredRollups(file) };
    });
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    expect(views[0]!.rollups).toEqual(expectedRollups(views[0]!.results));
  });

  it('keeps results from a probe that reported itself unhealthy, but out of rollups and the newest check', () => {
    const all = log();
    const unhealthy = all.filter((r) => !r.probeHealthy);
    expect(unhealthy.length).toBeGreaterThan(0);
    store.ingestResults(all, { relay: RELAY });
    const { results, rollups } = inspect();
    expect(results.filter((r) => !r.probeHealthy)).toHaveLength(unhealthy.length);
    const total = rollups
      .filter((r) => r.key.includes('/*/day/'))
      .reduce((n, r) => n + r.up + r.degraded + r.down, 0);
    expect(total).toBe(3000 - unhealthy.length);
  });

  it('keeps the maintenance mark of results in raw rows and counts them apart in rollups, equal to a recomputation', () => {
    const all = [
      ...syntheticResults({
        monitors: 5,
        regions: ['eu-west', 'us-east'],
        intervalMs: 60_000,
        from: FROM,
        count: 3000,
        maintenanceRounds: [100, 160],
      }),
    ];
    const marked = all.filter((r) => r.maintenance === true && r.probeHealthy).length;
    expect(marked).toBeGreaterThan(0);
    for (const page of pagesOf(all, 333)) store.ingestResults(page, { relay: RELAY });
    const { results, rollups } = inspect();
    expect(results.filter((r) => r.maintenance === true)).toHaveLength(
      all.filter((r) => r.maintenance).length,
    );
    expect(rollups).toEqual(expectedRollups(results));
    const days = rollups.filter((r) => r.key.startsWith('mon-0000/*/day/'));
    expect(days.reduce((n, r) => n + r.maintenance, 0)).toBe(marked);
    const counted = days.reduce((n, r) => n + r.up + r.degraded + r.down, 0);
    const healthy = all.filter((r) => r.monitorId === 'mon-0000' && r.probeHealthy).length;
    expect(counted).toBe(healthy - marked);
  });

  it('advances the cursor of each relay on its own, to the page cursor when it reaches further, never back', () => {
    const all = log(200);
    expect(store.ingestResults(all.slice(0, 100), { relay: RELAY, cursor: 150 }).cursor).toBe(150);
    expect(store.ingestResults(all.slice(0, 50), { relay: RELAY }).cursor).toBe(150);
    // Another relay (the user switched) resends results the store has: they are duplicates.
    const moved = all.slice(50, 200).map((r, i) => ({ ...r, cursor: i + 1 }));
    expect(store.ingestResults(moved, { relay: 'wss://relay.example.com/ws' })).toEqual({
      inserted: 100,
      duplicates: 50,
      cursor: 150,
    });
    expect(store.sync.cursorFor(RELAY)).toBe(150);
    expect(store.sync.cursorFor('wss://relay.example.com/ws')).toBe(150);
    expect(store.sync.list().map((p) => p.relay)).toEqual([RELAY, 'wss://relay.example.com/ws'].sort());
  });

  it('does not store again a result resent after retention pruned it', () => {
    const all = log(1000);
    store.ingestResults(all, { relay: RELAY });
    store.settings.update({ rawRetentionDays: 1 });
    expect(store.pruneHistory().rawResults).toBe(1000);
    const before = inspect();
    expect(store.ingestResults(all, { relay: RELAY })).toMatchObject({ inserted: 0, duplicates: 1000 });
    expect(inspect().rollups).toEqual(before.rollups);
  });

  it("stores each result once even when a hand-edited file lowered a probe's high-water mark", () => {
    const all = log(600);
    store.ingestResults(all.slice(0, 400), { relay: RELAY });
    store.close();
    const raw = new Database(path);
    raw.prepare('UPDATE result_probes SET max_seq = 10').run();
    raw.close();
    store = openDesktopStore(path, { now: () => NOW });
    expect(store.ingestResults(all, { relay: RELAY })).toMatchObject({ inserted: 200, duplicates: 400 });
    const { results, rollups } = inspect();
    expect(results).toHaveLength(600);
    expect(rollups).toEqual(expectedRollups(results));
  });

  // A page goes in by rows of 50, its remainder row by row: a bad row fails either way.
  it.each([
    { where: 'in a multi-row insert', bad: 150 },
    { where: 'in the row-by-row remainder', bad: 210 },
  ])(
    'rolls back a batch with a row SQLite refuses ($where) entirely, and the next batch stores and counts as if it never ran',
    ({ bad }) => {
      const all = log(600);
      store.ingestResults(all.slice(0, 200), { relay: RELAY });
      const broken = all.slice(200, 420).map((r, i) => (i === bad ? { ...r, latencyMs: Number.NaN } : r));
      expect(() => store.ingestResults(broken, { relay: RELAY })).toThrow(/NOT NULL/);
      expect(store.sync.cursorFor(RELAY)).toBe(200);
      store.ingestResults(all.slice(200), { relay: RELAY });
      const { results, rollups } = inspect();
      expect(results).toHaveLength(600);
      expect(rollups).toEqual(expectedRollups(results));
    },
  );
});
