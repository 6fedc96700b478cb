import {
  AlertRule,
  ChannelConfig,
  ChannelId,
  ChannelSchedule,
  DeliveryRecord,
  DeliveryStatus,
  EscalationPolicy,
  MaintenanceWindow,
  PolicyId,
} from '@vantage/shared';
import { z } from 'zod';

/** A channel or policy id in the path. */
export const AlertIdParams = z.object({ id: PolicyId });
/** A channel id in the path. */
export const ChannelParams = z.object({ id: ChannelId });

/**
 * A channel as a client sends it: the ChannelConfig shape, where any secret may be `[redacted]`
 * to keep the stored one. Validated by the route (after the stored secrets are merged back in),
 * so that the marker is not refused as a bad URL first.
 */
export const ChannelInput = z
  .looseObject({ kind: z.string(), id: z.string() })
  .describe('a ChannelConfig; secrets sent as "[redacted]" keep the stored value');

/** Every channel, secrets redacted. */
export const ChannelList = z.object({ channels: z.array(ChannelConfig) });
/** How a test send ended. */
export const TestOutcome = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  error: z.string().optional(),
  permanent: z.boolean().optional(),
});

/** The delivery log filters. */
export const DeliveryQuerySchema = z.object({
  channelId: ChannelId.optional(),
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
/** A page of the delivery log, newest first. */
export const DeliveryList = z.object({ deliveries: z.array(DeliveryRecord) });

/** The document kinds managed with the same list / put / delete routes. */
export const POLICY_ROUTES = [
  { kind: 'rule', path: '/alert-rules', schema: AlertRule, what: 'alert rule', key: 'id' },
  {
    kind: 'escalation',
    path: '/escalation-policies',
    schema: EscalationPolicy,
    what: 'escalation policy',
    key: 'id',
  },
  {
    kind: 'schedule',
    path: '/channel-schedules',
    schema: ChannelSchedule,
    what: 'channel schedule',
    key: 'channelId',
  },
  {
    kind: 'maintenance',
    path: '/maintenance-windows',
    schema: MaintenanceWindow,
    what: 'maintenance window',
    key: 'id',
  },
] as const;
