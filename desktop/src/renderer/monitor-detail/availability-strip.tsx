import { useMemo } from 'react';
import type { ChartView } from '../../contract/index.js';
import { formatDateTime, formatUptime } from '../format/format.js';
import { availabilityCells } from './chart-data.js';

/** One cell per chart bucket under the latency chart: the worst state each bucket saw. */
export function AvailabilityStrip({ chart }: { chart: ChartView }) {
  const cells = useMemo(() => availabilityCells(chart), [chart]);
  return (
    <div className="availability-strip" role="img" aria-label="Availability over the range">
      {cells.map((cell) => (
        <span
          key={cell.t}
          className={`avail avail-${cell.state}`}
          title={`${formatDateTime(cell.t)} · ${cell.count === 0 ? 'no checks' : `${formatUptime(cell.uptime)} of ${cell.count} checks`}`}
        />
      ))}
    </div>
  );
}
