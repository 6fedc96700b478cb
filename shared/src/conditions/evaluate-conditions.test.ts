import { describe, expect, it } from 'vitest';
import { ConditionVerdict } from '../results/check-result.js';
import type { Condition } from './condition.js';
import { evaluateConditions } from './evaluate-conditions.js';
import type { Observation } from './observation.js';
import { parseCondition } from './parse-condition.js';

function parseAll(...texts: string[]): Condition[] {
  return texts.map((text) => {
    const result = parseCondition(text);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  });
}

const slow: Observation = { responseTimeMs: 1500, status: 200, body: 'ok' };
const broken: Observation = { responseTimeMs: 1500, status: 500, body: 'ok' };
const fine: Observation = { responseTimeMs: 100, status: 200, body: 'ok' };

describe('evaluateConditions', () => {
  const conditions = parseAll('response_time < 1s else degraded', 'status in 200..299', 'body contains "ok"');

  it('is up with an empty message when every condition passes', () => {
    const outcome = evaluateConditions(conditions, fine);
    expect(outcome.state).toBe('up');
    expect(outcome.message).toBe('');
    expect(outcome.verdicts.every((v) => v.pass)).toBe(true);
  });

  it('is only degraded when the failed condition says else degraded', () => {
    const outcome = evaluateConditions(conditions, slow);
    expect(outcome.state).toBe('degraded');
    expect(outcome.message).toBe('response time 1.5 s is over 1 s');
  });

  it('is down when the same condition without else degraded fails', () => {
    const outcome = evaluateConditions(parseAll('response_time < 1s'), slow);
    expect(outcome.state).toBe('down');
    expect(outcome.message).toBe('response time 1.5 s is over 1 s');
  });

  it('names the first failed down condition even when a degraded one failed before it', () => {
    const outcome = evaluateConditions(conditions, broken);
    expect(outcome.state).toBe('down');
    expect(outcome.message).toBe('status was 500, expected 200..299');
  });

  it('names the first of several failed degraded conditions', () => {
    const outcome = evaluateConditions(
      parseAll('response_time < 1s else degraded', 'body contains "fast" else degraded'),
      slow,
    );
    expect(outcome).toMatchObject({ state: 'degraded', message: 'response time 1.5 s is over 1 s' });
  });

  it('returns one schema-valid verdict per condition, in order, with the canonical text', () => {
    const outcome = evaluateConditions(
      parseAll('response_time<1s   else degraded', 'status in 200..299'),
      broken,
    );
    expect(outcome.verdicts).toEqual([
      {
        condition: 'response_time < 1s else degraded',
        pass: false,
        severity: 'degraded',
        message: 'response time 1.5 s is over 1 s',
      },
      {
        condition: 'status in 200..299',
        pass: false,
        severity: 'down',
        message: 'status was 500, expected 200..299',
      },
    ]);
    for (const verdict of outcome.verdicts) expect(ConditionVerdict.safeParse(verdict).success).toBe(true);
  });

  it('keeps verdicts within the wire limits even for huge values', () => {
    const many = `[${Array.from({ length: 400 }, (_, i) => `"value-${i}"`).join(', ')}]`;
    const outcome = evaluateConditions(parseAll(`header x in ${many}`), { ...fine, headers: { x: 'other' } });
    expect(outcome.state).toBe('down');
    expect(ConditionVerdict.safeParse(outcome.verdicts[0]).success).toBe(true);
    expect(outcome.message.length).toBeLessThanOrEqual(2000);
  });

  it('is up for no conditions at all', () => {
    expect(evaluateConditions([], broken)).toEqual({ state: 'up', message: '', verdicts: [] });
  });
});
