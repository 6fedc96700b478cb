import { memo, type MouseEvent } from 'react';
import type { HourBarView } from '../../contract/index.js';
import { formatClock, formatUptime } from '../format/format.js';

/** The dashboard's 24-hour strip: one bar per hour, coloured by the worst state it saw. */
export const HourBars = memo(function HourBars({ bars }: { bars: readonly HourBarView[] }) {
  // Always 24 slots so that rows line up and never change width while data arrives.
  const slots = Array.from({ length: 24 }, (_, i) => bars[bars.length - 24 + i]);
  // Titles are written on first hover: formatting 24 dates for every row that scrolls into view
  // would cost more than drawing the row.
  const describeOnHover = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const index = target.dataset.slot;
    if (index === undefined || target.title !== '') return;
    const bar = slots[Number(index)];
    target.title = bar === undefined ? 'No data' : describe(bar);
  };
  return (
    <div className="hour-bars" role="img" aria-label="Last 24 hours" onMouseOver={describeOnHover}>
      {slots.map((bar, i) => (
        <span
          key={bar?.start ?? `empty-${i}`}
          className={`hour-bar hour-${bar?.state ?? 'none'}`}
          data-slot={i}
        />
      ))}
    </div>
  );
});

function describe(bar: HourBarView): string {
  const when = `${formatClock(bar.start)}–${formatClock(bar.start + 3_600_000)}`;
  if (bar.count === 0) return `${when}: no checks`;
  const uptime = formatUptime((bar.up + bar.degraded) / bar.count);
  const problems = [
    bar.down > 0 ? `${bar.down} down` : '',
    bar.degraded > 0 ? `${bar.degraded} degraded` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  return `${when}: ${uptime} of ${bar.count} checks${problems === '' ? '' : ` (${problems})`}`;
}
