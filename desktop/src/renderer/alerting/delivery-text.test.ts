import type { AlertNotice, DeliveryRecord } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { describeNotices } from './delivery-text.js';

const notice = (kind: AlertNotice['kind'], monitorName: string, incidentId: string): AlertNotice =>
  ({ kind, monitorId: 'm', monitorName, incidentId, cause: '', regions: [], openedAt: 1 }) as AlertNotice;

const record = (notices: AlertNotice[]): DeliveryRecord =>
  ({
    id: 'd',
    channelId: 'c',
    status: 'delivered',
    createdAt: 1,
    nextAttemptAt: null,
    deliveredAt: 2,
    lastError: null,
    message: { at: 1, notices },
    attempts: [],
  }) as DeliveryRecord;

describe('what a delivered message was about', () => {
  it('names the first notice, counts the grouped rest and links its incident', () => {
    expect(describeNotices(record([notice('down', 'API', 'api:1'), notice('down', 'Web', 'web:1')]))).toEqual(
      {
        title: 'API is down',
        more: 1,
        incidentId: 'api:1',
      },
    );
    expect(describeNotices(record([notice('escalation', 'API', 'api:1')])).title).toBe(
      'API is still down (escalated)',
    );
  });

  it('links no incident for a test or a certificate notice', () => {
    expect(describeNotices(record([notice('test', '#ops', 'test-1')]))).toEqual({
      title: 'Test: #ops',
      more: 0,
      incidentId: null,
    });
    expect(describeNotices(record([notice('cert-expiry', 'API', 'cert-1')])).incidentId).toBeNull();
  });
});
