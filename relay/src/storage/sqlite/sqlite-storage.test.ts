import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, Monitor } from '@vantage/shared';
import { validateMonitor } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRelayDatabase } from './open-database.js';
import { openSqliteStorage } from './open-sqlite-storage.js';
import { SqliteCursorStore } from './sqlite-cursor-store.js';
import { SqliteMonitorStore } from './sqlite-monitor-store.js';
import { SqliteResultLog } from './sqlite-result-log.js';
import { SqliteTokenStore } from './sqlite-token-store.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-relay-store-'));
  path = join(dir, 'relay.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function result(probeId: string, seq: number): CheckResult {
  return {
    probeId,
    seq,
    monitorId: 'api',
    region: 'eu-west',
    ts: 1_700_000_000_000 + seq * 1000,
    state: seq % 7 === 0 ? 'down' : 'up',
    latencyMs: 12.5,
    message: seq % 7 === 0 ? 'status was 503, expected 200..299' : '',
    attempts: 1,
    probeHealthy: true,
    phases: { dnsMs: 1, connectMs: 2, ttfbMs: 8, transferMs: 1.5 },
  };
}

function monitor(id: string): Monitor {
  const v = validateMonitor({ id, name: id, type: 'http', url: `http://127.0.0.1/${id}` });
  if (!v.ok) throw new Error(JSON.stringify(v.error));
  return v.value;
}

describe('SQLite result log', () => {
  it('stores each result exactly once when batches are resent, and reads them back in order', async () => {
    const log = new SqliteResultLog(openRelayDatabase(path));
    const first = await log.append(
      'p1',
      [1, 2, 3].map((s) => result('p1', s)),
    );
    expect(first.storedSeq).toBe(3);
    expect(first.inserted.map((r) => r.seq)).toEqual([1, 2, 3]);
    const resent = await log.append(
      'p1',
      [2, 3, 4, 5].map((s) => result('p1', s)),
    );
    expect(resent.storedSeq).toBe(5);
    expect(resent.inserted.map((r) => r.seq)).toEqual([4, 5]);
    const all = log.readAfter(0, 100);
    expect(all.map((r) => `${r.probeId}:${r.seq}`)).toEqual(['p1:1', 'p1:2', 'p1:3', 'p1:4', 'p1:5']);
    expect(all[0]).toEqual({ ...result('p1', 1), cursor: 1 });
  });

  it('commits concurrent batches from several probes together and keeps the high-water mark across reopen', async () => {
    let log = new SqliteResultLog(openRelayDatabase(path));
    await Promise.all([
      log.append(
        'p1',
        [1, 2].map((s) => result('p1', s)),
      ),
      log.append(
        'p2',
        [1, 2, 3].map((s) => result('p2', s)),
      ),
    ]);
    log = new SqliteResultLog(openRelayDatabase(path));
    expect(log.storedSeq('p1')).toBe(2);
    expect(log.storedSeq('p2')).toBe(3);
    const again = await log.append(
      'p2',
      [3, 4].map((s) => result('p2', s)),
    );
    expect(again.inserted.map((r) => r.seq)).toEqual([4]);
    expect(log.count()).toBe(6);
  });

  it('ignores results that claim another probe id than the connection', async () => {
    const log = new SqliteResultLog(openRelayDatabase(path));
    const out = await log.append('p1', [result('p2', 1)]);
    expect(out.inserted).toEqual([]);
    expect(log.count()).toBe(0);
  });

  it('keeps the head cursor after pruning so desktop cursors stay meaningful', async () => {
    const log = new SqliteResultLog(openRelayDatabase(path));
    await log.append(
      'p1',
      [1, 2, 3].map((s) => result('p1', s)),
    );
    expect(log.prune(Number.MAX_SAFE_INTEGER)).toBe(3);
    expect(log.headCursor()).toBe(3);
    const next = await log.append('p1', [result('p1', 4)]);
    expect(next.inserted[0]?.cursor).toBe(4);
  });
});

describe('SQLite monitor store', () => {
  it('bumps the revision on every change and reports diffs including deletions', () => {
    const db = openRelayDatabase(path);
    const store = new SqliteMonitorStore(db);
    expect(store.upsert(monitor('a'), 1)).toBe(1);
    expect(store.upsert(monitor('b'), 2)).toBe(2);
    expect(store.delete('a', 3)).toBe(3);
    expect(store.delete('missing', 4)).toBeNull();
    expect(store.changesSince(1).map((c) => [c.id, c.revision, c.monitor?.id ?? null])).toEqual([
      ['b', 2, 'b'],
      ['a', 3, null],
    ]);
    const reopened = new SqliteMonitorStore(openRelayDatabase(path));
    expect(reopened.revision()).toBe(3);
    expect(reopened.list().map((m) => m.id)).toEqual(['b']);
  });
});

describe('SQLite token store', () => {
  it('verifies a token once created, never stores the secret, and refuses it after revocation', () => {
    const db = openRelayDatabase(path);
    const tokens = new SqliteTokenStore(db);
    const { token, record } = tokens.create({ name: 'fra-1', role: 'probe', region: 'eu-west' }, 10);
    expect(token).toMatch(/^vnt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(token, 20)).toMatchObject({ id: record.id, role: 'probe', region: 'eu-west' });
    const secret = token.split('_').slice(2).join('_');
    const raw = JSON.stringify(db.prepare('SELECT * FROM tokens').all());
    expect(raw).not.toContain(secret);
    expect(tokens.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 30)).toBeNull();
    expect(tokens.verify('garbage', 30)).toBeNull();
    expect(tokens.revoke('fra-1', 40)).toBe(1);
    expect(tokens.verify(token, 50)).toBeNull();
  });
});

describe('SQLite cursor store', () => {
  it('never moves a desktop cursor backwards', () => {
    const cursors = new SqliteCursorStore(openRelayDatabase(path));
    cursors.set('laptop', 10, 1);
    cursors.set('laptop', 4, 2);
    expect(cursors.get('laptop')).toBe(10);
    expect(cursors.get('other')).toBe(0);
  });

  it('resumes a desktop from its last commit of a burst after a clean restart', () => {
    const storage = openSqliteStorage(path);
    for (let cursor = 1; cursor <= 200; cursor++) storage.cursors.set('laptop', cursor, cursor);
    expect(storage.cursors.get('laptop')).toBe(200);
    storage.close();
    const reopened = openSqliteStorage(path);
    expect(reopened.cursors.get('laptop')).toBe(200);
    reopened.close();
  });

  it('writes a coalesced cursor by itself, without another commit or a shutdown', async () => {
    const cursors = new SqliteCursorStore(openRelayDatabase(path), 20);
    cursors.set('laptop', 5, 1);
    cursors.set('laptop', 9, 2);
    const reader = new SqliteCursorStore(openRelayDatabase(path));
    for (let tries = 0; reader.get('laptop') !== 9 && tries < 200; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reader.get('laptop')).toBe(9);
  });
});

describe('relay migrations', () => {
  it('refuses a database written by a newer relay instead of touching it', () => {
    const db = openRelayDatabase(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openRelayDatabase(path)).toThrow(/schema version 99 is newer/);
  });
});
