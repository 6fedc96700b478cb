import { describe, expect, it } from 'vitest';
import { checkConditionLines, conditionsFromText } from './condition-lines.js';

describe('the condition editor', () => {
  it('parses each non-blank line and keeps its line number', () => {
    const lines = checkConditionLines('status == 200\n\n  response_time < 500 else degraded  \n');
    expect(lines).toEqual([
      { line: 1, text: 'status == 200', error: null },
      { line: 3, text: 'response_time < 500 else degraded', error: null },
    ]);
  });

  it("shows shared's parse error with its position for a bad line", () => {
    const [bad] = checkConditionLines('status === 200');
    expect(bad!.error).not.toBeNull();
    expect(bad!.error!.position).toBeGreaterThan(0);
    expect(bad!.error!.message).toMatch(/^at \d+:/);
  });

  it('refuses a value that does not fit the subject', () => {
    const [bad] = checkConditionLines('status == "ok"');
    expect(bad!.error?.message).toBeDefined();
  });

  it('sends one condition per line, trimmed', () => {
    expect(conditionsFromText(' status == 200 \n\nbody contains "ok"\n')).toEqual([
      'status == 200',
      'body contains "ok"',
    ]);
  });
});
