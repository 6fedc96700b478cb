import { describe, expect, it } from 'vitest';
import { formatSpan, formatWhen } from '../format/format.js';
import { dueText } from './heartbeat-due.js';

describe('heartbeat due text', () => {
  it('says "never" for a cron that never fires again, and a span otherwise', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(dueText(Number.MAX_SAFE_INTEGER, now, formatSpan, formatWhen)).toBe('never');
    expect(dueText(null, now, formatSpan, formatWhen)).toBe('—');
    const soon = dueText(now + 3_600_000, now, formatSpan, formatWhen);
    expect(soon.startsWith('in ')).toBe(true);
    expect(soon).not.toContain('Invalid');
  });
});
