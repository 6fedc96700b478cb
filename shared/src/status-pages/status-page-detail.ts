import { z } from 'zod';
import { StatusPageConfig, StatusPageSummary } from './status-page-config.js';

/** The public badge addresses of one monitor on a page (keyed by an opaque per-page key). */
export const PageBadgeLinks = z.object({
  monitorId: z.string(),
  label: z.string(),
  statusUrl: z.string(),
  uptimeUrl: z.string(),
  latencyUrl: z.string(),
});
/** The public badge addresses of one monitor on a page. */
export type PageBadgeLinks = z.infer<typeof PageBadgeLinks>;

/** A page as the relay answers the desktop: the stored design, its summary and its badge URLs. */
export const StatusPageDetail = z.object({
  page: StatusPageConfig,
  summary: StatusPageSummary,
  badges: z.array(PageBadgeLinks),
});
/** A page as the relay answers the desktop. */
export type StatusPageDetail = z.infer<typeof StatusPageDetail>;
