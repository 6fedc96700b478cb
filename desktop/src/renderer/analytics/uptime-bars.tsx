import type { ReportStepView } from '../../contract/methods/analytics-methods.js';
import { formatDateTime, formatDay, formatUptime } from '../format/format.js';
import { formatDuration, uptimeTone } from './sla-format.js';

/**
 * One bar per day (or hour) of the range: its height the step's uptime on a scale that starts
 * just below the worst step (so 99.9 % and 99 % look different), its colour against the target.
 */
export function UptimeBars({
  steps,
  step,
  target,
}: {
  steps: ReportStepView[];
  step: 'hour' | 'day';
  target: number;
}) {
  const known = steps.flatMap((s) => (s.uptime === null ? [] : [s.uptime]));
  const floor = Math.max(0, Math.min(target, ...known) - (1 - Math.min(target, ...known)) * 0.25 - 0.0005);
  const label = (s: ReportStepView) => (step === 'day' ? formatDay(s.start) : formatDateTime(s.start));
  return (
    <div className="uptime-bars-wrap">
      <div className="uptime-bars" role="img" aria-label={`Uptime per ${step}`}>
        {steps.map((s) => {
          const height = s.uptime === null ? 0 : Math.max(4, ((s.uptime - floor) / (1 - floor)) * 100);
          return (
            <div
              key={s.start}
              className="uptime-bar-slot"
              title={`${label(s)}: ${formatUptime(s.uptime, 3)}${s.downtimeS > 0 ? `, down ${formatDuration(s.downtimeS)}` : ''}`}
            >
              <div
                className={`uptime-bar tone-${uptimeTone(s.uptime, target)}`}
                style={{ height: `${height}%` }}
              />
            </div>
          );
        })}
      </div>
      <div className="uptime-bars-axis muted small">
        <span>{steps[0] === undefined ? '' : label(steps[0])}</span>
        <span>scale from {formatUptime(floor, 2)}</span>
        <span>{steps.at(-1) === undefined ? '' : label(steps.at(-1)!)}</span>
      </div>
    </div>
  );
}
