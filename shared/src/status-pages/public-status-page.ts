import { z } from 'zod';
import { PageIncidentImpact, PageIncidentStatus, PageIncidentUpdate } from './page-incident.js';

/**
 * The page-wide state its banner shows, worst first in {@link OVERALL_STATES}; `unknown` (no
 * published monitor has reported yet) comes last, as it claims neither trouble nor health.
 */
export const OverallState = z.enum([
  'major_outage',
  'partial_outage',
  'degraded',
  'maintenance',
  'operational',
  'unknown',
]);
/** The page-wide state its banner shows. */
export type OverallState = z.infer<typeof OverallState>;
/** Overall states from worst to best, then `unknown`. */
export const OVERALL_STATES = OverallState.options;

/** A monitor's current state as the public sees it (pending, paused and unknown read as `unknown`). */
export const PublicMonitorState = z.enum(['operational', 'degraded', 'down', 'maintenance', 'unknown']);
/** A monitor's current state as the public sees it. */
export type PublicMonitorState = z.infer<typeof PublicMonitorState>;

/** One UTC day of one monitor: check counts summed over regions and check-based uptime. */
export const PublicDay = z.object({
  /** `YYYY-MM-DD`, UTC. */
  date: z.string(),
  up: z.number().int().nonnegative(),
  degraded: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
  /** (up + degraded) / checks, 0 … 1; null when the day holds no checks. */
  uptime: z.number().min(0).max(1).nullable(),
});
/** One UTC day of one monitor. */
export type PublicDay = z.infer<typeof PublicDay>;

/** One published monitor: its public label and key, never its id, name or regions. */
export const PublicMonitor = z.object({
  /** Opaque and stable per page; badges are addressed by it. */
  key: z.string(),
  label: z.string(),
  /** Only when the page publishes it (`showTarget`). */
  target: z.string().optional(),
  state: PublicMonitorState,
  /** Check-based uptime over the page's range; absent when the page hides uptime, null without checks. */
  uptime: z.number().min(0).max(1).nullable().optional(),
  /** Mean response time today in ms; only when the page shows latency, null without answers. */
  latencyMs: z.number().nonnegative().nullable().optional(),
  /** Oldest first, one per day of the range; only when the page shows daily bars. */
  days: z.array(PublicDay).optional(),
});
/** One published monitor. */
export type PublicMonitor = z.infer<typeof PublicMonitor>;

/** A written incident as published: affected monitors by label. */
export const PublicIncident = z.object({
  id: z.string(),
  title: z.string(),
  impact: PageIncidentImpact,
  status: PageIncidentStatus,
  affected: z.array(z.string()),
  createdAt: z.number().int(),
  resolvedAt: z.number().int().optional(),
  /** Newest first. */
  updates: z.array(PageIncidentUpdate),
});
/** A written incident as published. */
export type PublicIncident = z.infer<typeof PublicIncident>;

/** A maintenance window touching published monitors: in effect now, or its next occurrence. */
export const PublicMaintenance = z.object({
  name: z.string(),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  active: z.boolean(),
  affected: z.array(z.string()),
});
/** A maintenance window touching published monitors. */
export type PublicMaintenance = z.infer<typeof PublicMaintenance>;

/** `/s/<slug>.json`: the same figures the HTML page shows, and nothing that was not published. */
export const PublicStatusPage = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  homepageUrl: z.string().optional(),
  logoUrl: z.string().optional(),
  theme: z.enum(['light', 'dark', 'auto']),
  generatedAt: z.number().int(),
  rangeDays: z.number().int(),
  overall: OverallState,
  sections: z.array(z.object({ title: z.string(), monitors: z.array(PublicMonitor) })),
  activeIncidents: z.array(PublicIncident),
  /** Resolved written incidents, newest first; absent when the page hides its history. */
  incidentHistory: z.array(PublicIncident).optional(),
  maintenance: z.array(PublicMaintenance),
  subscriptions: z.object({ email: z.boolean() }),
});
/** The public JSON twin of a status page. */
export type PublicStatusPage = z.infer<typeof PublicStatusPage>;
