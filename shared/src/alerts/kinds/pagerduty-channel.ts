import { z } from 'zod';
import { apiBaseUrl, channelCommonFields } from '../channel-fields.js';

/** A PagerDuty service integration of type Events API v2. */
export const PagerDutyChannelConfig = z
  .object({
    kind: z.literal('pagerduty'),
    ...channelCommonFields,
    routingKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{32}$/, 'must be the 32-character integration key of an Events API v2 integration'),
    /** `https://events.eu.pagerduty.com` for the EU service region. */
    apiBase: apiBaseUrl('https://events.pagerduty.com'),
  })
  .strict();
/** A PagerDuty Events API v2 integration. */
export type PagerDutyChannelConfig = z.infer<typeof PagerDutyChannelConfig>;
