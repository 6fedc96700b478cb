import type { MonitorStatus, RegionStatus } from '@vantage/shared';

/** The colour family a state is drawn in. */
export type Tone = 'up' | 'degraded' | 'down' | 'paused' | 'pending';

const STATUS_LABEL: Record<MonitorStatus, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  pending: 'Pending',
  paused: 'Paused',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
  dependency_down: 'Parent down',
};

/** A monitor or region status in words. */
export function statusLabel(status: MonitorStatus | RegionStatus): string {
  return STATUS_LABEL[status];
}

/** The tone of a monitor or region status, or of a check state. */
export function statusTone(status: MonitorStatus | RegionStatus | 'none'): Tone {
  switch (status) {
    case 'up':
      return 'up';
    case 'degraded':
      return 'degraded';
    case 'down':
    case 'dependency_down':
      return 'down';
    case 'paused':
    case 'maintenance':
      return 'paused';
    case 'pending':
    case 'unknown':
    case 'none':
      return 'pending';
  }
}
