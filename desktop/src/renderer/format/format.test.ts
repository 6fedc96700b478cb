import type { Monitor } from '@vantage/shared';
import { validateMonitor } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatClock,
  formatDateTime,
  formatLatency,
  formatSeconds,
  formatSpan,
  formatUptime,
  formatWhen,
  monitorTarget,
} from './format.js';

function monitor(input: Record<string, unknown>): Monitor {
  const result = validateMonitor({ id: 'm', name: 'M', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('formatting for people', () => {
  it.each([
    [null, '—'],
    [3.14159, '3.1 ms'],
    [87.4, '87 ms'],
    [1240, '1.24 s'],
    [12_345, '12.3 s'],
  ])('shows the latency %j as %j', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });

  it('never rounds an imperfect uptime up to 100%', () => {
    expect(formatUptime(0.99996)).toBe('99.99%');
    expect(formatUptime(1)).toBe('100%');
    expect(formatUptime(0.5)).toBe('50.00%');
    expect(formatUptime(null)).toBe('—');
  });

  it('says how long ago something happened in the largest fitting unit', () => {
    const now = 1_700_000_000_000;
    expect(formatAgo(now - 1000, now)).toBe('just now');
    expect(formatAgo(now - 42_000, now)).toBe('42 s ago');
    expect(formatAgo(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatAgo(now - 2 * 86_400_000, now)).toBe('2 d ago');
    expect(formatAgo(null, now)).toBe('never');
  });

  it('writes spans with at most two units', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(2 * 3_600_000 + 13 * 60_000 + 5000)).toBe('2 h 13 min');
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
    expect(formatSpan(86_400_000)).toBe('1 d');
  });

  it('shows the seconds of events today and the date of older ones', () => {
    const now = new Date(2024, 2, 4, 15, 0).getTime();
    const today = new Date(2024, 2, 4, 9, 30, 12).getTime();
    const before = new Date(2024, 2, 2, 9, 30).getTime();
    expect(formatWhen(today, now)).toBe(formatClock(today, true));
    expect(formatWhen(before, now)).toBe(formatDateTime(before));
  });

  it('writes intervals the way the editor accepts them', () => {
    expect([formatSeconds(30), formatSeconds(300), formatSeconds(7200), formatSeconds(90)]).toEqual([
      '30s',
      '5m',
      '2h',
      '90s',
    ]);
  });

  it("names each monitor type's target", () => {
    expect(monitorTarget(monitor({ type: 'http', url: 'https://example.com/health' }))).toBe(
      'https://example.com/health',
    );
    expect(monitorTarget(monitor({ type: 'tcp', host: 'db.internal', port: 5432 }))).toBe('db.internal:5432');
    expect(monitorTarget(monitor({ type: 'dns', hostname: 'example.com', recordType: 'MX' }))).toBe(
      'MX example.com',
    );
    expect(monitorTarget(monitor({ type: 'heartbeat', period: '5m' }))).toBe('every 5m');
    expect(monitorTarget(monitor({ type: 'heartbeat', cron: '0 3 * * *', timezone: 'Europe/Berlin' }))).toBe(
      'cron 0 3 * * * (Europe/Berlin)',
    );
  });
});
