import {
  AlertRule,
  ChannelSchedule,
  DeliveryRecord,
  EscalationPolicy,
  MaintenanceWindow,
  ok,
} from '@vantage/shared';
import { z } from 'zod';
import type { ApiHandlers } from '../../contract/index.js';
import {
  type ChannelView,
  type LastDeliveryView,
  RedactedChannel,
} from '../../contract/methods/alerting-methods.js';
import { type CoreContext, relayCall } from './core-context.js';
import { maintenanceView } from './alerting-maintenance-view.js';

type AlertingMethod = Extract<keyof ApiHandlers, `alerting.${string}`>;

const Removed = z.object({ id: z.string() });
const TestOutcome = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  error: z.string().optional(),
  permanent: z.boolean().optional(),
});
const ChannelList = z.object({ channels: z.array(RedactedChannel) });
const DeliveryList = z.object({ deliveries: z.array(DeliveryRecord) });
const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** How far back the channel list looks for each channel's newest delivery. */
const RECENT_DELIVERIES = 500;

const at = (id: string) => encodeURIComponent(id);

/**
 * The `alerting.*` methods, each one call to the linked relay's REST API. The relay redacts
 * secrets in what it answers and keeps stored ones when a document carries the redaction marker,
 * so nothing secret passes through the desktop after a channel was saved.
 */
export function alertingHandlers(ctx: CoreContext): Pick<ApiHandlers, AlertingMethod> {
  const now = () => ctx.config.now();
  return {
    'alerting.channels.list': async () => {
      const [channels, recent] = await Promise.all([
        relayCall(ctx, 'GET', '/alert-channels', ChannelList),
        relayCall(ctx, 'GET', `/alert-deliveries?limit=${RECENT_DELIVERIES}`, DeliveryList),
      ]);
      if (!channels.ok) return channels;
      const last = new Map<string, LastDeliveryView>();
      // A failed log read only loses the "last delivery" column, not the list.
      for (const record of recent.ok ? recent.value.deliveries : []) {
        if (last.has(record.channelId)) continue;
        last.set(record.channelId, {
          status: record.status,
          at: record.deliveredAt ?? record.attempts.at(-1)?.at ?? record.createdAt,
          error: record.lastError,
        });
      }
      const views: ChannelView[] = channels.value.channels.map((channel) => ({
        channel,
        lastDelivery: last.get(channel.id) ?? null,
      }));
      return ok(views);
    },
    'alerting.channels.get': ({ id }) => relayCall(ctx, 'GET', `/alert-channels/${at(id)}`, RedactedChannel),
    'alerting.channels.save': (channel) =>
      relayCall(ctx, 'PUT', `/alert-channels/${at(channel.id)}`, RedactedChannel, channel),
    'alerting.channels.delete': ({ id }) => relayCall(ctx, 'DELETE', `/alert-channels/${at(id)}`, Removed),
    'alerting.channels.test': ({ id }) =>
      relayCall(ctx, 'POST', `/alert-channels/${at(id)}/test`, TestOutcome, {}),
    'alerting.channels.testUnsaved': (channel) =>
      relayCall(ctx, 'POST', '/alert-channels/test', TestOutcome, channel),

    'alerting.rules.list': async () => items(await relayCall(ctx, 'GET', '/alert-rules', itemsOf(AlertRule))),
    'alerting.rules.save': (rule) => relayCall(ctx, 'PUT', `/alert-rules/${at(rule.id)}`, AlertRule, rule),
    'alerting.rules.delete': ({ id }) => relayCall(ctx, 'DELETE', `/alert-rules/${at(id)}`, Removed),

    'alerting.escalation.list': async () =>
      items(await relayCall(ctx, 'GET', '/escalation-policies', itemsOf(EscalationPolicy))),
    'alerting.escalation.save': (policy) =>
      relayCall(ctx, 'PUT', `/escalation-policies/${at(policy.id)}`, EscalationPolicy, policy),
    'alerting.escalation.delete': ({ id }) =>
      relayCall(ctx, 'DELETE', `/escalation-policies/${at(id)}`, Removed),

    'alerting.schedules.list': async () =>
      items(await relayCall(ctx, 'GET', '/channel-schedules', itemsOf(ChannelSchedule))),
    'alerting.schedules.save': (schedule) =>
      relayCall(ctx, 'PUT', `/channel-schedules/${at(schedule.channelId)}`, ChannelSchedule, schedule),
    'alerting.schedules.delete': ({ channelId }) =>
      relayCall(ctx, 'DELETE', `/channel-schedules/${at(channelId)}`, Removed),

    'alerting.maintenance.list': async () => {
      const listed = await relayCall(ctx, 'GET', '/maintenance-windows', itemsOf(MaintenanceWindow));
      if (!listed.ok) return listed;
      const at = now();
      return ok(listed.value.items.map((window) => maintenanceView(window, at)));
    },
    'alerting.maintenance.save': async (window) => {
      const saved = await relayCall(
        ctx,
        'PUT',
        `/maintenance-windows/${at(window.id)}`,
        MaintenanceWindow,
        window,
      );
      return saved.ok ? ok(maintenanceView(saved.value, now())) : saved;
    },
    'alerting.maintenance.delete': ({ id }) =>
      relayCall(ctx, 'DELETE', `/maintenance-windows/${at(id)}`, Removed),

    'alerting.deliveries': async ({ channelId, status, limit }) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (channelId !== undefined) query.set('channelId', channelId);
      if (status !== undefined) query.set('status', status);
      const listed = await relayCall(ctx, 'GET', `/alert-deliveries?${query}`, DeliveryList);
      return listed.ok ? ok(listed.value.deliveries) : listed;
    },
  };
}

function items<T>(listed: Awaited<ReturnType<typeof relayCall<{ items: T[] }>>>) {
  return listed.ok ? ok(listed.value.items) : listed;
}
