import type { Incident } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import {
  decideIncidentNotification,
  type IncidentChange,
  type NotificationContext,
  STALE_CHANGE_MS,
} from './notification-policy.js';

const NOW = 1_750_000_000_000;
const MIN = 60_000;

const open: Incident = {
  id: 'api:3',
  monitorId: 'api',
  openedAt: NOW - 2 * MIN,
  cause: 'status 500 is not 200..299',
  regions: ['eu-west', 'us-east'],
  timeline: [{ ts: NOW - 2 * MIN, kind: 'opened', message: 'down' }],
};
const acked: Incident = { ...open, acknowledgedAt: NOW - MIN, acknowledgedBy: 'alice' };
const resolved: Incident = { ...open, resolvedAt: NOW - 10_000 };

const context: NotificationContext = {
  now: NOW,
  settings: { notifications: true, notificationsMutedUntil: null },
  monitorName: 'Public API',
  alreadyNotified: false,
};

interface Row {
  case: string;
  change: IncidentChange;
  incident: Incident;
  context?: Partial<NotificationContext>;
  expected: { kind: string; title: RegExp; body: RegExp } | null;
}

const rows: Row[] = [
  {
    case: 'an opened incident names the monitor, the regions and the cause',
    change: 'opened',
    incident: open,
    expected: {
      kind: 'incident.opened',
      title: /^Public API is down$/,
      body: /eu-west, us-east: status 500/,
    },
  },
  {
    case: 'an acknowledgement names who acknowledged it and after how long',
    change: 'acknowledged',
    incident: acked,
    expected: { kind: 'incident.acknowledged', title: /acknowledged/, body: /alice after 1 minute/ },
  },
  {
    case: 'a resolution says how long the monitor was down',
    change: 'resolved',
    incident: resolved,
    expected: { kind: 'incident.resolved', title: /^Public API is back up$/, body: /Down for 1 minute/ },
  },
  { case: 'an updated timeline does not notify', change: 'updated', incident: open, expected: null },
  {
    case: 'nothing while notifications are turned off',
    change: 'opened',
    incident: open,
    context: { settings: { notifications: false, notificationsMutedUntil: null } },
    expected: null,
  },
  {
    case: 'nothing while muted',
    change: 'resolved',
    incident: resolved,
    context: { settings: { notifications: true, notificationsMutedUntil: NOW + MIN } },
    expected: null,
  },
  {
    case: 'a mute that has run out no longer silences',
    change: 'opened',
    incident: open,
    context: { settings: { notifications: true, notificationsMutedUntil: NOW - 1 } },
    expected: { kind: 'incident.opened', title: /is down/, body: /status 500/ },
  },
  {
    case: 'an incident replayed during catch-up, opened long ago, stays quiet',
    change: 'opened',
    incident: { ...open, openedAt: NOW - STALE_CHANGE_MS - 1 },
    expected: null,
  },
  {
    case: 'a resolution replayed during catch-up stays quiet',
    change: 'resolved',
    incident: { ...open, openedAt: NOW - 3 * 60 * MIN, resolvedAt: NOW - 2 * 60 * MIN },
    expected: null,
  },
  {
    case: 'a change already notified is not notified again',
    change: 'opened',
    incident: open,
    context: { alreadyNotified: true },
    expected: null,
  },
  {
    case: 'a resolved change without a resolution time is ignored',
    change: 'resolved',
    incident: open,
    expected: null,
  },
];

describe('decideIncidentNotification', () => {
  it.each(rows)('$case', (row) => {
    const decided = decideIncidentNotification(row.change, row.incident, { ...context, ...row.context });
    if (row.expected === null) {
      expect(decided).toBeNull();
      return;
    }
    expect(decided).toMatchObject({
      ts: NOW,
      kind: row.expected.kind,
      monitorId: 'api',
      incidentId: 'api:3',
    });
    expect(decided?.title).toMatch(row.expected.title);
    expect(decided?.body).toMatch(row.expected.body);
  });

  it('clips a huge cause to what the notification log accepts', () => {
    const decided = decideIncidentNotification(
      'opened',
      { ...open, cause: 'x'.repeat(2000) },
      {
        ...context,
        monitorName: 'n'.repeat(600),
      },
    );
    expect(decided?.title.length).toBeLessThanOrEqual(500);
    expect(decided?.body.length).toBeLessThanOrEqual(4000);
  });
});
