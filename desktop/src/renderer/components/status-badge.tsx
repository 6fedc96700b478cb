import type { MonitorStatus, RegionStatus } from '@vantage/shared';
import { statusLabel, statusTone, type Tone } from '../format/status-labels.js';

/** A status as a coloured pill with a dot: the one way every screen shows a state. */
export function StatusBadge({
  status,
  size = 'md',
}: {
  status: MonitorStatus | RegionStatus;
  size?: 'sm' | 'md';
}) {
  const tone = statusTone(status);
  return (
    <span className={`badge badge-${tone} badge-${size}`} data-status={status}>
      <StatusDot tone={tone} pulse={tone === 'down'} />
      {statusLabel(status)}
    </span>
  );
}

/** A small round dot in a state's colour; `pulse` draws the eye to what is down. */
export function StatusDot({ tone, pulse = false, title }: { tone: Tone; pulse?: boolean; title?: string }) {
  return (
    <span
      className={`dot dot-${tone}${pulse ? ' dot-pulse' : ''}`}
      title={title}
      aria-hidden={title === undefined}
    />
  );
}
