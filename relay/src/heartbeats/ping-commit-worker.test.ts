import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HEARTBEAT_MIGRATION } from './heartbeat-migration.js';
import type { NewPing } from './heartbeat-store.js';
import { PingCommitWorker } from './ping-commit-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-ping-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ping = (body: string): NewPing => ({
  monitorId: 'job',
  at: 1000,
  kind: 'success',
  exitCode: null,
  rid: null,
  body,
});

describe('PingCommitWorker', () => {
  it('keeps storing pings after its thread dies, on a new thread', async () => {
    const path = join(dir, 'relay.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    HEARTBEAT_MIGRATION.up(db);
    const worker = new PingCommitWorker(path);
    try {
      const [first] = await worker.insert([ping('before')]);
      await worker.terminate();
      const [second, third] = await worker.insert([ping('after'), ping('after too')]);
      expect(second!.id).toBeGreaterThan(first!.id);
      expect(third!.id).toBe(second!.id + 1);
      const bodies = db.prepare<[], { body: string }>('SELECT body FROM heartbeat_pings ORDER BY id').all();
      expect(bodies.map((r) => r.body)).toEqual(['before', 'after', 'after too']);
    } finally {
      await worker.close();
      db.close();
    }
  });
});
