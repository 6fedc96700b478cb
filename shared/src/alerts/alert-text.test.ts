import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AlertMessage, type AlertNotice, type AlertNoticeKind, testAlertMessage } from './alert-message.js';
import {
  alertSeverity,
  alertSummary,
  alertText,
  alertTitle,
  fitLines,
  formatAlertTime,
  noticeFacts,
} from './alert-text.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const MIN = 60_000;

function notice(kind: AlertNoticeKind, extra: Partial<AlertNotice> = {}): AlertNotice {
  return {
    kind,
    monitorId: 'api',
    monitorName: 'API',
    incidentId: 'api:1',
    cause: 'connection refused',
    regions: ['eu-west', 'us-east'],
    openedAt: T0,
    ...extra,
  };
}

function message(...notices: AlertNotice[]): AlertMessage {
  return AlertMessage.parse({ at: T0 + 12 * MIN, notices });
}

describe('alertTitle', () => {
  test.each<[AlertNoticeKind, Partial<AlertNotice>, string]>([
    ['down', {}, 'API is down'],
    ['degraded', {}, 'API is degraded'],
    ['recovered', { resolvedAt: T0 + 5 * MIN }, 'API is back up after 5 minutes'],
    [
      'recovered',
      { resolvedAt: T0 + 5 * MIN, certExpiresAt: T0 + 90 * 86_400_000 },
      'API: TLS certificate renewed',
    ],
    ['acknowledged', { acknowledgedBy: 'alice' }, 'API acknowledged by alice'],
    ['reminder', {}, 'API is still down (12 minutes)'],
    ['escalation', {}, 'API has been down for 12 minutes and nobody acknowledged it'],
    [
      'cert-expiry',
      { certExpiresAt: T0 + 12 * MIN + 3 * 86_400_000 },
      'API: TLS certificate expires in 3 days',
    ],
    ['cert-expiry', { certExpiresAt: T0 }, 'API: TLS certificate has expired'],
  ])('says what happened to one %s notice', (kind, extra, title) => {
    expect(alertTitle(message(notice(kind, extra)))).toBe(title);
  });

  test('counts a group of one kind and breaks down a mixed one', () => {
    const fifty = Array.from({ length: 50 }, (_, i) =>
      notice('down', { monitorName: `m${i}`, incidentId: `m${i}:1` }),
    );
    expect(alertTitle(message(...fifty))).toBe('50 monitors are down');
    const mixed = message(notice('down'), notice('down'), notice('recovered', { resolvedAt: T0 + MIN }));
    expect(alertTitle(mixed)).toBe('3 alerts: 2 down, 1 recovered');
  });
});

describe('alertSummary', () => {
  test('adds the cause to a single notice', () => {
    expect(alertSummary(message(notice('down')))).toBe('API is down: connection refused');
  });

  test('names the first monitors of a group and counts the rest', () => {
    const group = message(...['a', 'b', 'c', 'd'].map((name) => notice('down', { monitorName: name })));
    expect(alertSummary(group, 2)).toBe('4 monitors are down: a, b and 2 more');
  });
});

describe('alertText', () => {
  test('lists the facts and links of a single notice', () => {
    const text = alertText(
      message(notice('down', { ackUrl: 'https://relay.example/ack/t', target: 'https://api.example' })),
    );
    expect(text.split('\n')).toEqual([
      'API is down',
      '',
      'Status: Down',
      'Target: https://api.example',
      'Cause: connection refused',
      'Regions: eu-west, us-east',
      'Opened: 2024-05-01 12:00:00 UTC',
      'Duration: 12 minutes',
      'Acknowledge: https://relay.example/ack/t',
    ]);
  });

  test('lists at most the given number of a group and says how many more there are', () => {
    const group = message(...Array.from({ length: 5 }, (_, i) => notice('down', { monitorName: `m${i}` })));
    const text = alertText(group, 2);
    expect(text).toContain('- m0 is down');
    expect(text).toContain('- m1 is down');
    expect(text).not.toContain('m2');
    expect(text.endsWith('…and 3 more.')).toBe(true);
  });
});

test('a group is as severe as its worst notice', () => {
  expect(alertSeverity(message(notice('recovered'), notice('degraded')))).toBe('warning');
  expect(alertSeverity(message(notice('recovered'), notice('down')))).toBe('critical');
  expect(alertSeverity(message(notice('recovered')))).toBe('ok');
});

test('a test message names the channel and only says when it was sent', () => {
  const test = testAlertMessage({ at: T0, channelName: 'Ops Slack' });
  expect(alertTitle(test)).toBe('Vantage test alert to Ops Slack');
  expect(noticeFacts(test.notices[0]!, T0)).toEqual([{ label: 'Sent', value: formatAlertTime(T0) }]);
  expect(AlertMessage.safeParse(test).success).toBe(true);
});

test('fitLines never exceeds its budget and always says how many were left out', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ maxLength: 80 }), { maxLength: 60 }),
      fc.integer({ min: 40, max: 2000 }),
      (lines, budget) => {
        const kept = fitLines(lines, budget);
        expect(kept.join('\n').length).toBeLessThanOrEqual(budget);
        const last = kept.at(-1);
        const hidden = last !== undefined && /^…and \d+ more$/.test(last) ? Number(/\d+/.exec(last)![0]) : 0;
        expect(kept.length - (hidden > 0 ? 1 : 0) + hidden).toBe(lines.length);
      },
    ),
  );
});
