import { describe, expect, it } from 'vitest';
import { currentStatus, impactTone, nextStatus } from './incident-steps.js';

describe('incident steps', () => {
  it('suggests the next stage of investigating → identified → monitoring → resolved', () => {
    expect(nextStatus('investigating')).toBe('identified');
    expect(nextStatus('identified')).toBe('monitoring');
    expect(nextStatus('monitoring')).toBe('resolved');
    expect(nextStatus('resolved')).toBe('resolved');
  });

  it("reads an incident's stage from its newest update", () => {
    expect(currentStatus({ updates: [{ status: 'investigating' }, { status: 'monitoring' }] })).toBe(
      'monitoring',
    );
    expect(currentStatus({ updates: [] })).toBe('investigating');
  });

  it('draws major and critical as down, minor as degraded', () => {
    expect([impactTone('critical'), impactTone('major'), impactTone('minor'), impactTone('none')]).toEqual([
      'down',
      'down',
      'degraded',
      'pending',
    ]);
  });
});
