/**
 * Heartbeat figures against the relay CLI bundled to plain JavaScript in a child process (one Node
 * thread, SQLite with synchronous=FULL): pings accepted per second, each answered only after its
 * commit (group commit per event-loop turn), from N concurrent keep-alive clients over 127.0.0.1.
 * Clients are raw HTTP/1.1 sockets (one request in flight each) so this process is not the limit;
 * they spread pings over 1,000 heartbeat monitors, below each URL's rate limit.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { BenchRow } from '../../scripts/bench.js';
import { startBenchRelay } from './bench-relay.js';

const MONITORS = 1000;
const SECONDS = 4;
const fast = ['--messages-per-second', '100000', '--message-burst', '100000'];

/** Sends one request at a time on one socket until `until`, counting 200 answers. */
function client(port: number, paths: readonly string[], body: string, until: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let ok = 0;
    let i = Math.floor(Math.random() * paths.length);
    let buffered = Buffer.alloc(0);
    const send = () => {
      const path = paths[i++ % paths.length]!;
      const head =
        body === ''
          ? `GET ${path} HTTP/1.1\r\nHost: bench\r\n\r\n`
          : `POST ${path} HTTP/1.1\r\nHost: bench\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      socket.write(head);
    };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        if (head.startsWith('HTTP/1.1 200')) ok++;
        buffered = buffered.subarray(end + 4 + length);
        if (Date.now() >= until) {
          socket.end();
          resolve(ok);
          return;
        }
        send();
      }
    });
  });
}

/** CPU seconds a process has used so far (user + system), from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Pings answered OK per wall second, and per CPU second of the relay process. */
async function pingRate(
  pid: number,
  port: number,
  paths: readonly string[],
  clients: number,
  body: string,
): Promise<{ wall: number; perCpuSecond: number }> {
  const started = Date.now();
  const cpuBefore = cpuSeconds(pid);
  const until = started + SECONDS * 1000;
  const counts = await Promise.all(Array.from({ length: clients }, () => client(port, paths, body, until)));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    wall: Math.round(total / ((Date.now() - started) / 1000)),
    perCpuSecond: Math.round(total / Math.max(0.01, cpuSeconds(pid) - cpuBefore)),
  };
}

/** Runs the heartbeat measurements and returns their rows. */
export default async function heartbeatBench(): Promise<BenchRow[]> {
  const relay = await startBenchRelay([], fast);
  try {
    const http = relay.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    const port = Number(new URL(http).port);
    const headers = { authorization: `Bearer ${relay.desktopToken}`, 'content-type': 'application/json' };
    for (let at = 0; at < MONITORS; at += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          fetch(`${http}/api/v1/monitors`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              id: `job-${at + j}`,
              name: `Job ${at + j}`,
              type: 'heartbeat',
              period: 3600,
            }),
          }),
        ),
      );
    }
    const list = (await (await fetch(`${http}/api/v1/heartbeats`, { headers })).json()) as {
      heartbeats: Array<{ url: string }>;
    };
    const paths = list.heartbeats.map((h) => new URL(h.url).pathname);
    if (paths.length !== MONITORS) throw new Error(`expected ${MONITORS} heartbeats, got ${paths.length}`);
    // Warm-up: each monitor's first ping turns it from pending to up, and the evaluator stores each
    // such change in its own commit; that happens once per monitor, so it stays out of the figures.
    await Promise.all(
      Array.from({ length: 16 }, async (_, c) => {
        for (let i = c; i < paths.length; i += 16) await fetch(`${http}${paths[i]}`);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const log = 'x'.repeat(1024);
    const rows: BenchRow[] = [];
    const pid = relay.child.pid!;
    for (const [clients, body, what] of [
      [64, '', 'GET'],
      [256, '', 'GET'],
      [64, log, 'POST with a 1 KB log'],
    ] as const) {
      const rate = await pingRate(pid, port, paths, clients, body);
      rows.push({
        figure: `heartbeat pings accepted durably (${clients} keep-alive clients, ${what})`,
        value: rate.wall,
        unit: 'pings/s',
        baseline: 'Healthchecks.io peak',
        baselineValue: 4000,
        target: '≥ 10,000/s',
      });
      rows.push({
        figure: `heartbeat pings per relay CPU-second (${clients} clients, ${what})`,
        value: rate.perCpuSecond,
        unit: 'pings/CPU-s',
      });
    }
    return rows;
  } finally {
    await relay.stop();
  }
}
