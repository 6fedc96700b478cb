import { memo } from 'react';
import type { MonitorView } from '../../contract/index.js';
import { HourBars } from '../components/hour-bars.js';
import { RegionDots } from '../components/region-dots.js';
import { StatusBadge } from '../components/status-badge.js';
import { TypeIcon } from '../components/type-icon.js';
import { formatAgo, formatUptime, monitorTarget } from '../format/format.js';
import { lastLatencyText } from './dashboard-view.js';

/** Height of one dashboard row in px: fixed, so the virtual list never measures or jumps. */
export const ROW_HEIGHT = 60;

/** One monitor on the dashboard: state, name and target, regions, latest latency, 24 h bars, uptime. */
export const MonitorRow = memo(function MonitorRow({
  view,
  selected,
  now,
  top,
  onOpen,
}: {
  view: MonitorView;
  selected: boolean;
  now: number;
  top: number;
  onOpen: (id: string) => void;
}) {
  const { monitor } = view;
  return (
    <div
      className={`monitor-row${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      data-monitor-id={monitor.id}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(monitor.id)}
    >
      <div className="col-status" role="cell">
        <StatusBadge status={view.status} size="sm" />
      </div>
      <div className="col-name" role="cell">
        <div className="row-title">
          <TypeIcon type={monitor.type} size={14} />
          <a href={`#/monitors/${encodeURIComponent(monitor.id)}`} className="row-name" tabIndex={-1}>
            {monitor.name}
          </a>
          {!view.synced && (
            <span className="chip chip-xs" title="Saved here; not on the relay yet">
              unsynced
            </span>
          )}
          {monitor.tags.slice(0, 3).map((tag) => (
            <span key={tag} className="chip chip-xs">
              {tag}
            </span>
          ))}
        </div>
        <div className="row-target" title={monitorTarget(monitor)}>
          {monitorTarget(monitor)}
        </div>
      </div>
      <div className="col-regions" role="cell">
        <RegionDots view={view} />
      </div>
      <div className="col-latency" role="cell">
        <span className="num">{lastLatencyText(view)}</span>
        <span className="muted small">
          {view.last === null ? 'no checks yet' : formatAgo(view.last.ts, now)}
        </span>
      </div>
      <div className="col-bars" role="cell">
        <HourBars bars={view.bars} />
      </div>
      <div className="col-uptime num" role="cell" title="Uptime over the last 24 hours">
        {formatUptime(view.uptime24h)}
      </div>
    </div>
  );
});
