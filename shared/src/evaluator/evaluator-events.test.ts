import { describe, expect, it } from 'vitest';
import { validateMonitor } from '../monitor/validate-monitor.js';
import { CheckResult } from '../results/check-result.js';
import { evaluatedMonitorOf } from './evaluated-monitor.js';
import { EvaluatorEvent, resultEventOf } from './evaluator-events.js';
import { EvaluatorSnapshot } from './evaluator-snapshot.js';
import { monitorConfig, round, setMonitor } from './evaluator-test-kit.js';
import { Evaluator } from './status-evaluator.js';

const stored = CheckResult.parse({
  probeId: 'fra-1',
  seq: 7,
  monitorId: 'api',
  region: 'eu-central',
  ts: 1_700_000_000_000,
  state: 'down',
  latencyMs: 10_000,
  message: 'timeout after 10 s',
  statusCode: 504,
});

describe('evaluator inputs', () => {
  it('trims a stored result to the evaluator event', () => {
    expect(resultEventOf(stored)).toEqual({
      type: 'result',
      monitorId: 'api',
      region: 'eu-central',
      probeId: 'fra-1',
      ts: 1_700_000_000_000,
      state: 'down',
      message: 'timeout after 10 s',
      latencyMs: 10_000,
    });
  });

  it('drops a result whose probe flagged itself unhealthy', () => {
    expect(resultEventOf({ ...stored, probeHealthy: false })).toBeUndefined();
  });

  it('takes the evaluated fields of a validated monitor', () => {
    const monitor = validateMonitor({
      id: 'api',
      name: 'API',
      type: 'http',
      url: 'https://example.com/health',
      interval: '30s',
      quorum: 2,
      parent: 'db',
      failureWindow: { failures: 3, minutes: 10 },
    });
    if (!monitor.ok) throw new Error(JSON.stringify(monitor.error));
    const config = evaluatedMonitorOf(monitor.value);
    expect(config).toEqual({
      id: 'api',
      interval: 30,
      confirmation: 2,
      recovery: 2,
      quorum: 2,
      failureWindow: { failures: 3, minutes: 10 },
      paused: false,
      parent: 'db',
      regions: 'all',
    });
    expect(EvaluatorEvent.safeParse({ type: 'monitor.set', monitor: config }).success).toBe(true);
  });

  it.each([
    [
      {
        type: 'result',
        monitorId: 'api',
        region: 'eu',
        probeId: 'p',
        ts: -1,
        state: 'down',
        message: '',
        latencyMs: 1,
      },
      'ts',
    ],
    [
      {
        type: 'result',
        monitorId: 'api',
        region: 'eu',
        probeId: 'p',
        ts: 1,
        state: 'broken',
        message: '',
        latencyMs: 1,
      },
      'state',
    ],
    [{ type: 'monitor.set', monitor: { ...monitorConfig('api'), quorum: 'most' } }, 'monitor.quorum'],
    [{ type: 'explode', ts: 1 }, 'type'],
  ])('rejects a malformed event, naming the field', (input, path) => {
    const parsed = EvaluatorEvent.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('evaluator snapshots', () => {
  it('round-trips through JSON and the schema, and the restored evaluator continues where it stood', () => {
    const e = new Evaluator();
    e.applyAll([
      setMonitor('api', { failureWindow: { failures: 2, minutes: 5 } }),
      ...round('api', { a: 'up', b: 'up', c: 'up' }, 60_000),
      ...round('api', { a: 'down', b: 'down', c: 'up' }, 120_000),
      ...round('api', { a: 'down', b: 'down', c: 'up' }, 180_000),
    ]);
    const json = JSON.stringify(e.snapshot());
    const restored = Evaluator.restore(EvaluatorSnapshot.parse(JSON.parse(json)));
    expect(restored.monitorState('api')).toBe('down');
    expect(restored.openIncident('api')).toEqual(e.openIncident('api'));
    const next = round('api', { a: 'up', b: 'up', c: 'up' }, 240_000);
    expect(restored.applyAll(next)).toEqual(e.applyAll(next));
  });

  it('rejects a snapshot of another version', () => {
    const snapshot = { ...new Evaluator().snapshot(), version: 2 };
    expect(EvaluatorSnapshot.safeParse(snapshot).success).toBe(false);
  });
});
