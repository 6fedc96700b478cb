import { describe, expect, it } from 'vitest';
import { AlertRule, ruleMatches } from './alert-rule.js';

describe('AlertRule', () => {
  it('fills defaults: down and recovery on, certificate warnings at 14, 7 and 3 days', () => {
    const rule = AlertRule.parse({ id: 'r', name: 'R', channels: ['slack'] });
    expect(rule.on).toEqual({ down: true, degraded: false, recovered: true, certExpiry: true });
    expect(rule.certExpiryDays).toEqual([14, 7, 3]);
  });

  it.each([
    ['a rule with no targets matches every monitor', {}, { id: 'a', tags: [] }, true],
    ['a rule matches by id', { monitorIds: ['a'] }, { id: 'a', tags: [] }, true],
    ['a rule matches by tag', { tags: ['prod'] }, { id: 'b', tags: ['prod'] }, true],
    ['a rule does not match other monitors', { tags: ['prod'] }, { id: 'b', tags: ['staging'] }, false],
    ['a disabled rule matches nothing', { enabled: false }, { id: 'a', tags: [] }, false],
  ] as const)('%s', (_name, input, monitor, expected) => {
    expect(ruleMatches(AlertRule.parse({ id: 'r', name: 'R', ...input }), monitor)).toBe(expected);
  });
});
