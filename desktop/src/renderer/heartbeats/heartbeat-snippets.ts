import type { MonitorOf } from '@vantage/shared';

/** Ready-to-paste ways to ping a heartbeat URL. */
export interface HeartbeatSnippets {
  /** Pings success once. */
  curl: string;
  /** A crontab line that runs a job on the monitor's schedule and pings on success. */
  crontab: string;
  /** A shell wrapper: /start, then the command's exit code with its output as the log. */
  wrapper: string;
}

const CURL = 'curl -fsS -m 10 --retry 5 -o /dev/null';

/** A cron expression for a period, when one fits it exactly; `null` otherwise. */
export function cronForPeriod(seconds: number): string | null {
  if (seconds % 60 !== 0) return null;
  const minutes = seconds / 60;
  if (minutes < 60 && 60 % minutes === 0) return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  if (minutes % 60 !== 0) return null;
  const hours = minutes / 60;
  if (hours < 24 && 24 % hours === 0) return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  if (hours === 24) return '0 0 * * *';
  if (hours === 168) return '0 0 * * 0';
  return null;
}

/** The snippets for one heartbeat monitor and its current ping URL. */
export function heartbeatSnippets(
  url: string,
  monitor: Pick<MonitorOf<'heartbeat'>, 'period' | 'cron' | 'timezone'>,
): HeartbeatSnippets {
  const schedule = monitor.cron ?? (monitor.period === undefined ? null : cronForPeriod(monitor.period));
  // cronie and Debian's cron read CRON_TZ; without it the schedule runs in the machine's zone, so
  // it is written even for UTC (a UTC schedule on a machine in another zone would drift by hours).
  const zone =
    monitor.cron === undefined
      ? ''
      : `# CRON_TZ applies to every line below it in this crontab\nCRON_TZ=${monitor.timezone}\n`;
  const crontab =
    schedule === null
      ? `# every ${monitor.period ?? '?'} s; pick a cron schedule that matches\n* * * * * /path/to/job.sh && ${CURL} ${url}`
      : `${zone}${schedule} /path/to/job.sh && ${CURL} ${url}`;
  const wrapper = [
    '#!/bin/sh',
    '# Usage: vantage-run.sh <command> [args…] — reports start, exit code and output to Vantage.',
    `URL=${url}`,
    'RID=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)',
    `${CURL} "$URL/start?rid=$RID"`,
    'OUTPUT=$("$@" 2>&1)',
    'CODE=$?',
    `printf '%s' "$OUTPUT" | tail -c 10000 | ${CURL} --data-binary @- "$URL/$CODE?rid=$RID"`,
    'exit $CODE',
  ].join('\n');
  return { curl: `${CURL} ${url}`, crontab, wrapper };
}
