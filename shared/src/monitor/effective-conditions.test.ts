import { describe, expect, it } from 'vitest';
import { formatCondition } from '../conditions/format-condition.js';
import { effectiveConditions } from './effective-conditions.js';
import { type MonitorInput, MonitorSchema } from './monitor-schema.js';

const texts = (input: Record<string, unknown>) =>
  effectiveConditions(MonitorSchema.parse({ id: 'm', name: 'm', ...input } as MonitorInput)).map(
    formatCondition,
  );

describe('effectiveConditions', () => {
  it.each([
    ['http', { type: 'http', url: 'http://example.com/' }, ['status in 200..299']],
    [
      'https, whatever the case of its scheme',
      { type: 'http', url: 'HTTPS://example.com/', certMinDays: 7 },
      ['status in 200..299', 'cert_expires_in > 0s', 'cert_expires_in > 7d else degraded'],
    ],
    [
      'user conditions between the implicit ones, response-time limits after them',
      { type: 'http', url: 'http://example.com/', conditions: ['body contains "ok"'], degradedAboveMs: 500 },
      ['status in 200..299', 'body contains "ok"', 'response_time <= 500 else degraded'],
    ],
    [
      'a user status condition instead of expectedStatus',
      { type: 'http', url: 'http://x.test/', conditions: ['status == 204'] },
      ['status == 204'],
    ],
    [
      'dns expected answers',
      { type: 'dns', hostname: 'x.test', expectedAnswers: ['10.0.0.1'] },
      ['dns.answers contains "10.0.0.1"'],
    ],
  ])('lists the conditions of %s in order', (_what, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
