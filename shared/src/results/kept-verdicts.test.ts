import { describe, expect, it } from 'vitest';
import { keptVerdicts } from './kept-verdicts.js';

const passed = {
  condition: 'status in 200..299',
  pass: true,
  severity: 'down' as const,
  message: 'status was 200',
};
const failed = {
  condition: 'response_time <= 500',
  pass: false,
  severity: 'degraded' as const,
  message: 'took 812 ms',
};

describe('keptVerdicts', () => {
  it('keeps every verdict, passed ones included, when one failed', () => {
    expect(keptVerdicts([passed, failed])).toEqual([passed, failed]);
  });

  it('keeps none when all passed or there were none', () => {
    expect(keptVerdicts([passed, passed])).toBeUndefined();
    expect(keptVerdicts([])).toBeUndefined();
    expect(keptVerdicts(undefined)).toBeUndefined();
  });
});
