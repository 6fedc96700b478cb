/** How a share of answered checks reads on bars and badges alike. */
export type UptimeTone = 'ok' | 'warn' | 'bad' | 'none';

/** The one set of thresholds: 99.5 % and up is fine, 95 % and up is a warning, below is bad. */
export function uptimeTone(uptime: number | null): UptimeTone {
  if (uptime === null) return 'none';
  if (uptime >= 0.995) return 'ok';
  return uptime >= 0.95 ? 'warn' : 'bad';
}
