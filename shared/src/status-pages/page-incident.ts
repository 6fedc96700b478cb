import { z } from 'zod';
import { PageSlug } from './status-page-config.js';

/** The stages of a written incident, in the order they usually follow. */
export const PAGE_INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** One stage of a written incident. */
export const PageIncidentStatus = z.enum(PAGE_INCIDENT_STATUSES);
/** One stage of a written incident. */
export type PageIncidentStatus = z.infer<typeof PageIncidentStatus>;

/** How badly a written incident affects users; it colours the page's banner. */
export const PageIncidentImpact = z.enum(['none', 'minor', 'major', 'critical']);
/** How badly a written incident affects users. */
export type PageIncidentImpact = z.infer<typeof PageIncidentImpact>;

/** One status update of a written incident, as subscribers receive it. */
export const PageIncidentUpdate = z.object({
  status: PageIncidentStatus,
  message: z.string().trim().min(1).max(5000),
  /** Epoch ms the update was posted. */
  at: z.number().int().nonnegative(),
});
/** One status update of a written incident. */
export type PageIncidentUpdate = z.infer<typeof PageIncidentUpdate>;

/**
 * An incident written by people for a status page (distinct from the evaluator's incidents, which
 * are machine-made): a title, the affected published monitors, and its updates, oldest first.
 */
export const PageIncident = z.object({
  id: z.string().min(1).max(64),
  slug: PageSlug,
  title: z.string().trim().min(1).max(200),
  impact: PageIncidentImpact,
  /** Published monitors it affects (ids from the page's sections). */
  monitorIds: z.array(z.string().min(1).max(64)).max(200),
  updates: z.array(PageIncidentUpdate).min(1),
  createdAt: z.number().int().nonnegative(),
  /** Set when an update with status `resolved` was posted. */
  resolvedAt: z.number().int().nonnegative().optional(),
});
/** A written incident with its updates. */
export type PageIncident = z.infer<typeof PageIncident>;

/** Opens a written incident: its first update's status and message come with it. */
export const PageIncidentCreate = z.object({
  title: z.string().trim().min(1).max(200),
  impact: PageIncidentImpact.default('minor'),
  monitorIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  status: PageIncidentStatus.default('investigating'),
  message: z.string().trim().min(1).max(5000),
});
/** Opens a written incident. */
export type PageIncidentCreate = z.input<typeof PageIncidentCreate>;

/** Posts a status update to a written incident (`resolved` closes it). */
export const PageIncidentUpdateInput = z.object({
  status: PageIncidentStatus,
  message: z.string().trim().min(1).max(5000),
  /** Changes the impact from now on; unchanged when absent. */
  impact: PageIncidentImpact.optional(),
});
/** Posts a status update to a written incident. */
export type PageIncidentUpdateInput = z.input<typeof PageIncidentUpdateInput>;
