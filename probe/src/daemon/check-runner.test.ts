import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitorSchema } from '@vantage/shared';
import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../spool/result-spool.js';
import { startHttpTarget } from '../test-targets/http-target.js';
import { startTcpTarget } from '../test-targets/tcp-target.js';
import { createCheckRunner } from './check-runner.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A runner spooling into a fresh directory, with the revision `revision()` gives. */
function runnerWithSpool(revision: () => number = () => 1) {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-runner-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const spool = ResultSpool.open({ dir });
  cleanups.push(() => spool.close());
  const runner = createCheckRunner({
    probeId: 'p1',
    region: 'eu-west',
    supportedKinds: ['tcp', 'http'],
    spool,
    metrics: {
      checks: new Counter({
        name: 'checks',
        help: 'checks',
        labelNames: ['type', 'outcome'],
        registers: [new Registry()],
      }),
    },
    logger: pino({ level: 'silent' }),
    isHealthy: () => true,
    revision,
    onAppended: () => {},
  });
  const run = (monitor: unknown) =>
    runner.runScheduled({
      monitor: MonitorSchema.parse(monitor),
      dueAt: 0,
      startedAt: 0,
      signal: new AbortController().signal,
    });
  return { spool, run, runner };
}

describe('check runner', () => {
  it('stamps a scheduled result with the revision it started under, not one that arrived meanwhile', async () => {
    const target = await startTcpTarget();
    cleanups.push(() => target.close());
    let revision = 7;
    const { spool, run } = runnerWithSpool(() => revision);
    const running = run({ id: 'm', name: 'm', type: 'tcp', host: '127.0.0.1', port: target.port });
    revision = 8;
    await running;
    await spool.sync();
    expect(spool.readAfter(0, 10)).toMatchObject([{ seq: 1, monitorId: 'm', state: 'up', revision: 7 }]);
  });

  it('spools the verdicts of a check only when a condition failed, then every one of them; a one-off test answers with all', async () => {
    const target = await startHttpTarget({ routes: { '/ok': {}, '/broken': { status: 503 } } });
    cleanups.push(() => target.close());
    const { spool, run, runner } = runnerWithSpool();
    const conditions = ['response_time < 60000'];
    await run({ id: 'ok', name: 'ok', type: 'http', url: target.url('/ok'), conditions });
    await run({ id: 'broken', name: 'broken', type: 'http', url: target.url('/broken'), conditions });
    await spool.sync();
    const [ok, broken] = spool.readAfter(0, 10);
    expect(ok).toMatchObject({ monitorId: 'ok', state: 'up', statusCode: 200 });
    expect(ok).not.toHaveProperty('verdicts');
    expect(broken).toMatchObject({ monitorId: 'broken', state: 'down', statusCode: 503 });
    expect(broken!.verdicts).toEqual([
      expect.objectContaining({ condition: 'status in 200..299', pass: false }),
      expect.objectContaining({ condition: 'response_time < 60000', pass: true }),
    ]);
    // The editor's test button shows every condition, those that held too.
    const monitor = MonitorSchema.parse({
      id: 'ok',
      name: 'ok',
      type: 'http',
      url: target.url('/ok'),
      conditions,
    });
    const answer = await runner.runOneOff({ type: 'check.run', requestId: 'r1', monitor });
    expect(answer).toMatchObject({ type: 'check.result', result: { state: 'up' } });
    expect(answer.type === 'check.result' ? answer.result.verdicts : undefined).toEqual([
      expect.objectContaining({ condition: 'status in 200..299', pass: true }),
      expect.objectContaining({ condition: 'response_time < 60000', pass: true }),
    ]);
  });
});
