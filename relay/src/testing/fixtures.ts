import type { CheckResult, MonitorInput } from '@vantage/shared';

/** An HTTP monitor checked every second, confirmed after two results, for e2e tests. */
export function httpMonitor(id: string, url: string, extra: Partial<MonitorInput> = {}): MonitorInput {
  return {
    id,
    name: id,
    type: 'http',
    url,
    interval: 1,
    timeout: 0.9,
    confirmation: 2,
    recovery: 2,
    ...extra,
  } as MonitorInput;
}

/** A plausible result of `probeId` in `region` for `monitorId`. */
export function sampleResult(
  probeId: string,
  region: string,
  seq: number,
  monitorId = 'api',
  ts = Date.now(),
): CheckResult {
  return {
    probeId,
    seq,
    monitorId,
    region,
    ts,
    state: 'up',
    latencyMs: 12.5,
    message: '',
    statusCode: 200,
    attempts: 1,
    probeHealthy: true,
  };
}
