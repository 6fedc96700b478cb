import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type RelayProcess, spawnRelay } from '../testing/child-processes.js';

const ANSWERED_BEFORE_KILL = 300;
const CONCURRENCY = 16;

const dir = mkdtempSync(join(tmpdir(), 'vantage-hb-crash-'));
const running: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of running) await relay.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ relay: RelayProcess; http: string; token: string }> {
  const relay = await spawnRelay(dir);
  running.push(relay);
  return {
    relay,
    http: `http://127.0.0.1:${relay.port}`,
    token: readFileSync(join(dir, 'desktop-token'), 'utf8').trim(),
  };
}

describe('heartbeat pings across kill -9', () => {
  it('keeps every answered ping exactly once after the relay is killed mid-stream and restarted', async () => {
    const first = await start();
    const auth = { authorization: `Bearer ${first.token}` };
    const created = await fetch(`${first.http}/api/v1/monitors`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'cron-job', name: 'Cron job', type: 'heartbeat', period: 3600 }),
    });
    expect(created.status).toBe(201);
    const url = (
      (await (await fetch(`${first.http}/api/v1/heartbeats/cron-job`, { headers: auth })).json()) as {
        url: string;
      }
    ).url;

    // Clients keep pinging while the relay is killed: some pings are in flight at that moment.
    const answered: string[] = [];
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const body = `run-${next++}`;
        try {
          const response = await fetch(url, { method: 'POST', body });
          if (response.status === 200 && (await response.text()) === 'OK') answered.push(body);
        } catch {
          return; // the relay is gone
        }
        if (answered.length >= ANSWERED_BEFORE_KILL && !killed) {
          killed = true;
          await first.relay.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    expect(answered.length).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);

    const second = await start();
    const db = new Database(join(dir, 'relay.db'), { readonly: true });
    const rows = db
      .prepare<[], { body: string; n: number }>(
        "SELECT body, count(*) AS n FROM heartbeat_pings WHERE monitor_id = 'cron-job' GROUP BY body",
      )
      .all();
    db.close();
    const stored = new Map(rows.map((r) => [r.body, r.n]));
    for (const body of answered) expect(stored.get(body), body).toBe(1);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    // The restarted relay picks the heartbeat up where it was, and the old URL still works.
    const detail = (await (
      await fetch(`${second.http}/api/v1/heartbeats/cron-job`, { headers: auth })
    ).json()) as { state: string; lastPingAt: number | null; url: string };
    expect(detail.state).toBe('up');
    expect(detail.lastPingAt).not.toBeNull();
    expect(detail.url.split('/hb/')[1]).toBe(url.split('/hb/')[1]);
    expect((await fetch(detail.url)).status).toBe(200);
    await second.relay.kill('SIGTERM');
  }, 90_000);
});
