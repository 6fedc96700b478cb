import {
  AlertRule,
  CHANNEL_KINDS,
  type ChannelKind,
  ChannelId,
  ChannelSchedule,
  DeliveryRecord,
  DeliveryStatus,
  EscalationPolicy,
  MaintenanceWindow,
  PolicyId,
} from '@vantage/shared';
import { z } from 'zod';
import { type MethodSpec, method } from '../method-spec.js';

const Timestamp = z.number().int().nonnegative();

// Alerting lives on the relay (it must work while every laptop is closed); these methods pass
// through to its REST API. Documents are checked by the relay, so a bad field is named exactly as
// the relay names it (`url`, `steps.0.channels`); the desktop checks only the id it puts in a URL.

/**
 * A channel as the renderer sends it: any secret may be `[redacted]` (REDACTED_SECRET) to keep
 * the one the relay stores, so editing a channel never needs its password typed again.
 */
const ChannelInput = z
  .looseObject({ id: ChannelId, kind: z.string().min(1, 'must name a channel kind') })
  .describe('A channel (see ChannelConfig); a secret sent as "[redacted]" keeps the stored value.');

/**
 * A channel as the relay shows it: its secrets read `[redacted]`, so a redacted webhook URL is not
 * a URL and the full ChannelConfig schema cannot check it; the common fields are checked, the
 * kind's own fields pass as the relay sent them (it validated them when they were saved).
 */
export const RedactedChannel = z.looseObject({
  kind: z.enum(CHANNEL_KINDS as [ChannelKind, ...ChannelKind[]]),
  id: ChannelId,
  name: z.string(),
  enabled: z.boolean(),
});
/** A channel as the relay shows it, secrets redacted. */
export type RedactedChannel = z.infer<typeof RedactedChannel>;

/** How the newest message to a channel ended, for the channel list. */
export const LastDeliveryView = z.object({
  status: DeliveryStatus,
  at: Timestamp,
  error: z.string().nullable(),
});
/** How the newest message to a channel ended. */
export type LastDeliveryView = z.infer<typeof LastDeliveryView>;

/** A channel (secrets redacted by the relay) with how its newest delivery went. */
export const ChannelView = z.object({ channel: RedactedChannel, lastDelivery: LastDeliveryView.nullable() });
/** A channel with how its newest delivery went. */
export type ChannelView = z.infer<typeof ChannelView>;

/** The provider's answer to a test send, or its error (secrets scrubbed) and whether retrying could help. */
export const TestOutcomeView = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  error: z.string().optional(),
  permanent: z.boolean().optional(),
});
/** The outcome of a test send. */
export type TestOutcomeView = z.infer<typeof TestOutcomeView>;

/** A maintenance window with what it means now: in effect (until when) and when it next starts. */
export const MaintenanceView = z.object({
  window: MaintenanceWindow,
  activeNow: z.boolean(),
  /** When the current period ends; null when not in effect. */
  activeUntil: Timestamp.nullable(),
  /** The start of the next period after now; null when there is none (a past one-off window). */
  nextStartsAt: Timestamp.nullable(),
});
/** A maintenance window with what it means now. */
export type MaintenanceView = z.infer<typeof MaintenanceView>;

const idRef = { id: PolicyId };
const channelRef = { id: ChannelId };
const Removed = z.object({ id: z.string() });

/** A document whose id goes into the URL; the relay validates the rest. */
const documentInput = (what: string) => z.looseObject({ id: PolicyId }).describe(what);

/** The `alerting.*` methods: channels, rules, escalation, schedules, maintenance and the delivery log. */
export const ALERTING_METHODS = {
  'alerting.channels.list': method(
    'Alert channels (secrets redacted) with how their newest delivery went',
    { method: 'GET', path: '/alerting/channels' },
    z.object({}),
    z.array(ChannelView),
  ),
  'alerting.channels.get': method(
    'One alert channel, secrets redacted',
    { method: 'GET', path: '/alerting/channels/:id' },
    z.object(channelRef),
    RedactedChannel,
  ),
  'alerting.channels.save': method(
    'Creates or replaces a channel; secrets sent as "[redacted]" keep their stored values',
    { method: 'PUT', path: '/alerting/channels/:id' },
    ChannelInput,
    RedactedChannel,
  ),
  'alerting.channels.delete': method(
    'Deletes a channel; messages still queued for it fail',
    { method: 'DELETE', path: '/alerting/channels/:id' },
    z.object(channelRef),
    Removed,
  ),
  'alerting.channels.test': method(
    'Sends a test alert through a saved channel and returns the provider’s answer',
    { method: 'POST', path: '/alerting/channels/:id/test' },
    z.object(channelRef),
    TestOutcomeView,
  ),
  'alerting.channels.testUnsaved': method(
    'Sends a test alert with settings not saved yet (a redacted secret uses the saved one)',
    { method: 'POST', path: '/alerting/channels/test' },
    ChannelInput,
    TestOutcomeView,
  ),
  'alerting.rules.list': method(
    'Alert rules: which monitors notify which channels, on what',
    { method: 'GET', path: '/alerting/rules' },
    z.object({}),
    z.array(AlertRule),
  ),
  'alerting.rules.save': method(
    'Creates or replaces an alert rule',
    { method: 'PUT', path: '/alerting/rules/:id' },
    documentInput('An AlertRule'),
    AlertRule,
  ),
  'alerting.rules.delete': method(
    'Deletes an alert rule',
    { method: 'DELETE', path: '/alerting/rules/:id' },
    z.object(idRef),
    Removed,
  ),
  'alerting.escalation.list': method(
    'Escalation policies',
    { method: 'GET', path: '/alerting/escalation' },
    z.object({}),
    z.array(EscalationPolicy),
  ),
  'alerting.escalation.save': method(
    'Creates or replaces an escalation policy',
    { method: 'PUT', path: '/alerting/escalation/:id' },
    documentInput('An EscalationPolicy'),
    EscalationPolicy,
  ),
  'alerting.escalation.delete': method(
    'Deletes an escalation policy',
    { method: 'DELETE', path: '/alerting/escalation/:id' },
    z.object(idRef),
    Removed,
  ),
  'alerting.schedules.list': method(
    'Channel schedules: when each channel may be used',
    { method: 'GET', path: '/alerting/schedules' },
    z.object({}),
    z.array(ChannelSchedule),
  ),
  'alerting.schedules.save': method(
    "Creates or replaces a channel's schedule",
    { method: 'PUT', path: '/alerting/schedules/:channelId' },
    z.looseObject({ channelId: ChannelId }).describe('A ChannelSchedule'),
    ChannelSchedule,
  ),
  'alerting.schedules.delete': method(
    "Deletes a channel's schedule (the channel is then always used)",
    { method: 'DELETE', path: '/alerting/schedules/:channelId' },
    z.object({ channelId: ChannelId }),
    Removed,
  ),
  'alerting.maintenance.list': method(
    'Maintenance windows, with whether each is in effect now and when it next starts',
    { method: 'GET', path: '/alerting/maintenance' },
    z.object({}),
    z.array(MaintenanceView),
  ),
  'alerting.maintenance.save': method(
    'Creates or replaces a maintenance window (monitors enter or leave maintenance at once)',
    { method: 'PUT', path: '/alerting/maintenance/:id' },
    documentInput('A MaintenanceWindow'),
    MaintenanceView,
  ),
  'alerting.maintenance.delete': method(
    'Deletes a maintenance window',
    { method: 'DELETE', path: '/alerting/maintenance/:id' },
    z.object(idRef),
    Removed,
  ),
  'alerting.deliveries': method(
    'The delivery log, newest first, with every attempt and the provider’s answers',
    { method: 'GET', path: '/alerting/deliveries' },
    z.object({
      channelId: ChannelId.optional(),
      status: DeliveryStatus.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    z.array(DeliveryRecord),
  ),
} satisfies Record<string, MethodSpec>;
