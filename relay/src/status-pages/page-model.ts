import {
  bucketStart,
  type MaintenanceWindow,
  maintenanceCovers,
  maintenanceOccurrence,
  type Monitor,
  type MonitorStatus,
  overallState,
  type PageIncident,
  type PublicDay,
  type PublicIncident,
  type PublicMaintenance,
  type PublicMonitor,
  publicMonitorState,
  type PublicStatusPage,
  RESOLUTION_MS,
  type StatusPageConfig,
} from '@vantage/shared';
import type { DayCountTable } from './day-counts.js';

/** How far ahead a page announces maintenance. */
export const MAINTENANCE_HORIZON_MS = 14 * RESOLUTION_MS.day;
/** Resolved written incidents a page lists. */
export const HISTORY_LIMIT = 20;

/** What a page is built from; every lookup is by monitor id, which never leaves this module. */
export interface PageSources {
  config: StatusPageConfig;
  /** The page's opaque key of a monitor. */
  keyOf(monitorId: string): string;
  status(monitorId: string): MonitorStatus | undefined;
  monitor(monitorId: string): Monitor | null;
  /** Counts of the page's monitors over [fromDay, toDay] (see readDayCounts). */
  dayCounts(monitorIds: readonly string[], fromDay: number, toDay: number): DayCountTable;
  incidents: readonly PageIncident[];
  maintenance: readonly MaintenanceWindow[];
  /** Absolute base of the page's own links, e.g. `https://relay.example.com/s/acme`. */
  baseUrl: string;
  emailSubscriptions: boolean;
  now: number;
}

/** `YYYY-MM-DD` of a UTC day start. */
export function isoDay(dayStart: number): string {
  return new Date(dayStart).toISOString().slice(0, 10);
}

/**
 * A checked URL as it may be published: credentials, query and fragment often carry secrets
 * (tokens, signed parameters) and say nothing a visitor needs.
 */
export function publicUrlOf(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** What a monitor checks, as a visitor recognises it. */
export function monitorTarget(monitor: Monitor): string | undefined {
  switch (monitor.type) {
    case 'http':
    case 'browser':
      return publicUrlOf(monitor.url);
    case 'tcp':
      return `${monitor.host}:${monitor.port}`;
    case 'tls':
      return monitor.host;
    case 'dns':
      return monitor.hostname;
    default:
      return undefined;
  }
}

/**
 * The public model of a page, which the HTML, the JSON twin, the feeds and the badges all render.
 * Only the page's own monitors are read, and each leaves this function as its label and key.
 */
export function buildPublicPage(src: PageSources): PublicStatusPage {
  const { config, now } = src;
  const today = bucketStart(now, 'day');
  const firstDay = today - (config.rangeDays - 1) * RESOLUTION_MS.day;
  const published = config.sections.flatMap((s) => s.monitors);
  const labels = new Map(published.map((m) => [m.monitorId, m.label]));
  const counts = src.dayCounts(
    published.map((m) => m.monitorId),
    firstDay,
    today,
  );
  // One date string per day of the range, shared by every monitor (4,500 Date objects otherwise).
  const dates: string[] = [];
  for (let day = firstDay; day <= today; day += RESOLUTION_MS.day) dates.push(isoDay(day));
  const sections = config.sections.map((section) => ({
    title: section.title,
    monitors: section.monitors.map((entry): PublicMonitor => {
      const days = counts.get(entry.monitorId);
      const series: PublicDay[] = [];
      let answered = 0;
      let checks = 0;
      for (let i = 0; i < dates.length; i++) {
        const c = days?.get(firstDay + i * RESOLUTION_MS.day);
        if (c === undefined) {
          series.push({ date: dates[i]!, up: 0, degraded: 0, down: 0, uptime: null });
          continue;
        }
        const total = c.up + c.degraded + c.down;
        answered += c.up + c.degraded;
        checks += total;
        series.push({
          date: dates[i]!,
          up: c.up,
          degraded: c.degraded,
          down: c.down,
          uptime: total === 0 ? null : (c.up + c.degraded) / total,
        });
      }
      const todayCounts = days?.get(today);
      const answeredToday = todayCounts === undefined ? 0 : todayCounts.up + todayCounts.degraded;
      const target = entry.showTarget ? monitorTargetOf(src, entry.monitorId) : undefined;
      return {
        key: src.keyOf(entry.monitorId),
        label: entry.label,
        ...(target === undefined ? {} : { target }),
        state: publicMonitorState(src.status(entry.monitorId)),
        ...(config.figures.uptime ? { uptime: checks === 0 ? null : answered / checks } : {}),
        ...(config.figures.latency
          ? {
              latencyMs:
                answeredToday === 0 ? null : Math.round(todayCounts!.latencySumUs / answeredToday / 100) / 10,
            }
          : {}),
        ...(config.figures.dailyBars ? { days: series } : {}),
      };
    }),
  }));
  const toPublic = (incident: PageIncident): PublicIncident => ({
    id: incident.id,
    title: incident.title,
    impact: incident.impact,
    status: incident.updates.at(-1)!.status,
    affected: incident.monitorIds.flatMap((id) => labels.get(id) ?? []),
    createdAt: incident.createdAt,
    ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt }),
    updates: [...incident.updates].reverse(),
  });
  const open = src.incidents.filter((i) => i.resolvedAt === undefined);
  const states = sections.flatMap((s) => s.monitors.map((m) => m.state));
  return {
    slug: config.slug,
    title: config.title,
    description: config.description,
    ...(config.homepageUrl === undefined ? {} : { homepageUrl: config.homepageUrl }),
    ...(config.logo === undefined ? {} : { logoUrl: `${src.baseUrl}/logo` }),
    theme: config.theme,
    generatedAt: now,
    rangeDays: config.rangeDays,
    overall: overallState(
      states,
      open.map((i) => i.impact),
    ),
    sections,
    activeIncidents: open.map(toPublic),
    ...(config.figures.incidentHistory
      ? {
          incidentHistory: src.incidents
            .filter((i) => i.resolvedAt !== undefined)
            .slice(0, HISTORY_LIMIT)
            .map(toPublic),
        }
      : {}),
    maintenance: publicMaintenance(src, labels),
    subscriptions: { email: src.emailSubscriptions },
  };
}

function monitorTargetOf(src: PageSources, monitorId: string): string | undefined {
  const monitor = src.monitor(monitorId);
  return monitor === null ? undefined : monitorTarget(monitor);
}

/** Windows that cover a published monitor, in effect or starting within the horizon, soonest first. */
function publicMaintenance(src: PageSources, labels: Map<string, string>): PublicMaintenance[] {
  const subjects = [...labels.keys()].map((id) => ({ id, tags: src.monitor(id)?.tags ?? [] }));
  const out: PublicMaintenance[] = [];
  for (const window of src.maintenance) {
    const affected = subjects.filter((m) => maintenanceCovers(window, m)).map((m) => labels.get(m.id)!);
    if (affected.length === 0) continue;
    const occurrence = maintenanceOccurrence(window, src.now, MAINTENANCE_HORIZON_MS);
    if (occurrence === null) continue;
    out.push({ name: window.name, ...occurrence, affected });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
