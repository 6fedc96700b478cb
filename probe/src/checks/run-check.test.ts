import { HttpMonitor, MonitorSchema } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpTarget, startHttpTarget } from '../test-targets/http-target.js';
import { closedPort } from '../test-targets/tcp-target.js';
import { supportedKinds } from './registry.js';
import { runCheck } from './run-check.js';

let target: HttpTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

const http = (url: string, extra: { retries?: number; retryDelayMs?: number; timeout?: number } = {}) =>
  HttpMonitor.parse({ id: 'web', name: 'Web', type: 'http', url, ...extra });

describe('runCheck', () => {
  it('stamps the start time from the injected clock', async () => {
    target = await startHttpTarget({ routes: { '/': {} } });
    const outcome = await runCheck(http(target.url('/')), { now: () => 1_700_000_000_000 });
    expect(outcome.ts).toBe(1_700_000_000_000);
    expect(outcome.latencyMs).toBeGreaterThan(0);
  });

  it('retries a failing check from the same probe and records the attempts', async () => {
    const port = await closedPort();
    const outcome = await runCheck(http(`http://127.0.0.1:${port}/`, { retries: 2, retryDelayMs: 10 }), {
      now: Date.now,
    });
    expect(outcome).toMatchObject({ state: 'down', attempts: 3, message: 'connection refused' });
  });

  it('reports the attempt that succeeded after a failure', async () => {
    target = await startHttpTarget({ routes: { '/flaky': { statuses: [503, 200] } } });
    const outcome = await runCheck(http(target.url('/flaky'), { retries: 3, retryDelayMs: 10 }), {
      now: Date.now,
    });
    expect(outcome).toMatchObject({ state: 'up', attempts: 2, statusCode: 200 });
    expect(target.requests).toHaveLength(2);
  });

  it('does not retry a check that is up or only degraded', async () => {
    target = await startHttpTarget({ routes: { '/': {} } });
    const outcome = await runCheck(
      HttpMonitor.parse({
        id: 'web',
        name: 'Web',
        type: 'http',
        url: target.url('/'),
        retries: 3,
        conditions: ['header x-missing exists else degraded'],
      }),
      { now: Date.now },
    );
    expect(outcome).toMatchObject({ state: 'degraded', attempts: 1 });
  });

  it('gives each attempt the full timeout and names it in the message', async () => {
    target = await startHttpTarget({ routes: { '/hang': { delayMs: 10_000 } } });
    const outcome = await runCheck(http(target.url('/hang'), { timeout: 0.2, retries: 1, retryDelayMs: 0 }), {
      now: Date.now,
    });
    expect(outcome).toMatchObject({ state: 'down', attempts: 2, message: 'timeout after 0.2 s' });
    expect(target.requests).toHaveLength(2);
  });

  it('stops at once and does not retry when the caller cancels', async () => {
    target = await startHttpTarget({ routes: { '/hang': { delayMs: 10_000 } } });
    const cancel = new AbortController();
    const running = runCheck(http(target.url('/hang'), { retries: 3, retryDelayMs: 0 }), {
      now: Date.now,
      signal: cancel.signal,
    });
    setTimeout(() => cancel.abort(), 50);
    expect(await running).toMatchObject({ state: 'down', attempts: 1, message: 'check cancelled' });
  });

  it('refuses monitor types the probe does not run', async () => {
    const heartbeat = MonitorSchema.parse({
      id: 'cron',
      name: 'Nightly job',
      type: 'heartbeat',
      period: 3600,
    });
    await expect(runCheck(heartbeat, { now: Date.now })).rejects.toThrow(
      'this probe cannot run heartbeat checks',
    );
    expect(supportedKinds).toEqual(['http', 'tcp', 'dns', 'tls']);
  });
});
