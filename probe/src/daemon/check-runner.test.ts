import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonitorSchema } from '@vantage/shared';
import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../spool/result-spool.js';
import { startTcpTarget } from '../test-targets/tcp-target.js';
import { createCheckRunner } from './check-runner.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('check runner', () => {
  it('stamps a scheduled result with the revision it started under, not one that arrived meanwhile', async () => {
    const target = await startTcpTarget();
    cleanups.push(() => target.close());
    const dir = mkdtempSync(join(tmpdir(), 'vantage-runner-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const spool = ResultSpool.open({ dir });
    cleanups.push(() => spool.close());
    let revision = 7;
    const runner = createCheckRunner({
      probeId: 'p1',
      region: 'eu-west',
      supportedKinds: ['tcp'],
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
      revision: () => revision,
      onAppended: () => {},
    });
    const monitor = MonitorSchema.parse({
      id: 'm',
      name: 'm',
      type: 'tcp',
      host: '127.0.0.1',
      port: target.port,
    });
    const running = runner.runScheduled({
      monitor,
      dueAt: 0,
      startedAt: 0,
      signal: new AbortController().signal,
    });
    revision = 8;
    await running;
    await spool.sync();
    expect(spool.readAfter(0, 10)).toMatchObject([{ seq: 1, monitorId: 'm', state: 'up', revision: 7 }]);
  });
});
