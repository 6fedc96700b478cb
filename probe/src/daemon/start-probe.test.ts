import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, MonitorInput } from '@vantage/shared';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startTcpTarget, type TcpTarget } from '../test-targets/tcp-target.js';
import { captureLogs } from '../testing/log-capture.js';
import { TestRelay, type TestRelayOptions } from '../testing/test-relay.js';
import { type ProbeHandle, startProbe } from './start-probe.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-probe-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function tcp(id: string, port: number, extra: Partial<MonitorInput> = {}): MonitorInput {
  return {
    id,
    name: id,
    type: 'tcp',
    host: '127.0.0.1',
    port,
    interval: 1,
    timeout: 2,
    ...extra,
  } as MonitorInput;
}

async function setup(
  options: {
    canaries?: string[];
    metricsPort?: number;
    perHost?: number;
    sourceAddress?: string;
    token?: string;
    relay?: TestRelayOptions;
  } = {},
) {
  const relay = await TestRelay.start({ token: 'secret-token', ...options.relay });
  cleanups.push(() => relay.stop());
  const target: TcpTarget = await startTcpTarget();
  cleanups.push(() => target.close());
  const logs = captureLogs('debug');
  const probe: ProbeHandle = await startProbe(
    {
      relay: relay.url,
      token: options.token ?? 'secret-token',
      region: 'eu-west',
      probeId: 'probe-test',
      dataDir: tempDir(),
      canaries: options.canaries ?? [`127.0.0.1:${target.port}`],
      canaryInterval: 0.2,
      ...(options.metricsPort !== undefined ? { metricsPort: options.metricsPort } : {}),
      ...(options.perHost !== undefined ? { perHost: options.perHost } : {}),
      ...(options.sourceAddress !== undefined ? { sourceAddress: options.sourceAddress } : {}),
    },
    { logger: logs.logger },
  );
  cleanups.push(() => probe.stop());
  return { relay, target, probe, logs };
}

const seqs = (results: CheckResult[]) => results.map((r) => r.seq);
const isRun = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('probe daemon against a relay', () => {
  it('connects, takes its assignments and delivers results numbered 1..N in order', async () => {
    const { relay, target } = await setup();
    relay.setMonitors([tcp('a', target.port), tcp('b', target.port)]);
    await relay.waitFor(() => relay.stored.size >= 6, 'six results');
    expect(relay.hellos[0]?.probe).toMatchObject({ id: 'probe-test', region: 'eu-west' });
    expect(relay.hellos[0]?.probe?.capabilities).toEqual(
      expect.arrayContaining(['http', 'tcp', 'dns', 'tls']),
    );
    expect(seqs(relay.received)).toEqual(isRun(1, relay.received.length));
    expect(relay.duplicates).toBe(0);
    for (const result of relay.received) {
      expect(result).toMatchObject({
        probeId: 'probe-test',
        region: 'eu-west',
        state: 'up',
        probeHealthy: true,
        revision: 1,
      });
      expect(['a', 'b']).toContain(result.monitorId);
    }
  });

  it('applies added, re-timed, paused and deleted monitors without restarting', async () => {
    const { relay, target } = await setup();
    relay.setMonitors([tcp('a', target.port)]);
    await relay.waitFor(() => relay.resultsOf('a').length >= 2, 'results of a');

    relay.changeMonitors([tcp('b', target.port)]);
    await relay.waitFor(() => relay.resultsOf('b').length >= 2, 'results of the added monitor b');

    relay.changeMonitors([tcp('a', target.port, { interval: 2 })]);
    const retimedAt = relay.revision;
    await relay.waitFor(
      () => relay.resultsOf('a').filter((r) => r.revision === retimedAt).length >= 3,
      're-timed a',
    );
    const retimed = relay.resultsOf('a').filter((r) => r.revision === retimedAt);
    const gaps = retimed.slice(1).map((r, i) => r.ts - (retimed[i] as CheckResult).ts);
    // On the old 1 s interval these would be ~1000 ms apart.
    expect(Math.min(...gaps)).toBeGreaterThan(1500);

    relay.changeMonitors([tcp('b', target.port, { paused: true })], ['a']);
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = [...relay.stored.values()].filter((r) => r.ts > stoppedAt + 500);
    expect(after).toEqual([]);

    relay.changeMonitors([tcp('b', target.port, { paused: false })]);
    const resumedAt = relay.revision;
    await relay.waitFor(() => relay.resultsOf('b').some((r) => r.revision === resumedAt), 'resumed b');
  });

  it('keeps other hosts on beat while one host is slow, with at most perHost checks on the slow one', async () => {
    let open = 0;
    let maxOpen = 0;
    const slow = http.createServer((_request, response) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      setTimeout(() => {
        open--;
        response.end('late');
      }, 2500);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.2', resolve));
    cleanups.push(() => new Promise((resolve) => slow.close(resolve)));
    cleanups.push(() => slow.closeAllConnections());
    const slowUrl = `http://127.0.0.2:${(slow.address() as AddressInfo).port}/`;
    const { relay, target } = await setup({ perHost: 2 });
    relay.setMonitors([
      ...[1, 2, 3, 4, 5].map(
        (i) =>
          ({
            id: `slow-${i}`,
            name: 'slow',
            type: 'http',
            url: slowUrl,
            interval: 1,
            timeout: 5,
          }) as MonitorInput,
      ),
      tcp('fast-1', target.port),
      tcp('fast-2', target.port),
    ]);
    await relay.waitFor(
      () => relay.resultsOf('fast-1').length >= 6 && relay.resultsOf('fast-2').length >= 6,
      'fast results',
    );
    await relay.waitFor(
      () => relay.stored.size > 0 && [...relay.stored.values()].some((r) => r.monitorId.startsWith('slow')),
      'a slow result',
    );
    expect(maxOpen).toBe(2);
    for (const id of ['fast-1', 'fast-2']) {
      const results = relay.resultsOf(id);
      const gaps = results.slice(1).map((r, i) => r.ts - (results[i] as CheckResult).ts);
      // A missed beat would show as a 2 s gap.
      expect(Math.max(...gaps)).toBeLessThan(1500);
      expect(results.every((r) => r.state === 'up')).toBe(true);
    }
  });

  it('resends unacknowledged results after the relay goes away and comes back, losing none', async () => {
    const { relay, target } = await setup();
    relay.setMonitors([tcp('a', target.port), tcp('b', target.port)]);
    await relay.waitFor(() => relay.stored.size >= 4, 'first results');
    relay.autoAck = false;
    const unackedFrom = relay.stored.size;
    await relay.waitFor(() => relay.stored.size >= unackedFrom + 4, 'unacknowledged results');
    await relay.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    relay.autoAck = true;
    await relay.start();
    const highBefore = Math.max(...relay.seqsOf('probe-test'));
    await relay.waitFor(
      () => relay.seqsOf('probe-test').length >= highBefore + 6,
      'results after the relay came back',
    );
    const stored = relay.seqsOf('probe-test');
    expect(stored).toEqual(isRun(1, stored.length));
    expect(relay.hellos.length).toBe(2);
    // Everything the relay had not acknowledged came again; it stored each once.
    expect(relay.duplicates).toBeGreaterThanOrEqual(4);
  });

  it('sends a backlog of large results in frames a relay with a 1 MiB limit accepts', async () => {
    const { relay, target } = await setup({ relay: { maxFrameBytes: 1024 * 1024 } });
    // Each result carries 50 failed verdicts of ~5.7 KB: ~290 KB, so four make a frame too big.
    const conditions = Array.from(
      { length: 50 },
      (_, i) => `body contains "${'€'.repeat(1900)}${i}" else degraded`,
    );
    relay.setMonitors(['a', 'b', 'c', 'd'].map((id) => tcp(id, target.port, { conditions })));
    await relay.waitFor(() => relay.stored.size >= 2, 'first results');
    await relay.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = relay.stored.size;
    await relay.start();
    await relay.waitFor(() => relay.stored.size >= before + 8, 'the backlog', 20_000);
    expect(relay.oversizeCloses).toBe(0);
    expect(Math.max(...relay.frameSizes)).toBeLessThanOrEqual(1024 * 1024);
    expect(relay.seqsOf('probe-test')).toEqual(isRun(1, relay.stored.size));
    expect([...relay.stored.values()].every((r) => r.state === 'degraded' && r.verdicts?.length === 50)).toBe(
      true,
    );
  });

  it('answers check.run with a one-off result that never enters the spool', async () => {
    const { relay, target } = await setup();
    relay.setMonitors([]);
    await relay.waitFor(() => relay.connectedProbes === 1, 'the probe');
    const reply = await relay.runCheck(tcp('one-off', target.port));
    expect(reply.result).toMatchObject({ monitorId: 'one-off', probeId: 'probe-test', state: 'up' });
    expect(reply.result).not.toHaveProperty('seq');
    const refused = await relay.runCheck(tcp('refused', await closedPort()));
    expect(refused.result).toMatchObject({ state: 'down', message: expect.stringContaining('refused') });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(relay.stored.size).toBe(0);
  });

  it('logs bad frames from the relay with their code, ignores them and stays connected', async () => {
    const { relay, target, logs } = await setup();
    relay.setMonitors([tcp('a', target.port)]);
    await relay.waitFor(() => relay.stored.size >= 1, 'a result');
    relay.sendRaw('this is not json');
    relay.sendRaw(JSON.stringify({ type: 'monitors.full', revision: -1, monitors: [] }));
    relay.sendRaw(JSON.stringify({ type: 'launch.missiles' }));
    const count = relay.stored.size;
    await relay.waitFor(() => relay.stored.size >= count + 2, 'more results');
    expect(relay.hellos).toHaveLength(1);
    const bad = logs.lines.filter((l) => l.msg === 'ignored a bad frame from the relay').map((l) => l.code);
    expect(bad).toEqual([
      'VANTAGE_ERR_INVALID_MESSAGE',
      'VANTAGE_ERR_INVALID_MESSAGE',
      'VANTAGE_ERR_UNKNOWN_TYPE',
    ]);
  });

  it('reports itself unhealthy and marks its results while every canary fails', async () => {
    const { relay, target } = await setup({ canaries: [`127.0.0.1:${await closedPort()}`] });
    relay.setMonitors([tcp('a', target.port)]);
    await relay.waitFor(() => relay.healthReports.some((h) => !h.healthy), 'an unhealthy report');
    const unhealthy = relay.healthReports.find((h) => !h.healthy);
    expect(unhealthy?.canaries[0]).toMatchObject({ ok: false, message: 'connection refused' });
    expect(unhealthy?.reason).toContain('every canary failed');
    await relay.waitFor(() => relay.stored.size >= 2, 'results');
    expect([...relay.stored.values()].at(-1)?.probeHealthy).toBe(false);
  });

  it('serves Prometheus metrics and /healthz on the metrics port, and never logs the token', async () => {
    const { relay, target, probe, logs } = await setup({ metricsPort: 0 });
    relay.setMonitors([tcp('a', target.port)]);
    await relay.waitFor(() => relay.stored.size >= 2, 'results');
    const base = `http://127.0.0.1:${probe.metricsPort}`;
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/vantage_probe_checks_total\{type="tcp",outcome="up"\} [1-9]/);
    expect(metrics).toMatch(/vantage_probe_schedule_lateness_seconds_count [1-9]/);
    expect(metrics).toContain('vantage_probe_relay_connected 1');
    expect(metrics).toMatch(/vantage_probe_spool_depth \d/);
    expect(metrics).toContain('vantage_probe_spool_dropped_total');
    expect(metrics).toMatch(/vantage_probe_info\{version="[^"]+",probe_id="probe-test",region="eu-west"\} 1/);
    const healthz = await fetch(`${base}/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toMatchObject({ ok: true, relayConnected: true, monitors: 1 });
    expect(logs.lines.some((l) => l.msg === 'starting probe')).toBe(true);
    expect(logs.text()).not.toContain('secret-token');
  });

  it("keeps the token and URL credentials out of an embedding app's logger that redacts nothing", async () => {
    const relay = await TestRelay.start({ token: 'secret-token' });
    cleanups.push(() => relay.stop());
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const probe = await startProbe(
      {
        relay: relay.url.replace('ws://', 'ws://ops:url-pass@'),
        token: 'secret-token',
        region: 'eu-west',
        dataDir: tempDir(),
        canaryInterval: 0.2,
      },
      { logger },
    );
    cleanups.push(() => probe.stop());
    await relay.waitFor(() => relay.connectedProbes === 1, 'the probe to connect');
    await probe.stop();
    expect(lines.some((line) => line.includes('starting probe'))).toBe(true);
    expect(lines.some((line) => line.includes('connecting to relay'))).toBe(true);
    expect(lines.join('')).not.toContain('secret-token');
    expect(lines.join('')).not.toContain('url-pass');
  });

  it('binds every check and canary to --source-address', async () => {
    const { relay, target } = await setup({ sourceAddress: '127.0.0.3' });
    relay.setMonitors([tcp('a', target.port)]);
    await relay.waitFor(() => relay.stored.size >= 2, 'results');
    expect(target.remoteAddresses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(target.remoteAddresses)).toEqual(new Set(['127.0.0.3']));
  });

  it('keeps retrying with a log line naming the refusal when the relay rejects its token', async () => {
    const { relay, logs } = await setup({ token: 'wrong-token' });
    await relay.waitFor(
      () => logs.lines.filter((l) => l.msg === 'relay refused the probe; retrying').length >= 2,
      'two refused attempts',
    );
    const refused = logs.lines.find((l) => l.msg === 'relay refused the probe; retrying');
    expect(refused?.error).toBe('closed 4401: unauthenticated');
    expect(
      logs.lines.some((l) => l.msg === 'relay reported an error' && l.code === 'VANTAGE_ERR_UNAUTHENTICATED'),
    ).toBe(true);
    expect(relay.hellos).toHaveLength(0);
    expect(logs.text()).not.toContain('wrong-token');
  });
});
