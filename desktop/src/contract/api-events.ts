import { MonitorId } from '@vantage/shared';
import { z } from 'zod';
import {
  CheckView,
  IncidentView,
  MonitorView,
  NotificationView,
  ProbeView,
  SettingsView,
  SyncView,
} from './api-views.js';

// Live events the core pushes to every renderer: over IPC in Electron, over the WebSocket in web
// mode. The core coalesces bursts (at most one `monitors.changed` and one `checks` per second),
// so thousands of monitors never flood the renderer.

/** Monitors whose state, latest check or configuration changed, as whole views. */
export const MonitorsChangedEvent = z.object({
  type: z.literal('monitors.changed'),
  monitors: z.array(MonitorView),
});
/** Monitors that were deleted. */
export const MonitorsRemovedEvent = z.object({
  type: z.literal('monitors.removed'),
  monitorIds: z.array(MonitorId),
});
/** Raw checks just stored (live results, not catch-up pages), oldest first. */
export const ChecksEvent = z.object({ type: z.literal('checks'), checks: z.array(CheckView) });
/** An incident opened, changed, was acknowledged or resolved. */
export const IncidentEvent = z.object({
  type: z.literal('incident'),
  change: z.enum(['opened', 'updated', 'acknowledged', 'resolved']),
  incident: IncidentView,
});
/** A probe connected, disconnected or changed health. */
export const ProbeEvent = z.object({ type: z.literal('probe'), probe: ProbeView });
/** The relay connection or catch-up progress changed. */
export const SyncEvent = z.object({ type: z.literal('sync'), sync: SyncView });
/** The core decided to notify the user; shells show it (OS, tray, browser) unless muted. */
export const NotificationEvent = z.object({
  type: z.literal('notification'),
  notification: NotificationView,
});
/** Settings changed (here or in another window). */
export const SettingsEvent = z.object({ type: z.literal('settings'), settings: SettingsView });

/** Every live event, discriminated by `type`. */
export const ApiEvent = z.discriminatedUnion('type', [
  MonitorsChangedEvent,
  MonitorsRemovedEvent,
  ChecksEvent,
  IncidentEvent,
  ProbeEvent,
  SyncEvent,
  NotificationEvent,
  SettingsEvent,
]);
/** A live event. */
export type ApiEvent = z.infer<typeof ApiEvent>;
/** The `type` of a live event. */
export type ApiEventType = ApiEvent['type'];
