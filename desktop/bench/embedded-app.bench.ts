/**
 * The embedded desktop app's footprint: the desktop core, its in-process relay and local probe in
 * one child process started with the app's V8 flags (bundled with esbuild, so neither a TypeScript
 * loader's memory nor its CPU is counted), monitoring 1,000 HTTP monitors every 20 s against a local target served by this
 * (parent) process. A listener is subscribed to the live events, as an open window would be.
 *
 * 1. the child starts the core on an empty data dir and imports the 1,000 monitors;
 * 2. once the relay has them all, it waits a further 2 minutes: every monitor has been scheduled
 *    and checked several times, and V8 has compiled the hot code (its optimizing compiler spends
 *    ~300 ms per 10 s in the first minute of checks and ~30 ms per 10 s from the third on);
 * 3. then it measures a steady window of two of the store's rollup checkpoints (every 120 s) plus
 *    5 s: CPU time from `process.cpuUsage` over wall time (% of one core, all threads), for the
 *    whole window and for its busier half; the largest RSS sampled each second, and how much the
 *    last minute's high-water mark exceeds the first minute's (a creep, such as a page cache
 *    filling, shows there); and the checks the core stored.
 *
 * Anchor: Uptime Kuma 2.5.3 measured the same way (1,000 HTTP monitors at 20 s): 39 % of one core,
 * 262 MiB. The whole bench takes about 7 minutes. Run alone: `npm run bench -- embedded-app`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../../scripts/bench.js';
import { DESKTOP_NODE_FLAGS } from '../src/core/app/node-flags.js';
import { DEFAULT_CHECKPOINT } from '../src/core/store/result-ingest.js';

const CHILD_FLAG = '--embedded-app-child';
const MONITORS = 1000;
const INTERVAL_S = 20;
const SETTLE_MS = 120_000;
const WINDOW_MS = 2 * DEFAULT_CHECKPOINT.everyMs + 5_000;
const MIB = 1024 * 1024;

/** What the child reports after its steady window. */
interface ChildReport {
  cpuPercent: number;
  /** CPU of the busier of the window's two halves (each holds one checkpoint): how much it varies. */
  busierHalfCpuPercent: number;
  rssMib: number;
  /** The last minute's largest RSS minus the first minute's. */
  rssGrowthMib: number;
  checksPerSecond: number;
  importMs: number;
}

const BUNDLE = fileURLToPath(
  new URL('../../node_modules/.cache/vantage-bench/embedded-app.mjs', import.meta.url),
);

/** Bundles this file (the child's code is in it) from the workspace sources. */
async function bundle(): Promise<void> {
  const { build } = await import('esbuild');
  const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Installed packages load as installed (better-sqlite3 is native, fastify's plugins read their
    // own files); jsonpath-plus is bundled because only shared/ can resolve it.
    external: [
      'better-sqlite3',
      'fastify',
      'fastify-type-provider-zod',
      '@fastify/*',
      'pino',
      'prom-client',
      'ws',
      'yaml',
      'commander',
      'zod',
      'croner',
      'nodemailer',
      '@datadog/sketches-js',
      'esbuild',
    ],
    alias: {
      '@vantage/shared': src('../../shared/src/index.ts'),
      '@vantage/relay': src('../../relay/src/index.ts'),
      '@vantage/probe': src('../../probe/src/index.ts'),
    },
    outfile: BUNDLE,
    logLevel: 'error',
  });
}

/** A local target answering 200 to every path, as fast as it can. */
async function startTarget(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parent side: the target, the child, and the rows. */
export default async function embeddedAppBench(): Promise<BenchRow[]> {
  await bundle();
  const target = await startTarget();
  try {
    // With the V8 flags every launch of the app uses (npm start, the bin, Electron).
    const child = spawn(process.execPath, [...DESKTOP_NODE_FLAGS, BUNDLE, CHILD_FLAG, target.url], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const report = await new Promise<ChildReport>((resolve, reject) => {
      const deadline = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the embedded app bench did not finish within 12 minutes'));
      }, 720_000);
      child.on('message', (message) => {
        clearTimeout(deadline);
        resolve(message as ChildReport);
      });
      child.on('exit', (code) => {
        clearTimeout(deadline);
        reject(new Error(`the embedded app child exited with ${code} before reporting`));
      });
    });
    await exited;
    const workload = `${MONITORS.toLocaleString('en-US')} HTTP monitors @ ${INTERVAL_S} s`;
    return [
      {
        figure: `embedded app CPU (core + relay + probe), ${workload}`,
        value: report.cpuPercent,
        unit: '% of one core',
        baseline: 'Uptime Kuma 2.5.3: 39 % CPU, 262 MiB',
        baselineValue: 39,
        target: '≤ 4 %',
      },
      {
        figure: `embedded app CPU, the busier half of the window (one checkpoint each), ${workload}`,
        value: report.busierHalfCpuPercent,
        unit: '% of one core',
        target: '≤ 4 %',
      },
      {
        figure: `embedded app RSS, ${workload}`,
        value: report.rssMib,
        unit: 'MiB',
        baseline: 'Uptime Kuma 2.5.3: 39 % CPU, 262 MiB',
        baselineValue: 262,
        target: '≤ 150 MiB',
      },
      {
        figure: `embedded app RSS growth from the window's first minute to its last, ${workload}`,
        value: report.rssGrowthMib,
        unit: 'MiB',
        target: '≈ 0 (no creep)',
      },
      {
        figure: `embedded app checks stored during the window, ${workload}`,
        value: report.checksPerSecond,
        unit: 'checks/s',
        target: `${MONITORS / INTERVAL_S}/s (every check arrives)`,
      },
      {
        figure: `embedded app: import ${MONITORS.toLocaleString('en-US')} monitors until the relay has them all`,
        value: report.importMs / 1000,
        unit: 's',
      },
    ];
  } finally {
    await target.close();
  }
}

/** Child side: the app under measurement. */
async function runChild(targetUrl: string): Promise<void> {
  const { createDesktopCore, createCoreLogger } = await import('../src/core/app/index.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'vantage-embedded-bench-'));
  const core = await createDesktopCore({ dataDir, shell: 'web', logger: createCoreLogger('warn') });
  const { handlers } = core.api;
  let checks = 0;
  core.api.onEvent((event) => {
    if (event.type === 'checks') checks += event.checks.length;
  });
  const waitFor = async (what: string, ready: () => Promise<boolean>, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  try {
    await waitFor('the embedded relay', async () => {
      const status = await handlers['sync.status']({});
      return status.ok && status.value.connection === 'connected';
    });
    const monitors = Array.from({ length: MONITORS }, (_, i) => ({
      id: `bench-${i}`,
      name: `Bench ${i}`,
      type: 'http',
      url: `${targetUrl}/m/${i}`,
      interval: INTERVAL_S,
    }));
    const importStart = Date.now();
    const imported = await handlers['config.import']({ text: JSON.stringify({ monitors }), mode: 'merge' });
    if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
    await waitFor('the relay to accept every monitor', async () => {
      const status = await handlers['sync.status']({});
      return status.ok && status.value.pendingChanges === 0;
    });
    const importMs = Date.now() - importStart;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(process.memoryUsage().rss), 1000);
    const profile = await startProfile();
    const checksBefore = checks;
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 2));
    const cpuHalf = process.cpuUsage(cpuBefore);
    const wallHalf = performance.now() - wallBefore;
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 2));
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    clearInterval(sampler);
    await profile.stop();
    rssSamples.push(process.memoryUsage().rss);
    const percent = (usage: NodeJS.CpuUsage, ms: number) => ((usage.user + usage.system) / 1000 / ms) * 100;
    const secondHalf = { user: cpu.user - cpuHalf.user, system: cpu.system - cpuHalf.system };
    // The high-water mark of the first and the last minute: a creep shows as their difference.
    const firstMinute = Math.max(...rssSamples.slice(0, 60));
    const lastMinute = Math.max(...rssSamples.slice(-60));
    const report: ChildReport = {
      cpuPercent: percent(cpu, wallMs),
      busierHalfCpuPercent: Math.max(percent(cpuHalf, wallHalf), percent(secondHalf, wallMs - wallHalf)),
      rssMib: Math.max(...rssSamples) / MIB,
      rssGrowthMib: (lastMinute - firstMinute) / MIB,
      checksPerSecond: (checks - checksBefore) / (wallMs / 1000),
      importMs,
    };
    process.send?.(report);
  } finally {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * With EMBEDDED_APP_PROF=<file>, a CPU profile of the steady window is written there (open it in
 * Chrome's DevTools) to find where the app's time goes.
 */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.EMBEDDED_APP_PROF;
  if (!file) return { stop: async () => {} };
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

if (process.argv[2] === CHILD_FLAG) {
  runChild(process.argv[3] ?? '').then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
