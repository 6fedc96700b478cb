import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '@vantage/shared';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startRelay } from './server.js';
import { openRelayDatabase } from './storage/sqlite/open-database.js';
import { SqliteResultLog } from './storage/sqlite/sqlite-result-log.js';
import { SqliteTokenStore } from './storage/sqlite/sqlite-token-store.js';

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'vantage-start-relay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = () => pino({ level: 'silent' });

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

describe('startRelay', () => {
  it('prunes results past the retention when it starts, keeping the recent ones', async () => {
    const dataDir = join(dir, 'retention');
    const now = Date.UTC(2025, 0, 20);
    const db = openRelayDatabase(join(dataDir, 'relay.db'));
    await new SqliteResultLog(db).append(
      'p1',
      [30, 10, 3, 1].map((days, i) => result(i + 1, now - days * DAY)),
    );
    db.close();

    const relay = await startRelay(
      { port: 0, dataDir, retentionDays: 5 },
      { logger: silent(), now: () => now },
    );
    try {
      const token = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
      const read = async () => {
        const response = await fetch(`${relay.url}/api/v1/results?after=0`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return ((await response.json()) as { results: CheckResult[] }).results.map((r) => r.seq);
      };
      const deleted = async () =>
        /vantage_relay_retention_deleted_total (\d+)/.exec(
          await (await fetch(`${relay.url}/metrics`)).text(),
        )?.[1];
      // The run at start deletes in slices between other work; the counter moves when it is done.
      for (let i = 0; i < 400 && (await deleted()) === '0'; i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await deleted()).toBe('2');
      expect(await read()).toEqual([3, 4]);
    } finally {
      await relay.stop();
    }
  });

  it('limits API requests per token, answering 429 with Retry-After once the burst is spent', async () => {
    const dataDir = join(dir, 'rate');
    const relay = await startRelay(
      { port: 0, dataDir, messagesPerSecond: 1, messageBurst: 3 },
      { logger: silent() },
    );
    try {
      const token = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${relay.url}/api/v1/probes`, {
          headers: { authorization: `Bearer ${token}` },
        });
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(await response.json()).toMatchObject({ code: 'VANTAGE_ERR_RATE_LIMITED' });
        }
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
      expect(retryAfter).toBe('1');
      // Health checks and metrics are not rate limited: load balancers poll them.
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    } finally {
      await relay.stop();
    }
  });

  it('writes the first desktop token even when probe tokens were created before the first start', async () => {
    const dataDir = join(dir, 'probes-first');
    const db = openRelayDatabase(join(dataDir, 'relay.db'));
    new SqliteTokenStore(db).create({ name: 'fra-1', role: 'probe', region: 'eu-west' }, Date.now());
    db.close();
    const relay = await startRelay({ port: 0, dataDir }, { logger: silent() });
    try {
      const token = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
      const response = await fetch(`${relay.url}/api/v1/monitors`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await relay.stop();
    }
  });

  it('refuses bad settings naming the field, and can be stopped twice', async () => {
    await expect(
      startRelay({ port: 70_000, dataDir: join(dir, 'bad') }, { logger: silent() }),
    ).rejects.toThrow(/^invalid relay setting port:/);
    const relay = await startRelay({ port: 0, dataDir: join(dir, 'twice') }, { logger: silent() });
    await Promise.all([relay.stop(), relay.stop()]);
    await expect(fetch(`${relay.url}/healthz`)).rejects.toThrow();
  });
});
