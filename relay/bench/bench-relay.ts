import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openSqliteStorage } from '../src/storage/sqlite/open-sqlite-storage.js';

const BUNDLE = fileURLToPath(
  new URL('../../node_modules/.cache/vantage-bench/vantage-relay.mjs', import.meta.url),
);

/** A `vantage-relay` child process run from a plain-JavaScript bundle, with tokens made beforehand. */
export interface BenchRelay {
  child: ChildProcess;
  url: string;
  desktopToken: string;
  probeToken(region: string): string;
  /** Resident set size of the relay process in MB, from /proc. */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Bundles the relay CLI (so RSS and speed are not those of a TypeScript loader) and starts it on
 * 127.0.0.1 with a fresh data dir.
 */
export async function startBenchRelay(regions: readonly string[], flags: string[] = []): Promise<BenchRelay> {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay external so they load as installed (swagger-ui serves files from its own
    // folder; better-sqlite3 is native); jsonpath-plus is bundled because only shared/ can resolve it.
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
      '@datadog/sketches-js',
    ],
    alias: { '@vantage/shared': fileURLToPath(new URL('../../shared/src/index.ts', import.meta.url)) },
    outfile: BUNDLE,
    logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'vantage-relay-bench-'));
  const storage = openSqliteStorage(join(dir, 'relay.db'));
  const desktopToken = storage.tokens.create({ name: 'bench-desktop', role: 'desktop' }, Date.now()).token;
  const probeTokens = new Map(
    regions.map((region) => [
      region,
      storage.tokens.create({ name: region, role: 'probe', region }, Date.now()).token,
    ]),
  );
  storage.close();
  const child = spawn(
    process.execPath,
    [
      // RELAY_PROF=<dir> writes a CPU profile of the relay there, for finding where ingest time goes.
      ...(process.env.RELAY_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.RELAY_PROF] : []),
      BUNDLE,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      dir,
      '--log-level',
      'info',
      ...flags,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    // Only the start line matters; keep the buffer from growing with connection logs.
    if (out.length < 100_000) out += chunk.toString();
  });
  const deadline = Date.now() + 20_000;
  let port = 0;
  while (port === 0) {
    const line = out.split('\n').find((l) => l.includes('"relay listening"'));
    if (line !== undefined) port = Number(new URL((JSON.parse(line) as { url: string }).url).port);
    else if (Date.now() > deadline || child.exitCode !== null) throw new Error('bench relay did not start');
    else await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    child,
    url: `ws://127.0.0.1:${port}/ws`,
    desktopToken,
    probeToken: (region) => probeTokens.get(region)!,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
