import { bucketStart, publicMonitorState, RESOLUTION_MS } from '@vantage/shared';
import { z } from 'zod';
import { STATE_TEXT } from './page-fragments.js';
import { type BadgeColor, renderBadge } from './render-badge.js';
import { formatUptime } from './render-page-html.js';
import type { StatusPages } from './status-page-service.js';
import { uptimeTone } from './uptime-tone.js';

/** `?days=N` of uptime and latency badges: 1 … 365. */
export const BadgeQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).optional(),
});

const STATE_COLOR: Readonly<Record<ReturnType<typeof publicMonitorState>, BadgeColor>> = {
  operational: 'ok',
  degraded: 'warn',
  down: 'bad',
  maintenance: 'info',
  unknown: 'none',
};

/** The colour of an uptime badge, by the thresholds the page's bars use. */
export function badgeColorOf(uptime: number | null): BadgeColor {
  return uptimeTone(uptime);
}

/**
 * The SVG of a badge (`status.svg`, `uptime.svg`, `latency.svg`) of the monitor a page's key names,
 * or undefined when the key or kind is unknown. Uptime and latency come from the daily aggregates
 * over the last `days` UTC days including today (uptime defaults to the page's range, latency to today;
 * never more than the range). A figure the page hides has no badge.
 */
export function badgeResponse(
  pages: StatusPages,
  slug: string,
  key: string,
  kind: string,
  days: number | undefined,
): string | undefined {
  const entry = pages.pages.monitorForKey(slug, key);
  const page = pages.pages.get(slug);
  if (entry === undefined || page === undefined) return undefined;
  if (kind === 'status.svg') {
    const state = pages.cache
      .model(slug)
      ?.sections.flatMap((s) => s.monitors)
      .find((m) => m.key === key)?.state;
    const shown = state ?? 'unknown';
    return renderBadge(entry.label, STATE_TEXT[shown].toLowerCase(), STATE_COLOR[shown]);
  }
  if (kind !== 'uptime.svg' && kind !== 'latency.svg') return undefined;
  // A badge must not publish a figure the page itself hides, nor history beyond its range.
  const figures = page.config.figures;
  if (kind === 'uptime.svg' ? !figures.uptime : !figures.latency) return undefined;
  const span = Math.min(days ?? (kind === 'uptime.svg' ? page.config.rangeDays : 1), page.config.rangeDays);
  const today = bucketStart(pages.now(), 'day');
  const from = today - (span - 1) * RESOLUTION_MS.day;
  const counts = pages.dayCounts.read([entry.monitorId], from, today);
  let up = 0;
  let all = 0;
  let latencyUs = 0;
  for (const [day, c] of counts.get(entry.monitorId) ?? []) {
    // The reader may hold a longer history than asked for (another badge's range).
    if (day < from) continue;
    up += c.up + c.degraded;
    all += c.up + c.degraded + c.down;
    latencyUs += c.latencySumUs;
  }
  const period = span === 1 ? 'today' : `${span}d`;
  if (kind === 'uptime.svg') {
    const uptime = all === 0 ? null : up / all;
    return renderBadge(`uptime ${period}`, formatUptime(uptime).replace(' %', '%'), badgeColorOf(uptime));
  }
  const meanMs = up === 0 ? null : latencyUs / up / 1000;
  return renderBadge(
    `latency ${period}`,
    meanMs === null ? 'no data' : `${Math.round(meanMs)} ms`,
    meanMs === null ? 'none' : 'info',
  );
}
