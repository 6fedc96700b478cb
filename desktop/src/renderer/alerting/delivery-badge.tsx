import type { DeliveryStatus } from '@vantage/shared';

const LOOK: Record<DeliveryStatus, { tone: string; label: string }> = {
  pending: { tone: 'pending', label: 'Pending' },
  sending: { tone: 'degraded', label: 'Sending' },
  delivered: { tone: 'up', label: 'Sent' },
  failed: { tone: 'down', label: 'Failed' },
};

/** A delivery's status as a coloured badge; a pending message that already failed once is "Retrying". */
export function DeliveryBadge({ status, retrying = false }: { status: DeliveryStatus; retrying?: boolean }) {
  const look = status === 'pending' && retrying ? { tone: 'degraded', label: 'Retrying' } : LOOK[status];
  return (
    <span className={`badge badge-sm badge-${look.tone}`} data-status={status}>
      {look.label}
    </span>
  );
}
