import type { PhaseTimings } from '@vantage/shared';

/** Adds each phase of `more` into `total`, so a redirect chain reports the time spent per phase. */
export function addPhases(total: PhaseTimings, more: PhaseTimings): PhaseTimings {
  for (const key of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'transferMs'] as const) {
    const value = more[key];
    if (value !== undefined) total[key] = (total[key] ?? 0) + value;
  }
  return total;
}

/** The sum of all phases in milliseconds. */
export function phasesTotal(phases: PhaseTimings): number {
  return (
    (phases.dnsMs ?? 0) +
    (phases.connectMs ?? 0) +
    (phases.tlsMs ?? 0) +
    (phases.ttfbMs ?? 0) +
    (phases.transferMs ?? 0)
  );
}
