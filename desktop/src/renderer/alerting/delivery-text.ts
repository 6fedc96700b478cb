import type { AlertNoticeKind, DeliveryRecord } from '@vantage/shared';

const KIND_WORDS: Record<AlertNoticeKind, string> = {
  down: 'is down',
  degraded: 'is degraded',
  recovered: 'recovered',
  acknowledged: 'was acknowledged',
  reminder: 'is still down (reminder)',
  escalation: 'is still down (escalated)',
  'cert-expiry': 'certificate expires soon',
  test: 'test alert',
};

/**
 * What a delivered message was about, in one line: its first notice (`API is down`), how many
 * more it grouped, and the incident to link to (none for a test).
 */
export function describeNotices(record: DeliveryRecord): {
  title: string;
  more: number;
  incidentId: string | null;
} {
  const [first] = record.message.notices;
  if (first === undefined) return { title: 'empty message', more: 0, incidentId: null };
  const title =
    first.kind === 'test' ? `Test: ${first.monitorName}` : `${first.monitorName} ${KIND_WORDS[first.kind]}`;
  return {
    title,
    more: record.message.notices.length - 1,
    incidentId: first.kind === 'test' || first.kind === 'cert-expiry' ? null : first.incidentId,
  };
}
