import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { httpMonitor } from '../testing/fixtures.js';
import { type ProcessCluster, startProcessCluster, THREE_REGIONS } from '../testing/process-cluster.js';
import { type RegionalTarget, startRegionalTarget } from '../testing/regional-target.js';
import { type Frame, TestClient } from '../testing/ws-test-client.js';

const MONITORS = 60;

let cluster: ProcessCluster;
let target: RegionalTarget;
beforeAll(async () => {
  target = await startRegionalTarget();
  cluster = await startProcessCluster(THREE_REGIONS);
}, 60_000);
afterAll(async () => {
  await cluster?.close();
  await target?.close();
});

/** A desktop that stores every page it gets (by cursor) and commits as it goes, like the real one. */
class RecordingDesktop {
  readonly cursors: number[] = [];
  readonly ids: string[] = [];
  client!: TestClient;

  async connect(url: string, token: string, fromCursor: number): Promise<void> {
    this.client = await TestClient.desktop(url, token, 'laptop');
    this.client.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type !== 'results.page') return;
      for (const r of frame.results as Array<{ cursor: number; probeId: string; seq: number }>) {
        this.cursors.push(r.cursor);
        this.ids.push(`${r.probeId}:${r.seq}`);
      }
      if (this.client.open) {
        this.client.send({
          type: 'results.commit',
          requestId: `c${frame.cursor}`,
          cursor: frame.cursor as number,
        });
      }
    });
    await this.client.request({ type: 'results.subscribe', requestId: 'sub', fromCursor });
  }

  get last(): number {
    return this.cursors.at(-1) ?? 0;
  }
}

function highestSeqs(ids: readonly string[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const id of ids) {
    const at = id.lastIndexOf(':');
    const probeId = id.slice(0, at);
    highest.set(probeId, Math.max(highest.get(probeId) ?? 0, Number(id.slice(at + 1))));
  }
  return highest;
}

function stoppedLine(stdout: string): {
  highSeq: number;
  ackedSeq: number;
  pending: number;
  probeId: string;
} {
  const line = stdout.split('\n').find((l) => l.includes('"probe stopped"'));
  if (line === undefined) throw new Error(`probe did not log its stop:\n${stdout.slice(-2000)}`);
  return JSON.parse(line);
}

describe('kill -9 of the relay while probes stream', () => {
  it('stores every result exactly once after restart, and the desktop resumes with no gap and no duplicate', async () => {
    const admin = await TestClient.desktop(cluster.relay.url, cluster.desktopToken, 'admin');
    for (let i = 0; i < MONITORS; i++) {
      await admin.request({
        type: 'monitor.upsert',
        requestId: `m${i}`,
        monitor: httpMonitor(`m${i}`, `${target.url}?m=${i}`),
      });
    }
    await admin.close();
    const desktop = new RecordingDesktop();
    await desktop.connect(cluster.relay.url, cluster.desktopToken, 0);
    for (const { region } of THREE_REGIONS) cluster.startProbe(region, ['--log-level', 'info']);
    await eventually(() => expect(desktop.cursors.length).toBeGreaterThan(3 * MONITORS * 3), 30_000, 100);

    expect(await cluster.relay.kill('SIGKILL')).toBe('SIGKILL');
    await desktop.client.closed;
    const seenBeforeCrash = desktop.cursors.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const relay = await cluster.restartRelay();
    await desktop.connect(relay.url, cluster.desktopToken, desktop.last);
    // Every probe reconnects (with backoff) and delivers what it spooled while the relay was down.
    const before = highestSeqs(desktop.ids.slice(0, seenBeforeCrash));
    await eventually(
      () => {
        const after = highestSeqs(desktop.ids);
        for (const [probeId, seq] of before) expect(after.get(probeId)).toBeGreaterThan(seq + 2 * MONITORS);
      },
      45_000,
      100,
    );

    const stopped = await Promise.all(
      THREE_REGIONS.map(async ({ region }) => {
        const probe = cluster.probes.get(region)!;
        expect(await probe.kill('SIGTERM')).toBe(0);
        return stoppedLine(probe.stdout());
      }),
    );
    const db = new Database(join(cluster.dir, 'relay', 'relay.db'), { readonly: true });
    try {
      for (const probe of stopped) {
        expect(probe.ackedSeq).toBe(probe.highSeq);
        const seqs = db
          .prepare<[string], { seq: number }>('SELECT seq FROM results WHERE probe_id = ? ORDER BY seq')
          .all(probe.probeId)
          .map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: probe.highSeq }, (_, i) => i + 1));
      }
      const head = db.prepare<[], { c: number }>('SELECT max(cursor) AS c FROM results').get()!.c;
      await eventually(() => expect(desktop.last).toBe(head), 15_000, 100);
      expect(desktop.cursors).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      const stored = db
        .prepare<[], { id: string }>("SELECT probe_id || ':' || seq AS id FROM results ORDER BY cursor")
        .all()
        .map((r) => r.id);
      expect(desktop.ids).toEqual(stored);
    } finally {
      db.close();
    }
    await desktop.client.close();
  }, 120_000);
});
