import type { Monitor } from '@vantage/shared';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A latency for people: `87 ms`, `1.24 s`, `—` when there is none. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/**
 * An uptime fraction as a percentage, truncated rather than rounded so that 99.996 % never
 * shows as a perfect 100 %: `99.99%`, `100%`, `—` without checks.
 */
export function formatUptime(fraction: number | null | undefined, decimals = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  if (fraction >= 1) return '100%';
  const scale = 10 ** decimals;
  const truncated = Math.floor(fraction * 100 * scale) / scale;
  return `${truncated.toFixed(decimals)}%`;
}

/** How long ago `ts` was: `just now`, `42 s ago`, `5 min ago`, `3 h ago`, `2 d ago`. */
export function formatAgo(ts: number | null | undefined, now: number): string {
  if (ts === null || ts === undefined) return 'never';
  const ago = now - ts;
  if (ago < 5 * SECOND) return 'just now';
  if (ago < MINUTE) return `${Math.floor(ago / SECOND)} s ago`;
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  return `${Math.floor(ago / DAY)} d ago`;
}

/** A span in two units at most: `45 s`, `12 min`, `2 h 13 min`, `3 d 4 h`. */
export function formatSpan(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0 ? `${Math.floor(abs / HOUR)} h` : `${Math.floor(abs / HOUR)} h ${minutes} min`;
  }
  const hours = Math.floor((abs % DAY) / HOUR);
  return hours === 0 ? `${Math.floor(abs / DAY)} d` : `${Math.floor(abs / DAY)} d ${hours} h`;
}

/** A whole number of seconds as the editor and lists show intervals: `30s`, `5m`, `1h`, `90s`. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const timeSecondsFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A clock time (`14:05`), with seconds when asked. */
export function formatClock(ts: number, seconds = false): string {
  return (seconds ? timeSecondsFormat : timeFormat).format(ts);
}

/** A moment as a log line shows it: the clock with seconds today, the date and time before. */
export function formatWhen(ts: number, now: number): string {
  return new Date(ts).toDateString() === new Date(now).toDateString()
    ? formatClock(ts, true)
    : formatDateTime(ts);
}

/** A date and time (`Mar 4, 14:05`). */
export function formatDateTime(ts: number): string {
  return dateTimeFormat.format(ts);
}

/** A day (`Mar 4`). */
export function formatDay(ts: number): string {
  return dayFormat.format(ts);
}

/** What a monitor watches, in one short line: its URL, host:port, name or schedule. */
export function monitorTarget(monitor: Monitor): string {
  switch (monitor.type) {
    case 'http':
    case 'browser':
      return monitor.url;
    case 'tcp':
    case 'tls':
      return `${monitor.host}:${monitor.port}`;
    case 'dns':
      return `${monitor.recordType} ${monitor.hostname}`;
    case 'heartbeat':
      return monitor.cron !== undefined
        ? `cron ${monitor.cron} (${monitor.timezone})`
        : `every ${formatSeconds(monitor.period ?? 0)}`;
  }
}

/** Upper-cases a monitor type for badges: `HTTP`, `TCP`, `DNS`, `TLS`, `Heartbeat`, `Browser`. */
export function typeLabel(type: Monitor['type']): string {
  return type === 'heartbeat' || type === 'browser'
    ? type[0]!.toUpperCase() + type.slice(1)
    : type.toUpperCase();
}

/** `1 monitor`, `3 monitors`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? word : many}`;
}
