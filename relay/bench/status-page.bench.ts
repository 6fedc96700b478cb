/**
 * Status pages:
 * - render time of a page of 50 monitors × 90 days on a cache miss: reading the daily aggregates
 *   from SQLite (4,500 rows), building the public model and rendering the HTML (p50 and p99);
 * - requests/s for that page on loopback with keep-alive (16 connections from a child process, so
 *   the client does not share the relay's thread), served from the page cache; also per CPU-second
 *   of the relay's process, which a loaded machine distorts less than wall-clock rates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { RESOLUTION_MS } from '@vantage/shared';
import type Database from 'better-sqlite3';
import pino from 'pino';
import type { BenchRow } from '../../scripts/bench.js';
import { startRelay } from '../src/server.js';
import { DayCountReader } from '../src/status-pages/day-counts.js';
import { buildPublicPage } from '../src/status-pages/page-model.js';
import { renderPageHtml } from '../src/status-pages/render-page-html.js';
import { syntheticSources } from '../src/status-pages/testing/synthetic-page.js';
import { openRelayDatabase } from '../src/storage/sqlite/open-database.js';
import { httpMonitor } from '../src/testing/fixtures.js';

const MONITORS = 50;
const DAYS = 90;
const REGIONS = ['eu', 'us', 'ap'];
const SKETCH_STAND_IN = Buffer.alloc(512);

function quantile(samples: number[], q: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Daily aggregate rows for m0…m49 over 90 days in three regions (512-byte stand-ins for the latency sketches, which pages never decode but a range scan still reads). */
function seedAggregates(db: Database.Database, now: number): void {
  const today = Math.floor(now / RESOLUTION_MS.day) * RESOLUTION_MS.day;
  const insert = db.prepare(
    `INSERT INTO daily_aggregates (monitor_id, region, day, up, degraded, down, latency_sum_us, latency_min_us, latency_max_us, sketch)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let m = 0; m < MONITORS; m++)
      for (let d = 0; d < DAYS; d++)
        for (const region of REGIONS) {
          const down = (d * 7 + m) % 23 === 0 ? 30 : 0;
          insert.run(
            `m${m}`,
            region,
            today - d * RESOLUTION_MS.day,
            1440 - down,
            0,
            down,
            1440 * 120_000,
            40_000,
            900_000,
            SKETCH_STAND_IN,
          );
        }
  })();
}

/** Render times in ms; `cold` reads the whole range each time, otherwise finished days come from memory. */
function renderTimes(db: Database.Database, now: number, cold: boolean): number[] {
  const reader = new DayCountReader(db, () => now);
  const base = syntheticSources(MONITORS, DAYS, now, {
    dayCounts: (ids, from, to) => reader.read(ids, from, to),
  });
  const samples: number[] = [];
  for (let i = 0; i < (cold ? 60 : 300); i++) {
    if (cold) reader.clear();
    const started = performance.now();
    renderPageHtml(buildPublicPage({ ...base, now }), '/s/bench');
    samples.push(performance.now() - started);
  }
  return samples.slice(cold ? 5 : 30);
}

const LOAD_CLIENT = `
const http = require('node:http');
const workerData = JSON.parse(process.env.VANTAGE_LOAD);
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.connections });
let done = 0, failed = 0, bytes = 0;
const end = Date.now() + workerData.durationMs;
function one() {
  if (Date.now() >= end) return Promise.resolve();
  return new Promise((resolve) => {
    http.get(workerData.url, { agent, headers: workerData.headers }, (res) => {
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => { if (res.statusCode === 200) done++; else failed++; resolve(); });
    }).on('error', () => { failed++; resolve(); });
  }).then(one);
}
const started = Date.now();
Promise.all(Array.from({ length: workerData.connections }, one)).then(() => {
  agent.destroy();
  process.stdout.write(JSON.stringify({ done, failed, bytes, ms: Date.now() - started }));
});
`;

interface LoadOutcome {
  done: number;
  failed: number;
  bytes: number;
  ms: number;
  /** CPU time the relay's process spent during the run. */
  relayCpuMs: number;
}

/** Runs the load client in its own process, and measures the CPU this (the relay's) process spent meanwhile. */
async function load(
  url: string,
  durationMs: number,
  connections: number,
  headers: Record<string, string> = {},
): Promise<LoadOutcome> {
  const child = spawn(process.execPath, ['-e', LOAD_CLIENT], {
    env: { ...process.env, VANTAGE_LOAD: JSON.stringify({ url, durationMs, connections, headers }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const cpu = process.cpuUsage();
  await new Promise((resolve, reject) => child.once('exit', resolve).once('error', reject));
  const used = process.cpuUsage(cpu);
  return {
    ...(JSON.parse(out) as Omit<LoadOutcome, 'relayCpuMs'>),
    relayCpuMs: (used.user + used.system) / 1000,
  };
}

export default async function statusPageBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-page-bench-'));
  const now = Date.now();
  try {
    const dataDir = join(dir, 'relay');
    const relay = await startRelay(
      { host: '127.0.0.1', port: 0, dataDir },
      { logger: pino({ level: 'silent' }) },
    );
    const token = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
    const api = (method: string, path: string, body: unknown) =>
      fetch(`${relay.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    let warm: number[];
    let cold: number[];
    let gzip: LoadOutcome;
    let plain: LoadOutcome;
    let health: LoadOutcome;
    try {
      // A second connection writes the history, as the ingest path would have.
      const db = openRelayDatabase(join(dataDir, 'relay.db'));
      seedAggregates(db, now);
      cold = renderTimes(db, now, true);
      warm = renderTimes(db, now, false);
      db.close();
      for (let m = 0; m < MONITORS; m++)
        await api(
          'POST',
          '/monitors',
          httpMonitor(`m${m}`, 'http://127.0.0.1:9/', { interval: 3600, timeout: 5 }),
        );
      const { config } = syntheticSources(MONITORS, DAYS, now);
      const put = await api('PUT', '/status-pages/bench', config);
      if (put.status !== 201) throw new Error(`publishing the bench page: ${put.status} ${await put.text()}`);
      await load(`${relay.url}/s/bench`, 500, 4);
      gzip = await load(`${relay.url}/s/bench`, 3_000, 16, { 'accept-encoding': 'gzip, deflate, br' });
      plain = await load(`${relay.url}/s/bench`, 3_000, 16);
      health = await load(`${relay.url}/healthz`, 3_000, 16);
    } finally {
      await relay.stop();
    }
    const row = (what: string, outcome: LoadOutcome): BenchRow => ({
      figure: `status page requests/s, keep-alive loopback, 16 connections, ${what} (${Math.round(outcome.bytes / Math.max(1, outcome.done) / 1024)} KiB each, ${outcome.failed} failed)`,
      value: Math.round((outcome.done / outcome.ms) * 1000),
      unit: 'req/s',
      target: '≥ 1,000 req/s',
    });
    const { target: _none, ...plainRow } = row('uncompressed', plain);
    return [
      {
        figure: `status page render, ${MONITORS} monitors × ${DAYS} days × 3 regions (today read + model + HTML), p50`,
        value: quantile(warm, 0.5),
        unit: 'ms',
        target: '< 20 ms',
      },
      {
        figure: `status page render, ${MONITORS} monitors × ${DAYS} days × 3 regions, p99`,
        value: quantile(warm, 0.99),
        unit: 'ms',
        target: '< 20 ms',
      },
      {
        figure: `status page first render (whole range read from SQLite: 13,500 rows), p50`,
        value: quantile(cold, 0.5),
        unit: 'ms',
      },
      row('gzip as browsers ask', gzip),
      {
        figure: 'status page requests per relay CPU-second, gzip (the same run; the machine is shared)',
        value: Math.round((gzip.done / gzip.relayCpuMs) * 1000),
        unit: 'req/CPU-s',
        baseline: 'GET /healthz on the same relay',
        baselineValue: Math.round((health.done / health.relayCpuMs) * 1000),
      },
      plainRow,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
