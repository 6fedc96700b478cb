import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, CheckState, StatusPageConfigInput } from '@vantage/shared';
import pino from 'pino';
import type { RelayConfigInput } from '../../config/relay-config.js';
import { type RelayHandle, type RelayDependencies, startRelay } from '../../server.js';
import { httpMonitor } from '../../testing/fixtures.js';
import { TestClient } from '../../testing/ws-test-client.js';

/** One day of seeded history for one monitor: how many checks of each state, at what latency. */
export interface SeedDay {
  monitorId: string;
  /** Days before today (0 = today). */
  daysAgo: number;
  up: number;
  down?: number;
  degraded?: number;
  latencyMs?: number;
  /** Places the checks in the last seconds before now (one a second), as live checks would be. */
  live?: boolean;
}

/** A real relay (startRelay on port 0 in a temp dir) with helpers for status page tests. */
export interface PageTestRelay {
  relay: RelayHandle;
  /** Calls the admin REST API with the desktop token. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field, as a client would
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** A public GET/POST with optional headers; the body is returned as text. */
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; text: string; headers: Headers }>;
  /** Creates monitors (HTTP, pointed at a closed port: no probe runs them). */
  monitors(...ids: string[]): Promise<void>;
  /** Stores results through a probe connection, as a probe would have sent them. */
  seed(days: readonly SeedDay[], now?: number): Promise<void>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

/** Starts a relay for status page tests; `deps` may shorten timings, `config` add settings. */
export async function startPageTestRelay(
  deps: RelayDependencies = {},
  config: Partial<RelayConfigInput> = {},
): Promise<PageTestRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-pages-'));
  const relay = await startRelay(
    { ...config, host: '127.0.0.1', port: 0, dataDir: dir },
    { logger: pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' }), ...deps },
  );
  const token = readFileSync(join(dir, 'desktop-token'), 'utf8').trim();
  let probe: TestClient | undefined;
  let seq = 0;
  const api: PageTestRelay['api'] = async (method, path, body) => {
    const response = await fetch(`${relay.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    relay,
    api,
    async get(path, headers = {}) {
      const response = await fetch(`${relay.url}${path}`, { headers });
      return { status: response.status, text: await response.text(), headers: response.headers };
    },
    async monitors(...ids) {
      for (const id of ids) {
        const { status, body } = await api(
          'POST',
          '/monitors',
          httpMonitor(id, 'http://127.0.0.1:9/', { interval: 3600, timeout: 5 }),
        );
        if (status !== 201) throw new Error(`monitor ${id}: ${status} ${JSON.stringify(body)}`);
      }
    },
    async seed(days, now = Date.now()) {
      probe ??= await TestClient.probe(relay.wsUrl, relay.localProbeToken('eu'), 'eu', 'probe-eu');
      const today = Math.floor(now / DAY) * DAY;
      const results: CheckResult[] = [];
      for (const day of days) {
        const start = today - day.daysAgo * DAY;
        const span = day.daysAgo === 0 ? Math.max(1, now - start) : DAY;
        const states: CheckState[] = [
          ...Array<CheckState>(day.up).fill('up'),
          ...Array<CheckState>(day.degraded ?? 0).fill('degraded'),
          ...Array<CheckState>(day.down ?? 0).fill('down'),
        ];
        states.forEach((state, i) => {
          results.push({
            probeId: 'probe-eu',
            seq: ++seq,
            monitorId: day.monitorId,
            region: 'eu',
            ts: day.live ? now - (states.length - i) * 1000 : start + Math.floor((i * span) / states.length),
            state,
            latencyMs: state === 'down' ? 0 : (day.latencyMs ?? 100),
            message: state === 'down' ? 'connection refused' : '',
            attempts: 1,
            probeHealthy: true,
            ...(state === 'down' ? {} : { statusCode: 200 }),
          });
        });
      }
      results.sort((a, b) => a.seq - b.seq);
      for (let i = 0; i < results.length; i += 500)
        probe.send({ type: 'results.batch', results: results.slice(i, i + 500) });
      if (results.length > 0)
        await probe.next((f) => f.type === 'results.ack' && f.upToSeq === seq, `ack of ${seq}`, 20_000);
    },
    async close() {
      await probe?.close();
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page design with the given sections of `[monitorId, label]`. */
export function pageConfig(
  slug: string,
  sections: Record<string, Array<[string, string]>>,
  extra: Partial<StatusPageConfigInput> = {},
): StatusPageConfigInput {
  return {
    slug,
    title: 'Acme Cloud',
    sections: Object.entries(sections).map(([title, monitors]) => ({
      title,
      monitors: monitors.map(([monitorId, label]) => ({ monitorId, label })),
    })),
    ...extra,
  };
}
