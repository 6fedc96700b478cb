/**
 * HTTP check throughput. The target runs in a child process so this process measures only the
 * client side; figures are checks per CPU-second of this process (one core's worth of work),
 * the same for the check and for its baseline:
 * - fresh-connection HTTP checks through `runCheck` (phase timings, body, conditions) against a
 *   bare `http.request` loop with `agent: false`;
 * - HTTPS checks with one shared TLS secureContext against a new context per check.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import tls from 'node:tls';
import { HttpMonitor } from '@vantage/shared';
import type { BenchRow } from '../../scripts/bench.js';
import { runCheck } from '../src/checks/run-check.js';
import { createTlsContextCache, type TlsContextCache } from '../src/checks/tls-context-cache.js';
import { createTestCertificate } from '../src/test-targets/test-certificates.js';

const RUN_MS = 350;
const WARMUP_MS = 1000;
const ROUNDS = 8;
const CONCURRENCY = 8;

const TARGET_SCRIPT = `
const handler = (req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); };
const server = process.env.TLS_KEY
  ? require('node:https').createServer({ key: process.env.TLS_KEY, cert: process.env.TLS_CERT }, handler)
  : require('node:http').createServer(handler);
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startTarget(cert?: {
  key: string;
  cert: string;
}): Promise<{ port: number; child: ChildProcess }> {
  const env = cert ? { ...process.env, TLS_KEY: cert.key, TLS_CERT: cert.cert } : process.env;
  const child = spawn(process.execPath, ['-e', TARGET_SCRIPT], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
  });
  return { port, child };
}

/** Runs `op` from CONCURRENCY loops for `ms`; returns completed calls per CPU-second of this process. */
async function perCoreSecond(op: () => Promise<unknown>, ms: number): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const deadline = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await op();
        done++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return done / ((cpu.user + cpu.system) / 1e6);
}

/**
 * Median per-core rate of each op over short interleaved rounds, after a warm-up of each: other
 * processes on the machine shift absolute figures between rounds, alternating them keeps
 * the comparison fair and the median drops the outliers.
 */
async function compare(ops: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const op of ops) await perCoreSecond(op, WARMUP_MS);
  const rates: number[][] = ops.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order (ABBA) so neither op always runs right after the other.
    const order = round % 2 === 0 ? [...ops.keys()] : [...ops.keys()].reverse();
    for (const i of order) rates[i]?.push(await perCoreSecond(ops[i]!, RUN_MS));
  }
  return rates.map((list) => {
    const sorted = list.sort((a, b) => a - b);
    const mid = sorted.length / 2;
    return ((sorted[Math.floor(mid - 0.5)] ?? 0) + (sorted[Math.ceil(mid - 0.5)] ?? 0)) / 2;
  });
}

function bareRequest(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

function checkOp(url: string, options: { verifyTls?: boolean; tls?: TlsContextCache } = {}) {
  const monitor = HttpMonitor.parse({
    id: 'bench',
    name: 'Bench',
    type: 'http',
    url,
    verifyTls: options.verifyTls ?? true,
  });
  return async () => {
    const outcome = await runCheck(monitor, { now: Date.now, ...(options.tls ? { tls: options.tls } : {}) });
    if (outcome.state !== 'up') throw new Error(`bench check failed: ${outcome.message}`);
  };
}

/** Rows for `npm run bench`. */
export default async function httpCheckBench(): Promise<BenchRow[]> {
  const plain = await startTarget();
  const secure = await startTarget(await createTestCertificate());
  try {
    const [check = 0, bare = 0] = await compare([
      checkOp(`http://127.0.0.1:${plain.port}/`),
      () => bareRequest(plain.port),
    ]);
    const sharedCache = createTlsContextCache();
    const freshEachTime: TlsContextCache = { context: () => tls.createSecureContext() };
    const httpsUrl = `https://127.0.0.1:${secure.port}/`;
    const [shared = 0, fresh = 0] = await compare([
      checkOp(httpsUrl, { verifyTls: false, tls: sharedCache }),
      checkOp(httpsUrl, { verifyTls: false, tls: freshEachTime }),
    ]);
    return [
      {
        figure: 'fresh-connection HTTP checks (runCheck: phases, body, conditions)',
        value: check,
        unit: 'checks/core-s',
        baseline: 'bare http.request agent:false',
        baselineValue: bare,
        target: '≥ 0.7× baseline',
      },
      { figure: 'bare http.request loop, agent:false (baseline)', value: bare, unit: 'requests/core-s' },
      { figure: 'HTTP check / bare request ratio', value: check / bare, unit: '×', target: '≥ 0.7' },
      {
        figure: 'fresh-connection HTTPS checks, shared secureContext',
        value: shared,
        unit: 'checks/core-s',
        baseline: 'new secureContext per check',
        baselineValue: fresh,
      },
      { figure: 'HTTPS checks, new secureContext per check', value: fresh, unit: 'checks/core-s' },
    ];
  } finally {
    plain.child.kill();
    secure.child.kill();
  }
}
