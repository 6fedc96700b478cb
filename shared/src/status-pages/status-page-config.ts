import { z } from 'zod';

/** A page's address part: `/s/<slug>` on the relay. */
export const PageSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and inner dashes');

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Largest logo accepted, as a data URL (PNG, JPEG, SVG or WebP). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** A logo embedded in the page config, served by the relay at `/s/<slug>/logo`. */
export const PageLogo = z
  .string()
  .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 64)
  .regex(
    /^data:image\/(png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/]+=*$/,
    'must be a base64 data URL of a PNG, JPEG, SVG or WebP image',
  );

/** One monitor shown on a page: only what is listed here is ever public. */
export const PageMonitor = z.object({
  monitorId: z.string().min(1).max(64),
  /** The public name (the monitor's own name is not published unless copied here). */
  label: z.string().trim().min(1).max(120),
  /** Shows the monitor's target (URL or host) under its name; off by default. */
  showTarget: z.boolean().default(false),
});
/** One monitor shown on a page. */
export type PageMonitor = z.infer<typeof PageMonitor>;

/** A titled group of monitors on a page. */
export const PageSection = z.object({
  title: z.string().trim().max(120).default(''),
  monitors: z.array(PageMonitor).min(1, 'a section needs at least one monitor').max(100),
});

/** Which figures a page shows. */
export const PageFigures = z.object({
  /** Uptime percentage over the range, per monitor. */
  uptime: z.boolean().default(true),
  /** Daily bars over the range, per monitor. */
  dailyBars: z.boolean().default(true),
  /** Current response time, per monitor. */
  latency: z.boolean().default(false),
  /** Incident history below the monitors. */
  incidentHistory: z.boolean().default(true),
});

/**
 * A status page as designed in the desktop and published to the relay. The relay serves it at
 * `/s/<slug>` (and at `/` of `customDomain` when a request's Host names it). Nothing outside this
 * object (other monitors, targets not chosen, probe names) is ever shown.
 */
export const StatusPageConfig = z
  .object({
    slug: PageSlug,
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000).default(''),
    logo: PageLogo.optional(),
    /** A link shown on the page header (the company's site). */
    homepageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    sections: z.array(PageSection).min(1, 'a page needs at least one section').max(20),
    figures: PageFigures.default({ uptime: true, dailyBars: true, latency: false, incidentHistory: true }),
    /** Days of history shown as bars and used for uptime. */
    rangeDays: z.number().int().min(7).max(365).default(90),
    /** A host name that serves this page at its root (the DNS record points at the relay). */
    customDomain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(HOSTNAME, 'must be a host name such as status.example.com')
      .optional(),
    theme: z.enum(['light', 'dark', 'auto']).default('auto'),
    /** An email alert channel (id) whose SMTP server mails subscribers; none disables email subscriptions. */
    subscriberEmailChannelId: z.string().min(1).max(64).optional(),
    /** Whether the page is public; an unpublished page answers 404 everywhere. */
    published: z.boolean().default(true),
  })
  .superRefine((page, ctx) => {
    const seen = new Set<string>();
    page.sections.forEach((section, s) =>
      section.monitors.forEach((monitor, m) => {
        if (seen.has(monitor.monitorId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'monitors', m, 'monitorId'],
            message: 'is already on this page',
          });
        }
        seen.add(monitor.monitorId);
      }),
    );
  });
/** A status page's design, defaults filled in. */
export type StatusPageConfig = z.output<typeof StatusPageConfig>;
/** A status page's design as a client writes it. */
export type StatusPageConfigInput = z.input<typeof StatusPageConfig>;

/** A page as the relay lists it to the desktop. */
export const StatusPageSummary = z.object({
  slug: PageSlug,
  title: z.string(),
  published: z.boolean(),
  /** The public address: `<publicUrl>/s/<slug>`. */
  url: z.string(),
  customDomain: z.string().optional(),
  monitorCount: z.number().int().nonnegative(),
  /** Confirmed subscribers (email and webhook). */
  subscriberCount: z.number().int().nonnegative(),
  /** Incidents written for the page that are not resolved. */
  openIncidentCount: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
/** A page as the relay lists it. */
export type StatusPageSummary = z.infer<typeof StatusPageSummary>;
