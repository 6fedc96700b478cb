import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartView } from '../../contract/index.js';
import { formatClock, formatDateTime, formatDay, formatLatency } from '../format/format.js';
import {
  chartPoints,
  downsampleRows,
  type LatencyMetric,
  latencyRows,
  seriesKey,
  timeTicks,
} from './chart-data.js';

/** Line colours for regions, readable on light and dark backgrounds, in region order. */
export const SERIES_COLORS = [
  '#6366f1',
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#ec4899',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
];

/** Most points a line gets: about one per two pixels of a wide chart. */
const MAX_POINTS = 480;

// Recharts keeps its props in a store and re-renders when they change: every prop below is
// stable across renders, or a live chart would re-render itself in a loop.
const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };
const Y_DOMAIN: [number, 'auto'] = [0, 'auto'];
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8 };
const ACTIVE_DOT = { r: 3.5 };
const yTick = (ms: number) => formatLatency(ms);
const tooltipLabel = (ts: unknown) => formatDateTime(Number(ts));
const tooltipValue = (value: unknown, name: unknown) =>
  [formatLatency(typeof value === 'number' ? value : null), String(name)] as [string, string];
const dayTick = (ts: number) => formatDay(ts);
const clockTick = (ts: number) => formatClock(ts);

/** The response-time chart: one line per region over the range; it only draws what chart-data shaped. */
export function LatencyChart({
  charts,
  metric,
  from,
  to,
  height = 260,
}: {
  charts: readonly ChartView[];
  metric: LatencyMetric;
  from: number;
  to: number;
  height?: number;
}) {
  const rows = useMemo(
    () => downsampleRows(latencyRows(charts, metric), MAX_POINTS, metric),
    [charts, metric],
  );
  const points = useMemo(() => chartPoints(rows), [rows]);
  const regionList = charts.map((chart) => chart.region).join('\n');
  const regions = useMemo(() => (regionList === '' ? [] : regionList.split('\n')), [regionList]);
  // A handful of checks on a long range would draw as hairlines: give them dots.
  const withData = useMemo(
    () => rows.filter((row) => Object.values(row.values).some((value) => value !== null)).length,
    [rows],
  );
  const ticks = useMemo(
    () => timeTicks(from, to, 8, -new Date(from).getTimezoneOffset() * 60_000),
    [from, to],
  );
  const domain = useMemo(() => [from, to], [from, to]);
  const dots = useMemo(
    () => SERIES_COLORS.map((fill) => (withData < 60 ? { r: 2.5, strokeWidth: 0, fill } : false)),
    [withData],
  );
  const longRange = to - from > 2 * 86_400_000;

  if (withData === 0)
    return (
      <div className="latency-chart chart-empty" style={{ height }}>
        <span className="muted">
          No response times in this range yet. The first checks will draw here as they arrive.
        </span>
      </div>
    );
  return (
    <div className="latency-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={MARGIN}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            ticks={ticks}
            tickFormatter={longRange ? dayTick : clockTick}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            width={56}
            domain={Y_DOMAIN}
            tickFormatter={yTick}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={tooltipLabel}
            formatter={tooltipValue}
            contentStyle={TOOLTIP_STYLE}
          />
          {regions.length > 1 && <Legend iconType="circle" iconSize={8} />}
          {regions.map((region, i) => (
            <Line
              key={region}
              name={region}
              dataKey={seriesKey(region)}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={1.75}
              dot={dots[i % SERIES_COLORS.length]}
              activeDot={ACTIVE_DOT}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
